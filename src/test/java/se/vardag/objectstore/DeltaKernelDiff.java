package se.vardag.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import se.vardag.model.Tables;

/**
 * The object-store test's independent reader (jobs/object-store-test): reads every analyst table of
 * an output on a Hadoop file system ({@code output.format = delta}) with Delta Kernel, not Spark, at
 * its latest version, and the quarantine of D from the version folder its pointer object names, and
 * compares each, row for row, with the Parquet files a local Parquet run published for D (read with
 * Kernel's Parquet reader, in the contract's schema). Prints each table with "equal" and ends with
 * "All published tables are equal." when they are.
 *
 * <p>{@code DeltaKernelDiff <local-parquet-output> <delta-output-uri> <D>}; the file-system settings
 * come from the system properties {@code spark.hadoop.fs.*} (as the job's own), exit 1 when a table
 * differs.
 */
public final class DeltaKernelDiff {
  private DeltaKernelDiff() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: DeltaKernelDiff <local-parquet-output> <delta-output-uri> <as-of>");
      System.exit(2);
    }
    Configuration conf = new Configuration();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop.fs."))
        .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
    boolean equal = compare(java.nio.file.Path.of(args[0]), args[1], LocalDate.parse(args[2]), conf, System.out);
    System.exit(equal ? 0 : 1);
  }

  /** Compares every analyst table and the quarantine of D; prints one line per table. */
  public static boolean compare(java.nio.file.Path local, String remote, LocalDate asOf, Configuration conf,
      PrintStream out) throws IOException {
    Engine engine = DefaultEngine.create(conf);
    boolean all = true;
    for (String table : Tables.ANALYST_TABLES) {
      StructType schema = kernel(Tables.schemaOf(table));
      List<String> expected = parquet(engine, localFiles(local.resolve(table).resolve("as_of=" + asOf)), schema);
      Snapshot snapshot = Table.forPath(engine, remote + "/delta/" + table).getLatestSnapshot(engine);
      List<String> actual = delta(engine, snapshot, schema, asOf);
      all &= report(out, table + " (Delta version " + snapshot.getVersion() + ")", expected, actual);
    }
    FileSystem fs = FileSystem.get(URI.create(remote), conf);
    JsonNode pointer;
    try (InputStream in = fs.open(new Path(remote + "/_published/as_of=" + asOf + ".json"))) {
      pointer = new ObjectMapper().readTree(in);
    }
    String version = remote + "/" + pointer.path("version").asText();
    StructType quarantine = kernel(Tables.REJECTED_ROWS_SCHEMA);
    List<FileStatus> files = new ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(new Path(version + "/" + Tables.REJECTED_ROWS))) {
      if (s.getPath().getName().endsWith(".parquet")) {
        files.add(FileStatus.of(s.getPath().toString(), s.getLen(), s.getModificationTime()));
      }
    }
    all &= report(out, Tables.REJECTED_ROWS + " (" + pointer.path("version").asText() + ")",
        parquet(engine, localFiles(local.resolve(Tables.QUARANTINE_DIR).resolve(Tables.REJECTED_ROWS)
            .resolve("as_of=" + asOf)), quarantine), parquet(engine, files, quarantine));
    out.println(all ? "All published tables are equal." : "Some published tables differ.");
    return all;
  }

  private static boolean report(PrintStream out, String what, List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      out.println(what + ": " + actual.size() + " rows, equal");
      return true;
    }
    out.println(what + ": DIFFERENT (" + expected.size() + " rows expected, " + actual.size() + " read)");
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    missing.stream().limit(5).forEach(r -> out.println("  only in the local run: " + r));
    extra.stream().limit(5).forEach(r -> out.println("  only in the object store: " + r));
    return false;
  }

  private static List<FileStatus> localFiles(java.nio.file.Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    try (var files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.sorted()::iterator) {
        if (f.getFileName().toString().endsWith(".parquet")) {
          out.add(FileStatus.of(f.toUri().toString(), java.nio.file.Files.size(f),
              java.nio.file.Files.getLastModifiedTime(f).toMillis()));
        }
      }
    }
    return out;
  }

  /** Every row of Parquet files in {@code schema}, as text, sorted. */
  private static List<String> parquet(Engine engine, List<FileStatus> files, StructType schema) throws IOException {
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<FileReadResult> data = engine.getParquetHandler().readParquetFiles(iterator(files), schema,
        Optional.empty())) {
      while (data.hasNext()) {
        addRows(data.next().getData(), Optional.empty(), schema, rows);
      }
    }
    rows.sort(null);
    return rows;
  }

  /** The rows of the Delta table's snapshot whose {@code as_of} is D, in {@code schema}'s columns, as text, sorted. */
  private static List<String> delta(Engine engine, Snapshot snapshot, StructType schema, LocalDate asOf)
      throws IOException {
    Scan scan = snapshot.getScanBuilder().build();
    Row state = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(state);
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> fileRows = scanFiles.next().getRows()) {
          while (fileRows.hasNext()) {
            Row fileRow = fileRows.next();
            if (!asOf.toString().equals(InternalScanFileUtils.getPartitionValues(fileRow).get("as_of"))) {
              continue;
            }
            FileStatus file = InternalScanFileUtils.getAddFileStatus(fileRow);
            CloseableIterator<ColumnarBatch> physicalData = engine.getParquetHandler()
                .readParquetFiles(iterator(List.of(file)), physical, Optional.empty()).map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(engine, state, fileRow,
                physicalData)) {
              while (logical.hasNext()) {
                FilteredColumnarBatch batch = logical.next();
                addRows(batch.getData(), batch.getSelectionVector(), schema, rows);
              }
            }
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  private static void addRows(ColumnarBatch batch, Optional<ColumnVector> selection, StructType schema,
      List<String> rows) {
    StructType have = batch.getSchema();
    for (int i = 0; i < batch.getSize(); i++) {
      if (selection.isPresent() && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
        continue;
      }
      StringBuilder b = new StringBuilder("[");
      for (int c = 0; c < schema.length(); c++) {
        String name = schema.at(c).getName();
        ColumnVector v = batch.getColumnVector(have.indexOf(name));
        b.append(c == 0 ? "" : ", ").append(name).append('=').append(text(v, i));
      }
      rows.add(b.append(']').toString());
    }
  }

  private static String text(ColumnVector v, int i) {
    if (v.isNullAt(i)) {
      return "null";
    }
    DataType t = v.getDataType();
    if (t instanceof StringType) {
      return v.getString(i);
    } else if (t instanceof LongType) {
      return Long.toString(v.getLong(i));
    } else if (t instanceof IntegerType) {
      return Integer.toString(v.getInt(i));
    } else if (t instanceof DoubleType) {
      return Double.toString(v.getDouble(i));
    } else if (t instanceof BooleanType) {
      return Boolean.toString(v.getBoolean(i));
    } else if (t instanceof DateType) {
      return LocalDate.ofEpochDay(v.getInt(i)).toString();
    } else if (t instanceof TimestampType) {
      return Long.toString(v.getLong(i));
    } else if (t instanceof MapType) {
      MapValue m = v.getMap(i);
      Map<String, String> sorted = new TreeMap<>();
      for (int k = 0; k < m.getSize(); k++) {
        sorted.put(text(m.getKeys(), k), text(m.getValues(), k));
      }
      return sorted.toString();
    } else if (t instanceof ArrayType) {
      ArrayValue a = v.getArray(i);
      List<String> items = new ArrayList<>();
      for (int k = 0; k < a.getSize(); k++) {
        items.add(text(a.getElements(), k));
      }
      return items.toString();
    }
    throw new IllegalArgumentException("Cannot print a value of type " + t);
  }

  /** The contract's Spark schema as Kernel's (the types the published tables use). */
  static StructType kernel(org.apache.spark.sql.types.StructType spark) {
    StructType out = new StructType();
    for (org.apache.spark.sql.types.StructField f : spark.fields()) {
      out = out.add(f.name(), kernel(f.dataType()), f.nullable());
    }
    return out;
  }

  private static DataType kernel(org.apache.spark.sql.types.DataType t) {
    if (t instanceof org.apache.spark.sql.types.StringType) {
      return StringType.STRING;
    } else if (t instanceof org.apache.spark.sql.types.LongType) {
      return LongType.LONG;
    } else if (t instanceof org.apache.spark.sql.types.IntegerType) {
      return IntegerType.INTEGER;
    } else if (t instanceof org.apache.spark.sql.types.DoubleType) {
      return DoubleType.DOUBLE;
    } else if (t instanceof org.apache.spark.sql.types.BooleanType) {
      return BooleanType.BOOLEAN;
    } else if (t instanceof org.apache.spark.sql.types.DateType) {
      return DateType.DATE;
    } else if (t instanceof org.apache.spark.sql.types.TimestampType) {
      return TimestampType.TIMESTAMP;
    } else if (t instanceof org.apache.spark.sql.types.MapType m) {
      return new MapType(kernel(m.keyType()), kernel(m.valueType()), m.valueContainsNull());
    } else if (t instanceof org.apache.spark.sql.types.ArrayType a) {
      return new ArrayType(kernel(a.elementType()), a.containsNull());
    }
    throw new IllegalArgumentException("Cannot map the Spark type " + t + " to Delta Kernel");
  }

  private static <T> CloseableIterator<T> iterator(List<T> items) {
    Iterator<T> it = items.iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
