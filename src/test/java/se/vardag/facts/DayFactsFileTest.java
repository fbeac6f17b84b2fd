package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayFactsFileTest {
  @TempDir
  Path dir;

  @Test
  void everyFactComesBackFromItsBucketOnly() throws Exception {
    Random random = new Random(5);
    List<DayFactsFile.Fact> facts = new ArrayList<>();
    String[] names = {"servicenow", "incident.resolve", "teams", "chat", "åäö:x", "\u0000", "日本"};
    for (int i = 0; i < 2000; i++) {
      long pid = random.nextLong();
      int words = random.nextInt(4);
      long[] w = new long[Math.max(1, words)];
      for (int k = 0; k < w.length; k++) {
        w[k] = words == 0 ? 1L << random.nextInt(64) : random.nextLong() | 1;
      }
      facts.add(new DayFactsFile.Fact(pid, names[random.nextInt(names.length)], names[random.nextInt(names.length)],
          random.nextInt(20000) - 100, w));
    }
    Path file = dir.resolve("f.vdf");
    DayFactsFile.write(file, 7, facts);
    List<String> back = new ArrayList<>();
    for (int b = 0; b < 7; b++) {
      int bucket = b;
      DayFactsFile.read(file, b, (pid, s, a, first, w) -> {
        assertThat(DayFactsFile.bucket(pid, 7)).isEqualTo(bucket);
        back.add(DayFactsFile.describe(new DayFactsFile.Fact(pid, s, a, first, w)));
      });
    }
    assertThat(back).containsExactlyInAnyOrderElementsOf(facts.stream().map(DayFactsFile::describe).toList());

    // The same file read whole into memory (an object store's way) gives every bucket the same facts in the
    // same order.
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    for (int b = 0; b < 7; b++) {
      List<String> fromFile = new ArrayList<>();
      List<String> fromBytes = new ArrayList<>();
      DayFactsFile.read(file, b, (pid, s, a, first, w) -> fromFile.add(
          DayFactsFile.describe(new DayFactsFile.Fact(pid, s, a, first, w))));
      DayFactsFile.read(bytes, "f.vdf", b, (pid, s, a, first, w) -> fromBytes.add(
          DayFactsFile.describe(new DayFactsFile.Fact(pid, s, a, first, w))));
      assertThat(fromBytes).as("bucket %d", b).isNotEmpty().containsExactlyElementsOf(fromFile);
    }
  }

  @Test
  void aFileCutShortInMemoryIsNamedWithItsBucket() throws Exception {
    Path file = dir.resolve("g.vdf");
    List<DayFactsFile.Fact> facts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      facts.add(new DayFactsFile.Fact(i * 7919L, "teams", "chat", 3, new long[] {1L << i}));
    }
    DayFactsFile.write(file, 4, facts);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DayFactsFile.read(cut, "s3a://b/files/k/facts.vdf", 3,
        (pid, s, a, first, w) -> {}))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("Cannot read bucket 3 of the day facts in s3a://b/files/k/facts.vdf: segment 3 is cut short");
  }

  @Test
  void theMergerUnitesTheDaysOfEachPersonAndAction() {
    DayFactsFile.Merger m = new DayFactsFile.Merger();
    m.accept(1, "s", "a", 100, new long[] {1L});
    m.accept(1, "s", "a", 102, new long[] {2L});
    m.accept(1, "s", "a", 100, new long[] {4L});
    m.accept(1, "s", "b", 100, new long[] {1L});
    m.accept(-5, "s", "a", 0, new long[] {8L});
    assertThat(m.facts()).extracting(DayFactsFile::describe).containsExactly(
        "-5|s|a|0|[8]", "1|s|a|100|[5, 0, 2]", "1|s|b|100|[1]");
  }
}
