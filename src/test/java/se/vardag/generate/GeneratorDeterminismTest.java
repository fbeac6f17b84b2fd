package se.vardag.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GeneratorDeterminismTest {

  @Test
  void sameOptionsGiveByteIdenticalFiles() throws Exception {
    GeneratorOptions options = GeneratorOptions.defaults().withBadRows(true);
    Path first = GeneratedFolders.freshDir("first");
    Path second = GeneratedFolders.freshDir("second");
    new Generator(options).generate(first);
    new Generator(options).generate(second);

    Map<String, String> a = digests(first);
    Map<String, String> b = digests(second);
    assertThat(a).hasSize(Generator.FILES.size() + options.days());
    assertThat(b).isEqualTo(a);
  }

  @Test
  void anotherSeedGivesOtherData() throws Exception {
    GeneratorOptions options = GeneratorOptions.defaults().withDays(30);
    Path first = GeneratedFolders.freshDir("seed-a");
    Path second = GeneratedFolders.freshDir("seed-b");
    new Generator(options).generate(first);
    new Generator(options.withSeed(options.seed() + 1)).generate(second);

    Map<String, String> a = digests(first);
    Map<String, String> b = digests(second);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    List<String> differing = a.keySet().stream().filter(f -> !a.get(f).equals(b.get(f))).collect(Collectors.toList());
    // Everything random differs; only goals.csv (a fixed list) may be equal.
    assertThat(differing).contains("employees.csv", "trainings.csv", "outcomes.csv",
        "usage/" + UsageWriter.fileName(options.endDate()));
  }

  private static Map<String, String> digests(Path dir) throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    for (Path f : files) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      out.put(dir.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(sha.digest()));
    }
    return out;
  }
}
