package se.vardag.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.vardag.generate.GeneratedFolders.Generated;

/**
 * The committed data-samples/ folder is exactly what the documented command generates, and its
 * README names every bad row where it is. Change the generator, then regenerate the folder.
 */
class DataSamplesTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("vardag.project.dir", ".")).resolve("data-samples");

  @Test
  void committedSamplesAreTheGeneratorsOutputWithTheDefaultArguments() throws IOException {
    Generated g = GeneratedFolders.samples();
    List<String> generated = relativeFiles(g.dir());
    List<String> committed = relativeFiles(SAMPLES).stream()
        .filter(f -> f.endsWith(".csv")).collect(Collectors.toList());

    assertThat(committed).isEqualTo(generated);
    for (String f : generated) {
      assertThat(Arrays.equals(Files.readAllBytes(SAMPLES.resolve(f)), Files.readAllBytes(g.dir().resolve(f))))
          .as(f + " differs from a fresh generation: regenerate data-samples (see its README)").isTrue();
    }
  }

  @Test
  void readmeNamesEveryBadRowByFileAndLine() throws IOException {
    String readme = Files.readString(SAMPLES.resolve("README.md"), UTF_8);
    for (GenerationResult.BadRow b : GeneratedFolders.samples().result().badRows()) {
      assertThat(readme).contains("`" + b.file() + "` line " + b.line());
    }
    assertThat(readme).contains("--seed " + GeneratorOptions.DEFAULT_SEED)
        .contains("--end " + GeneratorOptions.DEFAULT_END).contains("--with-bad-rows");
  }

  private static List<String> relativeFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted().collect(Collectors.toList());
    }
  }
}
