package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.privacy.Pseudonymizer;

/**
 * How a usage file is read, the same for the nightly store and for {@code validate}: the time zone
 * its timestamps are judged in, the longest field, the last day an event may have, the pseudonym
 * key, and the settings that open a file on a Hadoop file system. Serializable, so a Spark task reads a file exactly as the driver would.
 */
public record UsageReading(String zone, int maxFieldChars, UsageFileParser.FutureLimit future,
    Pseudonymizer pseudonyms, FsConf fs) implements Serializable {
  public UsageReading {
    requireNonNull(zone, "zone is null");
    requireNonNull(future, "future is null");
    requireNonNull(pseudonyms, "pseudonyms is null");
    requireNonNull(fs, "fs is null");
  }

  /** Reading local files. */
  public static UsageReading of(ZoneId zone, int maxFieldChars, UsageFileParser.FutureLimit future,
      Pseudonymizer pseudonyms) {
    return of(zone, maxFieldChars, future, pseudonyms, FsConf.none());
  }

  /** Reading files that may be on a Hadoop file system, opened with {@code fs}. */
  public static UsageReading of(ZoneId zone, int maxFieldChars, UsageFileParser.FutureLimit future,
      Pseudonymizer pseudonyms, FsConf fs) {
    return new UsageReading(zone.getId(), maxFieldChars, future, pseudonyms, fs);
  }

  /** Opens {@code file}'s bytes. */
  public InputStream open(UsageFile file) throws IOException {
    return Location.of(file.path()).open(fs);
  }

  /** Reads {@code file} whole; {@code wrap} sees its bytes first (for checksums of what was read). */
  public UsageFileParser.Result read(UsageFile file, UnaryOperator<InputStream> wrap) throws IOException {
    try (InputStream in = wrap.apply(open(file))) {
      return UsageFileParser.parse(in, file.name(), new Values.DayResolver(ZoneId.of(zone)), maxFieldChars,
          pseudonyms.copy(), future);
    }
  }

  /** Reads {@code file} whole. */
  public UsageFileParser.Result read(UsageFile file) throws IOException {
    return read(file, UnaryOperator.identity());
  }
}
