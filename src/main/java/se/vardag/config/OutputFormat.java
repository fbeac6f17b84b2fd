package se.vardag.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code output.format}: how the analysts' tables are published (docs/operations.md#output-formats). */
public enum OutputFormat {
  /** Hive-partitioned Parquet folders, one {@code as_of=D} partition per date, switched by a symbolic link. */
  PARQUET,
  /** One Delta Lake table per analyst table under {@code <output>/delta/}, partitioned by {@code as_of}. */
  DELTA;

  /** The value as written in the configuration. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The allowed values, as a reader of an error message needs them: {@code parquet or delta}. */
  static String allowed() {
    return Arrays.stream(values()).map(OutputFormat::key).collect(Collectors.joining(" or "));
  }

  /** Parses a configured value (trimmed, any case); anything else is a configuration error (exit code 2). */
  public static OutputFormat parse(String value) {
    requireNonNull(value, "value is null");
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.key().equals(v)) {
        return f;
      }
    }
    throw ConfigErrors.outOfRange("output.format", "'" + value + "'", allowed()
        + " (environment variable " + ConfigLoader.envName("output.format") + " or the --config file)");
  }
}
