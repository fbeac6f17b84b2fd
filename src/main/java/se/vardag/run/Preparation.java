package se.vardag.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.config.VardagConfig;
import se.vardag.facts.UsageStore;
import se.vardag.ingest.FileStats;
import se.vardag.ingest.InputContract;
import se.vardag.ingest.InputFolder;
import se.vardag.ingest.ReferenceCache;
import se.vardag.ingest.ReferenceData;
import se.vardag.ingest.UsageFile;
import se.vardag.ingest.UsageFileParser;
import se.vardag.ingest.UsageReading;
import se.vardag.model.Columns;
import se.vardag.privacy.PseudonymKeys;
import se.vardag.privacy.Pseudonymizer;
import se.vardag.publish.RunManifest;

/**
 * A run's inputs, read and checked before anything is computed (SPEC section 7): the contract, the
 * usage store's refresh, the reference files, the quality gate, each recorded on the run manifest;
 * and {@code validate}, the same checks read-only, printed for the data team.
 */
final class Preparation {
  private static final Logger LOG = LoggerFactory.getLogger(Preparation.class);

  private Preparation() {}

  /** Everything read and checked, ready for metrics. */
  static final class Prepared {
    InputFolder folder;
    UsageStore store;
    ReferenceData reference;
    List<FileStats> stats;
    /** What the usage logs cover (SPEC section 7, freshness). */
    Freshness.Coverage coverage;
  }

  /** Contract check, usage store refresh, reference files, quality gate. */
  static Prepared prepare(VardagConfig config, Pipeline.Options options, Path home, LocalDate runDate,
      SparkSession spark, RunManifest manifest, String runId) {
    Prepared p = new Prepared();
    FsConf fs = fsConf(options, spark);
    p.folder = InputFolder.open(options.input(), fs);
    Pseudonymizer pseudonyms = PseudonymKeys.resolve(config, home);
    List<UsageFile> usageFiles = p.folder.usageFiles();
    p.store = UsageStore.open(options.output().with(fs));
    String fingerprint = UsageStore.fingerprint(config.timezone(), pseudonyms, config.maxFieldChars(),
        config.maxFutureDays());
    List<UsageFile> pending = p.store.pending(usageFiles, fingerprint, options.fullRefresh(), fs);
    // An empty usage file holds no events (SPEC section 2): its missing header breaks no contract.
    List<String> warnings = new ArrayList<>(p.folder.checkContract(withContent(pending, fs)));
    warnings.forEach(w -> LOG.warn("{}", w));
    manifest.putStrings("warnings", warnings);

    // Unchanged single files are not parsed again: their checked form is in the state store (--full-refresh reads
    // them). Read back, it is a few small jobs that mostly wait on the driver: they run on the side, in a
    // scheduler pool of their own, while the usage logs are read. Files that changed are parsed and checked
    // before the usage logs, while the JIT compilers are not yet busy with the usage parse (docs/performance.md).
    ReferenceCache cache = ReferenceCache.of(options.output().with(fs));
    String referenceKey = ReferenceData.cacheKey(p.folder, config.timezone(), config.maxFieldChars(), pseudonyms);
    boolean reuse = !options.fullRefresh();
    java.util.function.Supplier<ReferenceData> readReference = () -> ReferenceData.read(spark, p.folder,
        config.timezone(), config.maxFieldChars(), pseudonyms, cache, referenceKey, runId, reuse);
    Side<ReferenceData> reference = reuse && cache.holds(referenceKey)
        ? Side.start("vardag-reference", spark, readReference)
        : Side.now(readReference);
    UsageFileParser.FutureLimit future = UsageFileParser.FutureLimit.of(runDate, config.maxFutureDays());
    UsageStore.Refresh refresh;
    try {
      refresh = Pipeline.timed(manifest, "ingest_usage", () -> p.store.refresh(spark, usageFiles, fingerprint,
          UsageReading.of(config.timezone(), config.maxFieldChars(), future, pseudonyms, fs), options.fullRefresh(),
          runId));
    } catch (RuntimeException e) {
      reference.awaitQuietly();
      throw e;
    }
    LOG.info("Usage logs: {} files, {} read now{}{}.", usageFiles.size(), refresh.ingested().size(),
        refresh.removed().isEmpty() ? "" : ", " + refresh.removed().size() + " removed",
        refresh.baseRebuilt() ? ", store compacted" : "");
    manifest.node("usage_store").put("files", usageFiles.size()).put("base_rebuilt", refresh.baseRebuilt())
        .put("full_rebuild", refresh.fullRebuild());
    refresh.ingested().forEach(manifest.node("usage_store").putArray("ingested")::add);
    refresh.removed().forEach(manifest.node("usage_store").putArray("removed")::add);
    List<String> usageWarnings = new ArrayList<>();
    Set<String> readNow = new HashSet<>(refresh.ingested());
    for (UsageStore.FileEntry e : p.store.files()) {
      if (readNow.contains(e.name) && e.rowsRead == 0) {
        usageWarnings.add(noEventsWarning(e));
      }
    }
    p.coverage = Freshness.of(p.store.lastDay(), usageFiles, runDate, config.maxFutureDays());
    usageWarnings.addAll(p.coverage.warnings());
    usageWarnings.forEach(w -> LOG.warn("{}", w));
    warnings.addAll(usageWarnings);
    manifest.putStrings("warnings", warnings);

    p.reference = reference.await();
    manifest.timing("ingest_reference", reference.millis());
    manifest.node("reference_files").put("unchanged_since_last_save", p.reference.saved());
    List<RegisterRejections.Entry> register = RegisterRejections.record(p.folder, p.reference.checks().registerRejections(),
        manifest);
    for (RegisterRejections.Entry r : register) {
      LOG.warn("{}:{}: rejected register row (initiative_id {}, name {}): {}", QualityGate.REGISTER,
          r.line() == null ? "?" : r.line(), r.initiativeId(), r.name(), r.reason());
    }
    QualityGate gate = QualityGate.of(config);

    List<FileStats> stats = new ArrayList<>(p.reference.stats().values());
    long usageRead = 0;
    long usageRejected = 0;
    long usageBytes = 0;
    List<String> failures = new ArrayList<>();
    Set<String> ingestedNow = new HashSet<>(refresh.ingested());
    var usageArray = manifest.array("usage_files");
    for (UsageStore.FileEntry e : p.store.files()) {
      usageRead += e.rowsRead;
      usageRejected += e.rowsRejected;
      usageBytes += e.size;
      var o = usageArray.addObject();
      o.put("file", e.name).put("bytes", e.size).put("sha256", e.sha256).put("rows_read", e.rowsRead)
          .put("rows_used", e.rowsRead - e.rowsRejected).put("rows_rejected", e.rowsRejected)
          .put("events", e.events).put("ingested_this_run", ingestedNow.contains(e.name));
      if (e.minDay != null) {
        o.put("first_date", LocalDate.ofEpochDay(e.minDay).toString()).put("last_date",
            LocalDate.ofEpochDay(e.maxDay).toString());
      }
      gate.check(e.name, e.rowsRead, e.rowsRejected, failures);
    }
    stats.add(3, new FileStats(InputContract.USAGE_DIR + "/", true, true, usageBytes, null, usageRead, usageRejected,
        List.of()));
    for (FileStats s : p.reference.stats().values()) {
      gate.check(s.file(), s.rowsRead(), s.ownRejected(), failures);
    }
    p.stats = stats;
    manifest.inputs(stats);
    manifest.node("quality_gate").put("max_rejected_share", gate.maxRejectedShare())
        .put("min_rejected_rows", gate.minRejectedRows()).put("passed", failures.isEmpty());
    failures.forEach(manifest.node("quality_gate").putArray("failures")::add);
    for (FileStats s : stats) {
      if (s.present()) {
        LOG.info("{}: {} rows read, {} rejected.", s.file(), s.rowsRead(), s.rowsRejected());
      } else if (!s.required()) {
        LOG.info("{}: not present (optional).", s.file());
      }
    }
    if (!failures.isEmpty()) {
      throw gate.failed(failures);
    }
    return p;
  }

  /**
   * The settings that open the input folder's files: none for a local folder; the session's
   * {@code fs.*} Hadoop settings for one on a Hadoop file system ({@code spark.hadoop.fs.s3a.*}).
   */
  static FsConf fsConf(Pipeline.Options options, SparkSession spark) {
    return options.input().isLocal() && options.output().isLocal() ? FsConf.none()
        : FsConf.of(spark.sparkContext().hadoopConfiguration());
  }

  /** The usage files that are not empty: only they have a header to check. */
  static List<UsageFile> withContent(List<UsageFile> files, FsConf fs) {
    List<UsageFile> out = new ArrayList<>();
    for (UsageFile f : files) {
      boolean blank;
      try {
        blank = UsageFileParser.blank(se.vardag.Location.of(f.path()).open(fs));
      } catch (java.io.IOException e) {
        blank = false; // the header check names the unreadable file
      }
      if (!blank) {
        out.add(f);
      }
    }
    return out;
  }

  /** The warning for a usage file without a data row (SPEC section 2: no events, not a broken contract). */
  static String noEventsWarning(UsageStore.FileEntry e) {
    String what = e.size == 0 ? "the file is empty (0 bytes)" : e.empty ? "the file holds no header, only blank lines"
        : "the file holds only a header";
    return e.name + ": no events: " + what;
  }

  /** Checks the contract and prints every rejected row; publishes nothing (jobs/vardag validate). */
  static ExitCode validate(VardagConfig config, Pipeline.Options options, Path home, LocalDate runDate,
      PrintWriter out) {
    SparkSession spark = SparkSessions.create(config, options.master(), "vardag validate");
    FsConf fs = fsConf(options, spark);
    InputFolder folder = InputFolder.open(options.input(), fs);
    List<UsageFile> usageFiles = folder.usageFiles();
    List<String> warnings;
    warnings = new ArrayList<>(folder.checkContract(Preparation.withContent(usageFiles, fs)));
    Pseudonymizer pseudonyms = PseudonymKeys.resolve(config, home);
    ReferenceData reference = ReferenceData.read(spark, folder, config.timezone(), config.maxFieldChars(), pseudonyms);
    Validation.Result usage = Validation.usage(spark, usageFiles, UsageReading.of(config.timezone(),
        config.maxFieldChars(), UsageFileParser.FutureLimit.of(runDate, config.maxFutureDays()), pseudonyms, fs));
    warnings.addAll(usage.warnings());
    Freshness.Coverage coverage = Freshness.of(usage.lastEventDay(), usageFiles, runDate, config.maxFutureDays());
    warnings.addAll(coverage.warnings());
    warnings.forEach(w -> out.println("warning: " + w));
    QualityGate gate = QualityGate.of(config);
    long problems = 0;
    for (Dataset<Row> rejected : List.of(reference.rejected().orderBy(Columns.SOURCE_FILE, "line"),
        usage.rejected().select(Columns.SOURCE_FILE, "line", "column", "reason", "record"))) {
      java.util.Iterator<Row> it = rejected.toLocalIterator();
      while (it.hasNext()) {
        out.println(Validation.describe(it.next()));
        problems++;
      }
    }
    List<String> failures = new ArrayList<>();
    out.println();
    for (FileStats s : reference.stats().values()) {
      if (s.present()) {
        out.printf(java.util.Locale.ROOT, "%-26s %8d rows read, %6d rejected%n", s.file(), s.rowsRead(), s.rowsRejected());
        gate.check(s.file(), s.rowsRead(), s.ownRejected(), failures);
      } else {
        out.printf(java.util.Locale.ROOT, "%-26s %s%n", s.file(), s.required() ? "MISSING" : "not present (optional)");
      }
    }
    out.printf(java.util.Locale.ROOT, "%-26s %8d rows read, %6d rejected (%d files)%n", InputContract.USAGE_DIR + "/",
        usage.rowsRead(), usage.rowsRejected(), usageFiles.size());
    usage.perFile().forEach((file, counts) -> gate.check(file, counts[0], counts[1], failures));
    out.println(coverage.lastCovered().map(d -> "The usage logs cover up to " + d + " (the last covered date, the"
        + " default --as-of).").orElse("The usage logs cover no date: a run needs --as-of and stops as not fresh."));
    out.flush();
    if (!failures.isEmpty()) {
      throw gate.failed(failures);
    }
    out.println(problems == 0 ? "The input folder meets the contract." : problems + " row(s) would be rejected;"
        + " within the quality gate (quality.max_rejected_share, quality.min_rejected_rows), so a run would publish.");
    out.flush();
    return ExitCode.OK;
  }
}
