package se.vardag.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.vardag.config.VardagConfig;
import se.vardag.run.Pipeline;
import se.vardag.run.ReportStages;

/** {@code jobs/vardag backfill}: publish a range of dates in one Spark application. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Publish every date from --from to --to (inclusive) in one Spark application, with its "
        + "report files. Sends no mail: use 'report --as-of D' to deliver one.")
public final class BackfillCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First as-of date.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last as-of date.")
  LocalDate to;

  @Override
  public Integer call() {
    VardagConfig config = options.loadConfig();
    RunOptions.checkAsOf("--from", from, Clock.systemUTC(), config.timezone(), config.maxFutureDays());
    RunOptions.checkAsOf("--to", to, Clock.systemUTC(), config.timezone(), config.maxFutureDays());
    Pipeline pipeline = new Pipeline(config, options.pipelineOptions(config), Clock.systemUTC(), RunOptions.home(),
        ReportStages.afterPublish(config, options.outputLocation(), Clock.systemUTC(), false, false));
    return pipeline.backfill(from, to).code();
  }
}
