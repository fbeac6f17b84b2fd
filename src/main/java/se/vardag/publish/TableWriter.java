package se.vardag.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import se.vardag.FsConf;
import se.vardag.Location;
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
  private final Location runDir;
  private final FsConf fs;

  public TableWriter(SparkSession spark, Location runDir, FsConf fs) {
    this.spark = requireNonNull(spark, "spark is null");
    this.runDir = requireNonNull(runDir, "runDir is null");
    this.fs = requireNonNull(fs, "fs is null");
  }

  /** Writes an analyst table. {@code rows} has the table's columns plus {@code as_of} (DATE). */
  public void write(String table, Dataset<Row> rows, List<LocalDate> dates) {
    StructType schema = Tables.schemaOf(table);
    Location staging = runDir.resolve("_tables").resolve(table);
    // The tables are small (a row per initiative, unit or week and date): one task writes every
    // date's file, without the shuffle a repartition by date would cost.
    rows.select(columns(schema, true))
        .coalesce(1)
        .write()
        .partitionBy("as_of")
        .parquet(staging.sparkPath());
    try {
      for (LocalDate d : dates) {
        Location target = runDir.resolve(d.toString()).resolve(table);
        Location part = staging.resolve("as_of=" + d);
        if (hasParquet(part)) {
          part.moveTo(fs, target);
        } else {
          writeEmpty(table, target);
        }
      }
      staging.delete(fs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot place table " + table + " under " + runDir, e);
    }
    se.vardag.Checkpoint.reached(se.vardag.Checkpoint.WRITE);
  }

  /** Writes the quarantine (no {@code as_of} column) and links it into every date. */
  public void writeQuarantine(Dataset<Row> rejected, List<LocalDate> dates) {
    Location staging = runDir.resolve("_tables").resolve(Tables.REJECTED_ROWS);
    rejected.select(columns(Tables.REJECTED_ROWS_SCHEMA, false))
        .orderBy(Columns.SOURCE_FILE, "line")
        .coalesce(1)
        .write()
        .parquet(staging.sparkPath());
    try {
      if (!hasParquet(staging)) {
        writeEmpty(Tables.REJECTED_ROWS, staging);
      }
      for (LocalDate d : dates) {
        Location target = runDir.resolve(d.toString()).resolve(Tables.REJECTED_ROWS);
        for (String f : parquetFiles(staging)) {
          staging.resolve(f).copyTo(fs, target.resolve(f));
        }
      }
      staging.delete(fs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot place the quarantine under " + runDir, e);
    }
  }

  private void writeEmpty(String table, Location target) throws IOException {
    Location empty = runDir.resolve("_tables").resolve("_empty").resolve(table);
    if (!hasParquet(empty)) {
      spark.createDataFrame(List.of(), Tables.schemaOf(table)).coalesce(1).write().mode("overwrite")
          .parquet(empty.sparkPath());
    }
    for (String f : parquetFiles(empty)) {
      empty.resolve(f).copyTo(fs, target.resolve(f));
    }
    if (!hasParquet(target)) {
      throw new IOException("Cannot write an empty Parquet file for " + table + " under " + target);
    }
  }

  private boolean hasParquet(Location dir) throws IOException {
    return !parquetFiles(dir).isEmpty();
  }

  private List<String> parquetFiles(Location dir) throws IOException {
    return dir.entries(fs).stream().filter(e -> e.file() && e.name().endsWith(".parquet")).map(Location.Entry::name)
        .toList();
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
