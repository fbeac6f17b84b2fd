package se.vardag.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.run.ReportRun;

/** {@code jobs/vardag report}: re-render D's report from its published tables and deliver it. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render the report for D from the published tables alone (no recomputation) and deliver "
        + "it to recipients who have not received it, plus anything earlier runs left pending.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The published date D.")
  LocalDate asOf;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder: a local path or a Hadoop file-system URI (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--config", paramLabel = "FILE", description = "HOCON configuration file.")
  Path config;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Option(names = "--resend", description = "Send it again to recipients who already received it for D.")
  boolean resend;

  @Override
  public Integer call() {
    VardagConfig cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    se.vardag.Location out = RunOptions.location("--output", output);
    return new ReportRun(cfg, out, master, Clock.systemUTC()).run(asOf, resend).code();
  }
}
