package se.vardag.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.vardag.config.VardagConfig;
import se.vardag.run.Pipeline;
import se.vardag.run.ReportStages;

/** {@code jobs/vardag nightly}: publish D, render and deliver its report. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = "Ingest new usage files, compute and publish every table for one as-of date, render the "
        + "report and deliver it (SMTP, or the outbox when no SMTP host is set).")
public final class NightlyCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "The as-of date D (default: the last date the usage logs cover).")
  LocalDate asOf;

  @Option(names = "--resend", description = "Send the report again to recipients who already received it for D.")
  boolean resend;

  @Override
  public Integer call() {
    VardagConfig config = options.loadConfig();
    if (asOf != null) {
      RunOptions.checkAsOf("--as-of", asOf, Clock.systemUTC(), config.timezone(), config.maxFutureDays());
    }
    Pipeline pipeline = new Pipeline(config, options.pipelineOptions(config), Clock.systemUTC(), RunOptions.home(),
        ReportStages.afterPublish(config, options.outputLocation(), Clock.systemUTC(), resend));
    return pipeline.nightly(Optional.ofNullable(asOf)).code();
  }
}
