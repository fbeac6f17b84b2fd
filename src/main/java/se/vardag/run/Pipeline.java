package se.vardag.run;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.VardagException;
import se.vardag.Version;
import se.vardag.config.VardagConfig;
import se.vardag.ingest.IngestErrors;
import se.vardag.ingest.ReferenceChecks;
import se.vardag.metrics.AdoptionTables;
import se.vardag.metrics.Deliveries;
import se.vardag.metrics.Facts;
import se.vardag.metrics.FollowThrough;
import se.vardag.model.Initiative;
import se.vardag.model.Tables;
import se.vardag.config.OutputFormat;
import se.vardag.publish.DeltaPublishing;
import se.vardag.publish.ParquetPublishing;
import se.vardag.publish.Publisher;
import se.vardag.publish.Publishing;
import se.vardag.publish.RunManifest;
import se.vardag.publish.TableWriter;

/**
 * The runs of SPEC section 7: inputs → typed and validated → compact facts → metrics →
 * published tables → report → delivery. One instance per process.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** Where to read and write, and how. */
  public record Options(Location input, Location output, String master, boolean fullRefresh) {
    public Options {
      requireNonNull(input, "input is null");
      requireNonNull(output, "output is null");
    }

    /** Options with a local input folder and a local output folder. */
    public Options(Path input, Path output, String master, boolean fullRefresh) {
      this(Location.of(requireNonNull(input, "input is null")), Location.of(requireNonNull(output, "output is null")),
          master, fullRefresh);
    }

    /** Options with a local output folder. */
    public Options(Location input, Path output, String master, boolean fullRefresh) {
      this(input, Location.of(requireNonNull(output, "output is null")), master, fullRefresh);
    }
  }

  /** Hooks for the stages after publishing (report rendering and delivery). */
  public interface AfterPublish {
    /** Renders the report for D into {@code versionDir/report} (before the switch). */
    void render(SparkSession spark, Location versionDir, LocalDate asOf);

    /**
     * As {@link #render(SparkSession, Location, LocalDate)}, given the rows just computed ({@code computed}:
     * each table's rows of every date of the run, with their {@code as_of}), which are the rows written to
     * {@code versionDir}: a renderer may take D's from there instead of reading the tables back.
     */
    default void render(SparkSession spark, Location versionDir, LocalDate asOf, Map<String, Dataset<Row>> computed) {
      render(spark, versionDir, asOf);
    }

    /** Delivers the published report for D; returns the exit code (OK or DELIVERY_FAILED). */
    ExitCode deliver(Location publishedVersionDir, LocalDate asOf, RunManifest manifest);
  }

  private final VardagConfig config;
  private final Options options;
  private final Clock clock;
  private final Path home;
  private final AfterPublish after;

  public Pipeline(VardagConfig config, Options options, Clock clock, Path home, AfterPublish after) {
    this.config = requireNonNull(config, "config is null");
    this.options = requireNonNull(options, "options is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.home = requireNonNull(home, "home is null");
    this.after = requireNonNull(after, "after is null");
  }

  /**
   * Publishes D (default: the last date the usage logs cover), then delivers its report. Stops
   * before publishing (exit code 7) when the logs do not cover D minus quality.max_usage_lag_days.
   */
  public ExitCode nightly(Optional<LocalDate> asOf) {
    return run("nightly", coverage -> asOf.map(List::of).orElseGet(() -> List.of(lastCoveredDate(coverage))), true);
  }

  /**
   * Publishes every date from {@code from} to {@code to} (inclusive) in one Spark application.
   * Delivers nothing. Freshness is judged for {@code to}.
   */
  public ExitCode backfill(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot backfill from " + from + " to " + to
          + ": --to is before --from.");
    }
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      dates.add(d);
    }
    return run("backfill", coverage -> dates, false);
  }

  private LocalDate lastCoveredDate(Freshness.Coverage coverage) {
    return coverage.lastCovered().orElseThrow(() -> IngestErrors.noUsageDates(options.input()));
  }

  /** The run's own date: its clock's date in the configured time zone. */
  private LocalDate runDate() {
    return LocalDate.ofInstant(clock.instant(), config.timezone());
  }

  private interface DateChoice {
    List<LocalDate> dates(Freshness.Coverage coverage);
  }

  private ExitCode run(String command, DateChoice choice, boolean deliver) {
    Location output = options.output();
    String runId = newRunId(clock);
    RunManifest manifest = new RunManifest(Version.current(), runId, command, clock.instant());
    manifest.put("input_folder", options.input().toString());
    manifest.put("output_folder", output.toString());
    manifest.putObject("config", config.effective());
    long started = System.nanoTime();
    if (!output.isLocal() && config.outputFormat() != OutputFormat.DELTA) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot publish to " + output + " with output.format"
          + " = parquet: the Parquet layout publishes a date by switching symbolic links, which a Hadoop file system"
          + " does not have. Set output.format = delta (VARDAG_OUTPUT_FORMAT=delta) or pass a local --output.");
    }
    // A local output is locked before Spark starts (a second run is refused at once); one on a Hadoop
    // file system needs the session's file-system settings, so its lock object is made just after.
    try (OutputLock localLock = output.isLocal() ? OutputLock.acquire(output.path()) : null) {
      FsConf fs = FsConf.none();
      Location runFile = output.resolve(Publisher.RUNS_DIR).resolve(runId + ".json");
      try {
        SparkSession spark = timed(manifest, "spark_start", () -> SparkSessions.create(config, options.master(),
            "vardag " + command));
        fs = Preparation.fsConf(options, spark);
        runFile = runFile.with(fs);
        try (OutputLock remoteLock = output.isLocal() ? null : OutputLock.acquire(output, fs, runId, clock.instant())) {
          // With output.format = delta the analysts read Delta tables, not <table>/as_of=D links.
          Publisher publisher = Publisher.of(output, fs, config.outputFormat() == OutputFormat.PARQUET);
          manifest.node("spark").put("master", spark.sparkContext().master()).put("version", spark.version());
          Preparation.Prepared p = Preparation.prepare(config, options, home, runDate(), spark, manifest, runId);
          List<LocalDate> dates = choice.dates(p.coverage);
          manifest.putStrings("dates", dates.stream().map(LocalDate::toString).toList());
          checkFreshness(dates.get(dates.size() - 1), p.coverage, manifest);
          LOG.info("Computing {} for {}.", dates.size() == 1 ? "as of " + dates.get(0) : dates.size() + " dates",
              dates.size() == 1 ? "" : dates.get(0) + " … " + dates.get(dates.size() - 1));
          publish(spark, p, dates, manifest, runId, publisher);
          ExitCode exit = ExitCode.OK;
          if (deliver) {
            for (LocalDate d : dates) {
              Location published = publisher.published(d).orElseThrow();
              ExitCode e = timed(manifest, "delivery", () -> after.deliver(published, d, manifest));
              if (e != ExitCode.OK) {
                exit = e;
              }
            }
          }
          manifest.timing("total", (System.nanoTime() - started) / 1_000_000);
          manifest.finish(clock.instant(), exit.code(), exit == ExitCode.OK ? null : "delivery failed; mail is pending");
          manifest.write(runFile, fs);
          LOG.info("Done in {} ms: {} published under {} (exit {}).", (System.nanoTime() - started) / 1_000_000,
              dates.size() == 1 ? dates.get(0) : dates.size() + " dates", output, exit.code());
          return exit;
        }
      } catch (VardagException e) {
        manifest.timing("total", (System.nanoTime() - started) / 1_000_000);
        manifest.finish(clock.instant(), e.exitCode().code(), e.getMessage());
        // A run refused by another's lock object writes nothing under the output the other run owns.
        if (e.exitCode() != ExitCode.ALREADY_RUNNING || output.isLocal()) {
          Publisher.writeManifestIfRoom(manifest, runFile, fs);
        }
        throw e;
      } catch (RuntimeException e) {
        VardagException full = Publisher.storageFull(output, e);
        if (full != null) {
          manifest.finish(clock.instant(), full.exitCode().code(), full.getMessage());
          Publisher.writeManifestIfRoom(manifest, runFile, fs);
          throw full;
        }
        manifest.finish(clock.instant(), ExitCode.INTERNAL_ERROR.code(), String.valueOf(e));
        manifest.write(runFile, fs);
        throw e;
      }
    }
  }

  /** Records the coverage on the manifest and stops a run for {@code d} whose usage logs are not fresh. */
  private void checkFreshness(LocalDate d, Freshness.Coverage coverage, RunManifest manifest) {
    var node = manifest.node("usage_coverage");
    node.put("last_covered_date", coverage.lastCovered().map(LocalDate::toString).orElse(null));
    node.put("last_event_date", coverage.lastEvent().map(LocalDate::toString).orElse(null));
    node.put("last_named_date", coverage.lastNamed().map(LocalDate::toString).orElse(null));
    node.put("max_usage_lag_days", config.maxUsageLagDays());
    node.put("needed_date", Freshness.needed(d, config.maxUsageLagDays()).toString());
    LocalDate needed = Freshness.needed(d, config.maxUsageLagDays());
    node.put("fresh", coverage.lastCovered().isPresent() && !coverage.lastCovered().get().isBefore(needed));
    Freshness.check(d, coverage, config.maxUsageLagDays());
  }

  private void publish(SparkSession spark, Preparation.Prepared p, List<LocalDate> dates, RunManifest manifest, String runId,
      Publisher publisher) {
    List<Initiative> initiatives = p.reference.initiatives();
    Dataset<Row> employees = p.reference.employees();
    checkPseudonyms(p.reference.checks());
    Map<String, FollowThrough.Owner> owners = Owners.lookup(p.reference.checks().owners());
    Facts.Activity activity = Facts.activity(spark, p.store, initiatives);
    Dataset<Row> facts = Facts.all(spark, initiatives, employees, p.reference.trainings(), activity.rows(),
        p.reference.learning(), p.reference.followUps(), p.reference.outcomes());
    Deliveries deliveries = Deliveries.of(p.reference.stats());
    AdoptionTables tables = timed(manifest, "metrics", () -> AdoptionTables.compute(spark, facts, initiatives,
        p.reference.goals(), owners, dates, config.flags(), config.minGroupSize(), deliveries, activity.sources()));

    Location runDir = publisher.runDir(runId);
    TableWriter writer = new TableWriter(spark, runDir, publisher.fs());
    logVerdicts(tables.initiativeRows());

    List<Runnable> renders = new ArrayList<>();
    for (LocalDate d : dates) {
      Location versionDir = publisher.versionDir(runId, d);
      RunManifest dated = manifest.forDate(d, publisher.output().relativize(versionDir));
      var sources = dated.array("usage_sources");
      for (Map<String, Object> state : AdoptionTables.sourceStates(initiatives, tables.usageSources(), d)) {
        var o = sources.addObject().put("source", (String) state.get("source"));
        if (state.get("last_event_date") == null) {
          o.putNull("last_event_date");
        } else {
          o.put("last_event_date", (String) state.get("last_event_date"));
        }
        o.put("silent", (Boolean) state.get("silent"));
      }
      dated.write(versionDir.resolve(Tables.MANIFEST_FILE), publisher.fs());
      renders.add(() -> after.render(spark, versionDir, d, tables.byTable()));
    }
    // The quarantine is written first (the report counts its rows per file). With one date, the five tables are
    // then written while its report is rendered from the rows just computed: the writes are Spark jobs, the
    // report is the driver's work, so the two overlap on the cores. A backfill writes every table first and
    // then renders the reports, two at a time: a report of D compares with an earlier date of the same run,
    // from its rows in memory, or from its tables when it has no rows there. No date is switched before its
    // report is rendered.
    long w0 = System.nanoTime();
    writer.writeQuarantine(p.reference.rejected().unionByName(p.store.rejected(spark)), dates);
    long quarantineMillis = (System.nanoTime() - w0) / 1_000_000;
    long[] millis = new long[2];
    Runnable writeTables = () -> {
      long t0 = System.nanoTime();
      // Independent Spark jobs over local rows: side by side, one table's planning overlaps another's writing.
      Concurrently.all(List.of(
          () -> writer.write(Tables.INITIATIVE_ADOPTION, tables.initiativeAdoption(), dates),
          () -> writer.write(Tables.UNIT_ADOPTION, tables.unitAdoption(), dates),
          () -> writer.write(Tables.WEEKLY_ACTIVE, tables.weeklyActive(), dates),
          () -> writer.write(Tables.INITIATIVE_HISTORY, tables.history(), dates),
          () -> writer.write(Tables.FOLLOW_THROUGH_FLAGS, tables.flags(), dates)),
          3, "vardag-write");
      millis[0] = (System.nanoTime() - t0) / 1_000_000;
    };
    Runnable renderReports = () -> {
      long t0 = System.nanoTime();
      Concurrently.all(renders, 2, "vardag-report");
      millis[1] = (System.nanoTime() - t0) / 1_000_000;
    };
    if (dates.size() == 1) {
      Concurrently.all(List.of(writeTables, renderReports), 2, "vardag-publish");
    } else {
      writeTables.run();
      renderReports.run();
    }
    // Each stage's own time; with one date the two overlap (docs/operations.md, timings_ms).
    manifest.timing("write_tables", quarantineMillis + millis[0]);
    manifest.timing("report", millis[1]);
    Publishing publishing = config.outputFormat() == OutputFormat.DELTA
        ? new DeltaPublishing(spark, publisher, config.retentionDays(), clock)
        : new ParquetPublishing(publisher);
    timed(manifest, "publish", () -> {
      publishing.publish(runId, dates, manifest);
      return null;
    });
    timed(manifest, "cleanup", () -> {
      publisher.collectGarbage(runId);
      // Counted from the run's own date, never from D: a stray far-future D must not expire real data.
      LocalDate today = LocalDate.ofInstant(clock.instant(), config.timezone());
      List<LocalDate> expired = publisher.expireQuarantine(today.minusDays(config.retentionDays()));
      if (!expired.isEmpty()) {
        LOG.info("Quarantine of {} date(s) older than {} days removed.", expired.size(), config.retentionDays());
      }
      return null;
    });
    p.reference.release();
  }

  /** Two employees must never share a pseudonym (a 64-bit collision); stop rather than merge them. */
  private static void checkPseudonyms(ReferenceChecks checks) {
    if (!checks.pseudonymsDistinct()) {
      throw new VardagException(ExitCode.INTERNAL_ERROR, "Cannot compute: two employee ids share a 64-bit "
          + "pseudonym under the current key. Replace the pseudonym key (privacy.pseudonym_key_file) and run again.");
    }
  }

  private static void logVerdicts(List<Map<String, Object>> rows) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      counts.merge((String) r.get("verdict"), 1, Integer::sum);
    }
    LOG.info("Verdicts: {}.", counts);
  }

  /** Checks the contract and prints every rejected row; publishes nothing. */
  public ExitCode validate(PrintWriter out) {
    return Preparation.validate(config, options, home, runDate(), out);
  }

  /** A run's id: its start time and four random hex digits, e.g. 20261128T021500Z-3f9a. */
  static String newRunId(Clock clock) {
    return RUN_ID.format(clock.instant()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  static <T> T timed(RunManifest manifest, String stage, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      manifest.timing(stage, (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
