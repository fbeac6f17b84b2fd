package se.vardag.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Stream;
import se.vardag.generate.Generator;
import se.vardag.generate.GeneratorOptions;
import se.vardag.ingest.UsageFileParser;
import se.vardag.ingest.UsageParsePaths;
import se.vardag.privacy.Pseudonymizer;

/**
 * Parses one usage file repeatedly with the generic path and with what {@link UsageFileParser#parse}
 * chooses (the fast path for a regular file), alternating, and prints the median µs per row of
 * each and their ratio. Not a unit test: run it by hand on a quiet machine.
 *
 * <p>Usage: {@code UsageParseBench [FILE] [ROUNDS]}. Without a file it generates one working day
 * of a 20,000-employee organisation (the jobs/benchmark profile) into a temporary folder.
 */
public final class UsageParseBench {
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final Pseudonymizer KEY =
      new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  private UsageParseBench() {}

  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : generate();
    try {
      run(file, args);
    } finally {
      if (args.length == 0) {
        deleteGenerated(file);
      }
    }
  }

  private static void run(Path file, String[] args) throws Exception {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    byte[] bytes = Files.readAllBytes(file);
    UsageFileParser.Result reference = UsageParsePaths.generic(bytes, ZONE, 1000, KEY.copy());
    UsageFileParser.Result chosen = UsageParsePaths.chosen(bytes, ZONE, 1000, KEY.copy());
    boolean same = UsageParsePaths.describe(reference).equals(UsageParsePaths.describe(chosen));
    boolean regular = UsageParsePaths.regular(bytes, ZONE, 1000, KEY.copy());
    long rows = reference.rowsRead;
    System.out.printf("file %s: %,d bytes, %,d rows, %,d facts; fast path taken: %s; results identical: %s%n",
        file, bytes.length, rows, reference.bits.size(), regular, same);
    if (!same) {
      throw new IllegalStateException("the two paths disagree on " + file);
    }
    int warmup = Math.max(3, rounds / 3);
    long[] generic = new long[rounds];
    long[] fast = new long[rounds];
    for (int r = -warmup; r < rounds; r++) {
      long t0 = System.nanoTime();
      UsageParsePaths.generic(bytes, ZONE, 1000, KEY.copy());
      long t1 = System.nanoTime();
      UsageParsePaths.chosen(bytes, ZONE, 1000, KEY.copy());
      long t2 = System.nanoTime();
      if (r >= 0) {
        generic[r] = t1 - t0;
        fast[r] = t2 - t1;
      }
    }
    double g = median(generic) / 1000.0 / rows;
    double f = median(fast) / 1000.0 / rows;
    System.out.printf("generic: median %.3f µs/row (%.1f ms/file), min %.3f µs/row%n", g, median(generic) / 1e6,
        Arrays.stream(generic).min().getAsLong() / 1000.0 / rows);
    System.out.printf("fast:    median %.3f µs/row (%.1f ms/file), min %.3f µs/row%n", f, median(fast) / 1e6,
        Arrays.stream(fast).min().getAsLong() / 1000.0 / rows);
    System.out.printf("ratio generic/fast: %.1fx (%d rounds after %d warm-up rounds each)%n", g / f, rounds, warmup);
  }

  private static double median(long[] values) {
    long[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** Deletes the temporary folder generate() made (file is its usage/usage-D.csv). */
  private static void deleteGenerated(Path file) throws Exception {
    Path root = file.getParent().getParent();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** One working day (a Thursday) of the large jobs/benchmark profile. */
  private static Path generate() throws Exception {
    Path out = Files.createTempDirectory("usage-parse-bench");
    GeneratorOptions options = GeneratorOptions.defaults().withEmployees(20_000).withInitiatives(200).withDays(1)
        .withSeed(1).withEndDate(LocalDate.of(2026, 11, 26));
    new Generator(options).generate(out);
    try (Stream<Path> s = Files.list(out.resolve("usage"))) {
      return s.findFirst().orElseThrow();
    }
  }
}
