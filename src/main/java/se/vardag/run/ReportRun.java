package se.vardag.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.Version;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.Mailer;
import se.vardag.publish.Publisher;
import se.vardag.publish.RunManifest;
import se.vardag.report.ReportRenderer;

/**
 * The {@code report} run (SPEC section 8): re-renders D's report and mail plan from the tables published
 * for D alone (no recomputation), delivers to every recipient who has not had D's mail and what earlier
 * runs left pending, and writes its manifest to {@code runs/<run id>.json} like {@code nightly} and
 * {@code backfill}.
 */
public final class ReportRun {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRun.class);

  private final VardagConfig config;
  private final Path output;
  private final String master;
  private final Clock clock;

  /** {@code master}: the Spark master (null: {@code spark.master}). */
  public ReportRun(VardagConfig config, Path output, String master, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.output = requireNonNull(output, "output is null").toAbsolutePath().normalize();
    this.master = master;
    this.clock = requireNonNull(clock, "clock is null");
  }

  public ExitCode run(LocalDate asOf, boolean resend) {
    requireNonNull(asOf, "asOf is null");
    Publisher publisher = new Publisher(output);
    String runId = Pipeline.newRunId(clock);
    RunManifest manifest = new RunManifest(Version.current(), runId, "report", clock.instant());
    manifest.put("output_folder", output.toString());
    manifest.putObject("config", config.effective());
    manifest.putStrings("dates", java.util.List.of(asOf.toString()));
    Path runFile = output.resolve(Publisher.RUNS_DIR).resolve(runId + ".json");
    long started = System.nanoTime();
    try (OutputLock lock = OutputLock.acquire(output)) {
      try {
        se.vardag.Location version = publisher.published(asOf).orElseThrow(() -> new VardagException(
            ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot re-render the report for " + asOf + ": nothing is published for "
                + asOf + " under " + output + ". Run 'jobs/vardag nightly --as-of " + asOf + "' first."));
        SparkSession spark = Pipeline.timed(manifest, "spark_start",
            () -> SparkSessions.create(config, master, "vardag report"));
        // Compared with the latest earlier published date, as the nightly run's report was; the mail
        // planned again from the ledger (a recipient who had D's mail does not get it again).
        Pipeline.timed(manifest, "report", () -> {
          ReportStages.render(config, new ReportRenderer(config), spark, se.vardag.Location.of(output), version, asOf,
              ReportStages.comparable(publisher, version, asOf, false), true);
          return null;
        });
        ExitCode exit = Pipeline.timed(manifest, "delivery",
            () -> ReportStages.deliver(new Mailer(config, output, clock), publisher, version, asOf, resend, manifest));
        manifest.timing("total", (System.nanoTime() - started) / 1_000_000);
        manifest.finish(clock.instant(), exit.code(), exit == ExitCode.OK ? null : "delivery failed; mail is pending");
        manifest.write(runFile);
        LOG.info("Done in {} ms: the report for {} re-rendered and delivered (exit {}).",
            (System.nanoTime() - started) / 1_000_000, asOf, exit.code());
        return exit;
      } catch (VardagException e) {
        manifest.timing("total", (System.nanoTime() - started) / 1_000_000);
        manifest.finish(clock.instant(), e.exitCode().code(), e.getMessage());
        Publisher.writeManifestIfRoom(manifest, se.vardag.Location.of(runFile), se.vardag.FsConf.none());
        throw e;
      } catch (RuntimeException e) {
        manifest.finish(clock.instant(), ExitCode.INTERNAL_ERROR.code(), String.valueOf(e));
        Publisher.writeManifestIfRoom(manifest, se.vardag.Location.of(runFile), se.vardag.FsConf.none());
        throw e;
      }
    }
  }
}
