package se.vardag.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import se.vardag.privacy.Pseudonymizer;

/** Test-side access to both paths of {@link UsageFileParser}, for the benchmark in another package. */
public final class UsageParsePaths {
  private UsageParsePaths() {}

  /** The generic (reference) path alone. */
  public static UsageFileParser.Result generic(byte[] file, ZoneId zone, int maxFieldChars, Pseudonymizer key)
      throws IOException {
    return UsageFileParser.parseGeneric(new ByteArrayInputStream(file), "usage/bench.csv", new Values.DayResolver(zone),
        maxFieldChars, key);
  }

  /** What callers get: the fast path, or the generic one when the file is not regular. */
  public static UsageFileParser.Result chosen(byte[] file, ZoneId zone, int maxFieldChars, Pseudonymizer key)
      throws IOException {
    return UsageFileParser.parse(new ByteArrayInputStream(file), "usage/bench.csv", new Values.DayResolver(zone),
        maxFieldChars, key);
  }

  /** Whether the fast path takes the file. */
  public static boolean regular(byte[] file, ZoneId zone, int maxFieldChars, Pseudonymizer key) {
    return FastUsageParser.parse(file, file.length, new Values.DayResolver(zone), maxFieldChars, key) != null;
  }

  /** A result as text, for comparing two. */
  public static String describe(UsageFileParser.Result r) {
    return UsageFileParserDifferentialTest.describe(r);
  }
}
