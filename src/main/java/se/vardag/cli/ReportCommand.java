package se.vardag.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.Version;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.Mailer;
import se.vardag.publish.Publisher;
import se.vardag.publish.RunManifest;
import se.vardag.report.ReportRenderer;
import se.vardag.run.OutputLock;
import se.vardag.run.SparkSessions;

/** {@code jobs/vardag report}: re-render D's report from its published tables and deliver it. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render the report for D from the published tables alone (no recomputation) and deliver "
        + "it to recipients who have not received it, plus anything earlier runs left pending.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The published date D.")
  LocalDate asOf;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--config", paramLabel = "FILE", description = "HOCON configuration file.")
  Path config;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Option(names = "--resend", description = "Send it again to recipients who already received it for D.")
  boolean resend;

  @Override
  public Integer call() {
    VardagConfig cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    Path out = output.toAbsolutePath().normalize();
    Publisher publisher = new Publisher(out);
    try (OutputLock lock = OutputLock.acquire(out)) {
      Path version = publisher.published(asOf).orElseThrow(() -> new VardagException(
          ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot re-render the report for " + asOf + ": nothing is published for "
              + asOf + " under " + out + ". Run 'jobs/vardag nightly --as-of " + asOf + "' first."));
      SparkSession spark = SparkSessions.create(cfg, master, "vardag report");
      // Compared with the latest earlier published date, as the nightly run's report was; the mail
      // planned again from the ledger (a recipient who had D's mail does not get it again).
      Stages.render(cfg, new ReportRenderer(cfg), spark, out, version, asOf,
          Stages.comparable(publisher, version, asOf, false), true);
      Clock clock = Clock.systemUTC();
      RunManifest manifest = new RunManifest(Version.current(), "report-" + asOf, "report", clock.instant());
      return Stages.deliver(new Mailer(cfg, out, clock), version, asOf, resend, manifest).code();
    }
  }
}
