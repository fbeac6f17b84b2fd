package se.vardag.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.lit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.Checkpoint;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.model.Tables;

/**
 * {@code output.format = delta}: each analyst table is a Delta table under
 * {@code <output>/delta/<table>}, partitioned by {@code as_of}. A run commits once per table, an
 * overwrite with {@code replaceWhere} on exactly its dates, from the Parquet files of its version
 * folders (the same files its report was rendered from); other dates are untouched and a rerun of D
 * makes a new version of D. Then the version folders are switched as in the Parquet layout (for the
 * quarantine, the report, the manifest and delivery, without the analysts' Parquet links), and the
 * publication log records the versions.
 *
 * <p>The tables of one run are committed separately (side by side): a reader may, for a moment, see
 * D replaced in one table and not yet in another. A run killed between two commits leaves each table
 * consistent on its own, no publication log entry for the run and the previous report; rerunning D
 * commits every table again.
 */
public final class DeltaPublishing implements Publishing {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaPublishing.class);

  /** Commits run side by side, as many as the table writes before them (Pipeline). */
  private static final int THREADS = 3;

  private final SparkSession spark;
  private final Publisher publisher;
  private final int retentionDays;
  private final Clock clock;

  public DeltaPublishing(SparkSession spark, Publisher publisher, int retentionDays, Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
    this.retentionDays = retentionDays;
    this.clock = requireNonNull(clock, "clock is null");
    DeltaTables.properties(retentionDays); // checks the value
  }

  @Override
  public String format() {
    return "delta";
  }

  @Override
  public void publish(String runId, List<LocalDate> dates, RunManifest manifest) {
    requireNonNull(runId, "runId is null");
    requireNonNull(manifest, "manifest is null");
    Checkpoint.reached(Checkpoint.BEFORE_SWITCH);
    DeltaTables.configure(spark);
    Location output = publisher.output();
    FsConf fs = publisher.fs();
    Map<String, Long> versions = new LinkedHashMap<>();
    Map<String, Long> millis = new LinkedHashMap<>();
    // The tables are independent: commit them side by side, as the Parquet writes are run (a commit is
    // mostly driver work — reading the log, planning, writing a small file — so two cores overlap it).
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "vardag-delta-commit");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, Future<long[]>> commits = new LinkedHashMap<>();
      for (String table : Tables.ANALYST_TABLES) {
        commits.put(table, pool.submit(() -> {
          long t0 = System.nanoTime();
          Location dir = DeltaTables.tableDir(output, table);
          DeltaTables.ensure(spark, dir, fs, table, retentionDays);
          long version = DeltaTables.commit(spark, dir, table, rows(runId, dates, table), dates, runId);
          return new long[] {version, (System.nanoTime() - t0) / 1_000_000};
        }));
      }
      RuntimeException first = null;
      for (Map.Entry<String, Future<long[]>> c : commits.entrySet()) {
        try {
          long[] r = c.getValue().get();
          versions.put(c.getKey(), r[0]);
          millis.put(c.getKey(), r[1]);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          if (first == null) {
            first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while committing the Delta tables under " + output, e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
    Checkpoint.reached(Checkpoint.AFTER_COMMIT);
    for (LocalDate d : dates) {
      publisher.publish(d, publisher.versionDir(runId, d));
    }
    Location log = PublicationLog.write(output, fs, new PublicationLog.Entry(runId, dates, clock.instant(), versions));
    var node = manifest.node("delta");
    node.put("publication_log", output.relativize(log));
    var tables = node.putObject("tables");
    versions.forEach((table, version) -> tables.putObject(table).put("path", DeltaTables.DIR + "/" + table)
        .put("version", version).put("commit_ms", millis.get(table)));
    LOG.info("Delta tables committed under {}: {}.", output.resolve(DeltaTables.DIR), versions);
  }

  /** The run's rows of a table for its dates, read from its version folders, with {@code as_of}. */
  private Dataset<Row> rows(String runId, List<LocalDate> dates, String table) {
    Dataset<Row> all = null;
    for (LocalDate d : dates) {
      Location dir = publisher.versionDir(runId, d).resolve(table);
      Dataset<Row> one = spark.read().schema(Tables.schemaOf(table)).parquet(dir.sparkPath())
          .withColumn("as_of", lit(d));
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }
}
