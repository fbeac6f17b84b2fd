package se.vardag.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.run.Pipeline;

/** The options every run shares: input, output, configuration, Spark master. */
public final class RunOptions {
  @Option(names = "--input", paramLabel = "DIR", defaultValue = "data-samples",
      description = "Input folder (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

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

  Pipeline.Options pipelineOptions() {
    return new Pipeline.Options(input, output, master, fullRefresh);
  }

  static Path home() {
    return Path.of(System.getProperty("user.home"));
  }
}
