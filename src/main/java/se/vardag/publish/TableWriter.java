package se.vardag.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import se.vardag.AtomicFiles;
import se.vardag.LocalFiles;
import se.vardag.model.Columns;
import se.vardag.model.Tables;

/**
 * Writes a run's tables into its version folders: one Spark write per table for all dates
 * (partitioned by {@code as_of}), whose partitions are then moved to {@code <run>/<D>/<table>}.
 * A date without rows still gets a Parquet file with the table's schema, so every published
 * partition can be read on its own. The quarantine is the same for every date of a run: it is
 * written once and hard-linked into each date.
 */
public final class TableWriter {
  private final SparkSession spark;
  private final Path runDir;

  public TableWriter(SparkSession spark, Path runDir) {
    this.spark = requireNonNull(spark, "spark is null");
    this.runDir = requireNonNull(runDir, "runDir is null");
  }

  /** Writes an analyst table. {@code rows} has the table's columns plus {@code as_of} (DATE). */
  public void write(String table, Dataset<Row> rows, List<LocalDate> dates) {
    StructType schema = Tables.schemaOf(table);
    Path staging = runDir.resolve("_tables").resolve(table);
    // The tables are small (a row per initiative, unit or week and date): one task writes every
    // date's file, without the shuffle a repartition by date would cost.
    rows.select(columns(schema, true))
        .coalesce(1)
        .write()
        .partitionBy("as_of")
        .parquet(LocalFiles.sparkPath(staging));
    for (LocalDate d : dates) {
      Path target = runDir.resolve(d.toString()).resolve(table);
      Path part = staging.resolve("as_of=" + d);
      move(part, target, table);
    }
    AtomicFiles.deleteRecursively(staging);
    se.vardag.Checkpoint.reached(se.vardag.Checkpoint.WRITE);
  }

  /** Writes the quarantine (no {@code as_of} column) and links it into every date. */
  public void writeQuarantine(Dataset<Row> rejected, List<LocalDate> dates) {
    Path staging = runDir.resolve("_tables").resolve(Tables.REJECTED_ROWS);
    rejected.select(columns(Tables.REJECTED_ROWS_SCHEMA, false))
        .orderBy(Columns.SOURCE_FILE, "line")
        .coalesce(1)
        .write()
        .parquet(LocalFiles.sparkPath(staging));
    try {
      if (!hasParquet(staging)) {
        writeEmpty(Tables.REJECTED_ROWS, staging);
      }
      for (LocalDate d : dates) {
        Path target = runDir.resolve(d.toString()).resolve(Tables.REJECTED_ROWS);
        Files.createDirectories(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging, "*.parquet")) {
          for (Path f : files) {
            Path to = target.resolve(f.getFileName());
            try {
              Files.createLink(to, f);
            } catch (UnsupportedOperationException | IOException e) {
              Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot place the quarantine under " + runDir, e);
    }
    AtomicFiles.deleteRecursively(staging);
  }

  private void move(Path part, Path target, String table) {
    try {
      Files.createDirectories(target.getParent());
      if (Files.isDirectory(part) && hasParquet(part)) {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        writeEmpty(table, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot place table " + table + " under " + target, e);
    }
  }

  private void writeEmpty(String table, Path target) throws IOException {
    Path empty = runDir.resolve("_tables").resolve("_empty").resolve(table);
    if (!hasParquet(empty)) {
      spark.createDataFrame(List.of(), Tables.schemaOf(table)).coalesce(1).write().mode("overwrite")
          .parquet(LocalFiles.sparkPath(empty));
    }
    Files.createDirectories(target);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(empty, "*.parquet")) {
      for (Path f : files) {
        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!hasParquet(target)) {
      throw new IOException("Cannot write an empty Parquet file for " + table + " under " + target);
    }
  }

  private static boolean hasParquet(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.parquet")) {
      return files.iterator().hasNext();
    }
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema, boolean withAsOf) {
    int n = schema.fields().length + (withAsOf ? 1 : 0);
    org.apache.spark.sql.Column[] cols = new org.apache.spark.sql.Column[n];
    for (int k = 0; k < schema.fields().length; k++) {
      cols[k] = col(schema.fields()[k].name()).cast(schema.fields()[k].dataType());
    }
    if (withAsOf) {
      cols[n - 1] = col("as_of");
    }
    return cols;
  }
}
