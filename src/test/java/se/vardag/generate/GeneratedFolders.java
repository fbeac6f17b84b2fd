package se.vardag.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generated folders shared by the test classes of one JVM (surefire reuses its fork): each set
 * of options is generated once, into a temporary folder removed at exit.
 */
final class GeneratedFolders {
  record Generated(Path dir, GeneratorOptions options, GenerationResult result) {}

  private static final Map<GeneratorOptions, Generated> CACHE = new HashMap<>();
  private static Path root;

  private GeneratedFolders() {}

  /** The data-samples arguments: defaults with bad rows. */
  static Generated samples() {
    return of(GeneratorOptions.defaults().withBadRows(true));
  }

  static synchronized Generated of(GeneratorOptions options) {
    return CACHE.computeIfAbsent(options, o -> {
      try {
        Path dir = root().resolve("gen-" + CACHE.size());
        return new Generated(dir, o, new Generator(o).generate(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A fresh empty folder under the shared temporary root. */
  static synchronized Path freshDir(String name) throws IOException {
    return Files.createTempDirectory(root(), name);
  }

  private static Path root() throws IOException {
    if (root == null) {
      root = Files.createTempDirectory("vardag-generate-test");
      Path r = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(r)));
    }
    return root;
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
