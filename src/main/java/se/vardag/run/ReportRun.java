package se.vardag.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.VardagException;
import se.vardag.Version;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.MailPlan;
import se.vardag.delivery.Mailer;
import se.vardag.model.Tables;
import se.vardag.publish.Publisher;
import se.vardag.publish.RunManifest;
import se.vardag.report.ReportRenderer;

/**
 * The {@code report} run (SPEC section 8): re-renders D's report and mail plan from the tables published
 * for D alone (no recomputation), delivers to every recipient who has not had D's mail and what earlier
 * runs left pending, and writes its manifest to {@code runs/<run id>.json} like {@code nightly} and
 * {@code backfill}.
 *
 * <p>In a local output folder the report and mail plan are replaced inside D's published version folder
 * (each folder renamed into place whole). On an object store, where nothing is renamed in one step, D's
 * version folder is copied to a new one of this run without its report and mail, the report is rendered
 * there, and D's pointer is switched to it, as a nightly run publishes.
 */
public final class ReportRun {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRun.class);

  private final VardagConfig config;
  private final Location output;
  private final String master;
  private final Clock clock;

  /** {@code master}: the Spark master (null: {@code spark.master}). */
  public ReportRun(VardagConfig config, Path output, String master, Clock clock) {
    this(config, Location.of(requireNonNull(output, "output is null")), master, clock);
  }

  /** A report run on an output folder anywhere (local, or a Hadoop file system). */
  public ReportRun(VardagConfig config, Location output, String master, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.output = requireNonNull(output, "output is null");
    this.master = master;
    this.clock = requireNonNull(clock, "clock is null");
  }

  public ExitCode run(LocalDate asOf, boolean resend) {
    requireNonNull(asOf, "asOf is null");
    String runId = Pipeline.newRunId(clock);
    RunManifest manifest = new RunManifest(Version.current(), runId, "report", clock.instant());
    manifest.put("output_folder", output.toString());
    manifest.putObject("config", config.effective());
    manifest.putStrings("dates", java.util.List.of(asOf.toString()));
    long started = System.nanoTime();
    try (OutputLock localLock = output.isLocal() ? OutputLock.acquire(output.path()) : null) {
      Location runFile = output.resolve(Publisher.RUNS_DIR).resolve(runId + ".json");
      FsConf fs = FsConf.none();
      try {
        if (output.isLocal()) {
          published(Publisher.of(output, fs, true), asOf); // refused before Spark starts
        }
        SparkSession spark = Pipeline.timed(manifest, "spark_start",
            () -> SparkSessions.create(config, master, "vardag report"));
        fs = output.isLocal() ? FsConf.none() : FsConf.of(spark.sparkContext().hadoopConfiguration());
        Location out = output.with(fs);
        runFile = runFile.with(fs);
        try (OutputLock remoteLock = out.isLocal() ? null : OutputLock.acquire(out, fs, runId, clock.instant())) {
          return render(spark, Publisher.of(out, fs, true), out, runId, asOf, resend, manifest, runFile, started);
        }
      } catch (VardagException e) {
        manifest.timing("total", (System.nanoTime() - started) / 1_000_000);
        manifest.finish(clock.instant(), e.exitCode().code(), e.getMessage());
        Publisher.writeManifestIfRoom(manifest, runFile, fs);
        throw e;
      } catch (RuntimeException e) {
        manifest.finish(clock.instant(), ExitCode.INTERNAL_ERROR.code(), String.valueOf(e));
        Publisher.writeManifestIfRoom(manifest, runFile, fs);
        throw e;
      }
    }
  }

  private Location published(Publisher publisher, LocalDate asOf) {
    return publisher.published(asOf).orElseThrow(() -> new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG,
        "Cannot re-render the report for " + asOf + ": nothing is published for " + asOf + " under " + output
            + ". Run 'jobs/vardag nightly --as-of " + asOf + "' first."));
  }

  private ExitCode render(SparkSession spark, Publisher publisher, Location out, String runId, LocalDate asOf,
      boolean resend, RunManifest manifest, Location runFile, long started) {
    Location published = published(publisher, asOf);
    Location version = out.isLocal() ? published : copyWithoutReport(published, publisher.versionDir(runId, asOf));
    // Compared with the latest earlier published date, as the nightly run's report was; the mail
    // planned again from the ledger (a recipient who had D's mail does not get it again).
    Pipeline.timed(manifest, "report", () -> {
      ReportStages.render(config, new ReportRenderer(config), spark, out, version, asOf,
          ReportStages.comparable(publisher, version, asOf, false), true);
      return null;
    });
    if (!out.isLocal()) {
      publisher.publish(asOf, version);
      publisher.collectGarbage(runId);
    }
    ExitCode exit = Pipeline.timed(manifest, "delivery",
        () -> ReportStages.deliver(new Mailer(config, out, clock), publisher, version, asOf, resend, manifest));
    manifest.timing("total", (System.nanoTime() - started) / 1_000_000);
    manifest.finish(clock.instant(), exit.code(), exit == ExitCode.OK ? null : "delivery failed; mail is pending");
    manifest.write(runFile, runFile.fs());
    LOG.info("Done in {} ms: the report for {} re-rendered and delivered (exit {}).",
        (System.nanoTime() - started) / 1_000_000, asOf, exit.code());
    return exit;
  }

  /** Copies a version folder (tables, quarantine, manifest) to {@code target}, without its report and mail. */
  private static Location copyWithoutReport(Location from, Location target) {
    try {
      for (Location.Entry e : from.entries()) {
        if (e.name().equals(Tables.REPORT) || e.name().equals(MailPlan.DIR)) {
          continue;
        }
        copyTree(from.resolve(e.name()), target.resolve(e.name()), e.directory());
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the published version " + from + " to " + target, e);
    }
  }

  private static void copyTree(Location from, Location to, boolean directory) throws IOException {
    if (!directory) {
      from.copyTo(to);
      return;
    }
    for (Location.Entry e : from.entries()) {
      copyTree(from.resolve(e.name()), to.resolve(e.name()), e.directory());
    }
  }
}
