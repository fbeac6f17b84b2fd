package se.vardag.publish;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.VardagException;
import se.vardag.model.Tables;

/**
 * The Delta Lake tables of {@code output.format = delta}: one path-based table per analyst table
 * under {@code <output>/delta/<table>}, partitioned by {@code as_of}. Delta Lake is a provided
 * dependency (docs/cluster.md), so every use of its classes is behind {@link #configure}'s check.
 */
public final class DeltaTables {
  /** The folder under the output folder that holds the Delta tables and the publication log. */
  public static final String DIR = "delta";
  public static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  public static final String CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";
  /**
   * Partitions of Delta's log replay (snapshot state); Delta's default is 50, sized for tables with
   * millions of files. Vardag's tables hold one file per date: 50 tasks per snapshot made the commits
   * of a nightly run take 30–40 s on two cores instead of a few (docs/decisions.md).
   */
  public static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";
  static final String SNAPSHOT_PARTITIONS_VALUE = "1";
  public static final String LOG_RETENTION = "delta.logRetentionDuration";
  public static final String DELETED_FILE_RETENTION = "delta.deletedFileRetentionDuration";

  private DeltaTables() {}

  /**
   * Adds Delta's SQL extension and catalog to a session's configuration (kept when already set, e.g.
   * by spark-submit or a platform that ships Delta). Stops with exit code 2 when Delta is not on the
   * classpath.
   */
  public static void configure(SparkConf conf) {
    requireNonNull(conf, "conf is null");
    try {
      Class.forName(EXTENSION, false, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : DeltaTables.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot publish with output.format = delta:"
          + " Delta Lake is not on the classpath (" + EXTENSION + " not found). Submit the job with"
          + " --packages io.delta:delta-spark_4.1_2.13:4.3.1 (or on a Spark that ships Delta Lake), or set"
          + " output.format = parquet.");
    }
    String extensions = conf.get("spark.sql.extensions", "").trim();
    if (!List.of(extensions.split("\\s*,\\s*")).contains(EXTENSION)) {
      conf.set("spark.sql.extensions", extensions.isEmpty() ? EXTENSION : extensions + "," + EXTENSION);
    }
    conf.setIfMissing("spark.sql.catalog.spark_catalog", CATALOG);
    conf.setIfMissing(SNAPSHOT_PARTITIONS, SNAPSHOT_PARTITIONS_VALUE);
  }

  /** For a session Vardag did not configure (a platform's, or the tests'): the same, unless set there. */
  static void configure(SparkSession spark) {
    if (spark.conf().getOption(SNAPSHOT_PARTITIONS).isEmpty()) {
      spark.conf().set(SNAPSHOT_PARTITIONS, SNAPSHOT_PARTITIONS_VALUE);
    }
  }

  /** The folder of an analyst table's Delta table. */
  public static Location tableDir(Location output, String table) {
    if (!Tables.ANALYST_TABLES.contains(table)) {
      throw new IllegalArgumentException("Cannot find analyst table: " + table);
    }
    return output.resolve(DIR).resolve(table);
  }

  /**
   * The table's location as Delta names it: a {@code file:} URI in Hadoop's normal form
   * ({@code file:/abs/path}; Delta refuses a CREATE whose {@code file:///} spelling differs from it).
   * Never a plain path, which a cluster would resolve against its default file system (HDFS).
   */
  public static String uri(Location dir) {
    return dir.isLocal() ? new org.apache.hadoop.fs.Path(dir.path().toAbsolutePath().normalize().toUri()).toString()
        : dir.toString();
  }

  /** The table properties Vardag sets: history (log and removed files) kept for {@code retentionDays}. */
  public static Map<String, String> properties(int retentionDays) {
    if (retentionDays < 1) {
      throw new IllegalArgumentException("Cannot keep a Delta table's history for " + retentionDays
          + " days: retention.days must be at least 1.");
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put(LOG_RETENTION, "interval " + retentionDays + " days");
    p.put(DELETED_FILE_RETENTION, "interval " + retentionDays + " days");
    return p;
  }

  /**
   * The {@code replaceWhere} predicate that selects exactly {@code dates} (ascending): one date
   * {@code as_of = DATE 'D'}, a run of consecutive dates as a range, others as a list.
   */
  static String replaceWhere(List<LocalDate> dates) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("Cannot publish no dates");
    }
    if (dates.size() == 1) {
      return "as_of = DATE '" + dates.get(0) + "'";
    }
    boolean consecutive = true;
    for (int k = 1; k < dates.size(); k++) {
      consecutive &= dates.get(k).equals(dates.get(k - 1).plusDays(1));
    }
    if (consecutive) {
      return "as_of >= DATE '" + dates.get(0) + "' AND as_of <= DATE '" + dates.get(dates.size() - 1) + "'";
    }
    return dates.stream().map(d -> "DATE '" + d + "'").collect(Collectors.joining(", ", "as_of IN (", ")"));
  }

  /**
   * Creates the table when it does not exist (an empty version 0 with the table's schema, the
   * {@code as_of} partitioning and the retention properties), or sets the retention properties when
   * they differ (one more commit, only after retention.days changed).
   */
  static void ensure(SparkSession spark, Location dir, FsConf fs, String table, int retentionDays) {
    String uri = uri(dir);
    Map<String, String> wanted = properties(retentionDays);
    boolean exists;
    try {
      exists = dir.resolve("_delta_log").isDirectory(fs);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot look for the Delta log of " + dir, e);
    }
    if (!exists) {
      var builder = DeltaTable.createIfNotExists(spark).location(uri)
          .addColumns(Tables.withAsOf(Tables.schemaOf(table))).partitionedBy("as_of")
          .comment("Vardag " + table + " (docs/data-dictionary.md)");
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        builder = builder.property(e.getKey(), e.getValue());
      }
      builder.execute();
      return;
    }
    Row detail = DeltaTable.forPath(spark, uri).detail().select("properties").first();
    Map<String, String> have = detail.isNullAt(0) ? Map.of() : detail.getJavaMap(0);
    Map<String, String> changed = new LinkedHashMap<>();
    wanted.forEach((k, v) -> {
      if (!v.equals(have.get(k))) {
        changed.put(k, v);
      }
    });
    if (!changed.isEmpty()) {
      String props = changed.entrySet().stream().map(e -> "'" + e.getKey() + "' = '" + e.getValue() + "'")
          .collect(Collectors.joining(", "));
      spark.sql("ALTER TABLE delta.`" + uri.replace("`", "``") + "` SET TBLPROPERTIES (" + props + ")");
    }
  }

  /**
   * Replaces {@code dates}' rows of the table with {@code rows} (the table's columns plus
   * {@code as_of}) in one commit, and returns that commit's version. The commit's userMetadata names
   * the run, and is checked: a version committed by anyone else is an error.
   */
  static long commit(SparkSession spark, Location dir, String table, Dataset<Row> rows, List<LocalDate> dates,
      String runId) {
    String uri = uri(dir);
    StructType schema = Tables.withAsOf(Tables.schemaOf(table));
    String marker = "vardag run " + runId + " " + table + " as_of " + dates.get(0)
        + (dates.size() == 1 ? "" : " … " + dates.get(dates.size() - 1));
    rows.select(java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new))
        .write().format("delta").mode("overwrite")
        .option("replaceWhere", replaceWhere(dates))
        .option("userMetadata", marker)
        .save(uri);
    Row last = DeltaTable.forPath(spark, uri).history(1).select("version", "userMetadata").first();
    if (last.isNullAt(1) || !marker.equals(last.getString(1))) {
      throw new IllegalStateException("Cannot find the commit of " + marker + " in " + dir + ": its latest version "
          + last.getLong(0) + " says '" + (last.isNullAt(1) ? null : last.getString(1)) + "'. Another writer"
          + " committed to the table; run one Vardag at a time per output folder and run again.");
    }
    return last.getLong(0);
  }
}
