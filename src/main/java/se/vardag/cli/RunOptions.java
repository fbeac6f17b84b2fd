package se.vardag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.Option;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.config.ConfigLoader;
import se.vardag.config.OutputFormat;
import se.vardag.config.VardagConfig;
import se.vardag.Location;
import se.vardag.run.Pipeline;

/** The options every run shares: input, output, configuration, Spark master. */
public final class RunOptions {
  @Option(names = "--input", paramLabel = "DIR", defaultValue = "data-samples",
      description = "Input folder: a local path, or a Hadoop file-system URI such as s3a://bucket/in"
          + " (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder: a local path, or a Hadoop file-system URI such as s3a://bucket/out"
          + " (needs output.format = delta; default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--config", paramLabel = "FILE", description = "HOCON configuration file (defaults: docs/configuration.md).")
  Path config;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark.master, local[*]).")
  String master;

  @Option(names = "--full-refresh", description = "Re-read every usage file instead of only new or changed ones.")
  boolean fullRefresh;

  VardagConfig loadConfig() {
    return ConfigLoader.load(Optional.ofNullable(config), System.getenv());
  }

  /** The earliest as-of date a run accepts: no usage log of this organisation is older. */
  public static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);
  /** The options of a run, after checking that the output folder is safe to write (exit 2 otherwise). */
  Pipeline.Options pipelineOptions(VardagConfig config) {
    Location in = inputLocation();
    Location out = outputLocation();
    if (out.isLocal()) {
      // The paths as typed, for the messages (checkFolders resolves them itself).
      checkFolders(in.isLocal() ? Path.of(input) : null, Path.of(output));
    } else {
      if (config.outputFormat() != OutputFormat.DELTA) {
        throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use --output " + output + " with"
            + " output.format = " + config.outputFormat().name().toLowerCase(java.util.Locale.ROOT) + ": the Parquet"
            + " layout publishes a date by switching symbolic links, which " + out.toString().substring(0,
            out.toString().indexOf(':')) + ":// does not have. Set output.format = delta (VARDAG_OUTPUT_FORMAT=delta)"
            + " or pass a local --output.");
      }
      if (in.toString().equals(out.toString()) || in.toString().startsWith(out + "/")
          || out.toString().startsWith(in + "/")) {
        throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use --output " + output + " with --input "
            + input + ": one lies inside the other. Keep the input and output folders apart.");
      }
    }
    return new Pipeline.Options(in, out, master, fullRefresh);
  }

  /** The output folder's location; a malformed URI is exit 2. */
  Location outputLocation() {
    return location("--output", output);
  }

  /** The input folder's location; a malformed URI is exit 2. */
  Location inputLocation() {
    return location("--input", input);
  }

  /** The location an option names; a malformed URI is exit 2, with {@link Location#of}'s reason. */
  static Location location(String option, String value) {
    try {
      return Location.of(value);
    } catch (IllegalArgumentException e) {
      String prefix = "Cannot read the location " + value + ": ";
      String m = e.getMessage();
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use " + option + " " + value + ": "
          + (m.startsWith(prefix) ? m.substring(prefix.length()) : m) + ".");
    }
  }

  /**
   * Refuses an output folder that is the root of a file system, an existing file, the input folder
   * or inside it, and an input folder inside the output folder. Links are resolved first.
   */
  static void checkFolders(Path input, Path output) { // input null: not a local folder
    Path out = real(output);
    Path in = input == null ? null : real(input);
    if (out.getParent() == null) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use --output " + output + ": it is the"
          + " root of a file system. Vardag writes and cleans its output folder (tables, quarantine, mail files,"
          + " run manifests); pass a folder of its own, e.g. --output /var/lib/vardag/out.");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use --output " + output + ": it is a file,"
          + " not a folder. Pass a folder (it is created when missing).");
    }
    if (in == null) {
      return;
    }
    if (out.startsWith(in)) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use --output " + output + ": it is "
          + (out.equals(in) ? "the input folder" : "inside the input folder " + input) + ". The quarantine (the raw"
          + " rejected rows) and the mail files would be written among the input files; pass an output folder"
          + " outside the input folder.");
    }
    if (in.startsWith(out)) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot use --input " + input + ": it is inside"
          + " the output folder " + output + ", which Vardag writes and cleans. Keep the input folder outside the"
          + " output folder.");
    }
  }

  /** The path with every link resolved, as far as it exists; the rest appended as given. */
  static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }

  /**
   * Refuses an as-of date far outside any usage log (exit 2): before {@link #EARLIEST_AS_OF}, or
   * more than {@code maxFutureDays} after the run's own date (its clock, in {@code zone}).
   */
  static void checkAsOf(String option, LocalDate asOf, Clock clock, ZoneId zone, int maxFutureDays) {
    LocalDate latest = LocalDate.ofInstant(clock.instant(), zone).plusDays(maxFutureDays);
    if (asOf.isBefore(EARLIEST_AS_OF) || asOf.isAfter(latest)) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot run for " + option + " " + asOf + ": it is "
          + (asOf.isBefore(EARLIEST_AS_OF) ? "before " + EARLIEST_AS_OF : "after " + latest + " (the run's date + "
          + maxFutureDays + (maxFutureDays == 1 ? " day" : " days") + ", quality.max_future_days)")
          + ", far outside any usage log. Pass a date from " + EARLIEST_AS_OF + " to " + latest + ".");
    }
  }

  static Path home() {
    return Path.of(System.getProperty("user.home"));
  }
}
