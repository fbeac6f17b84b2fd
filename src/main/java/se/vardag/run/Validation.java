package se.vardag.run;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import se.vardag.facts.UsageStore;
import se.vardag.ingest.Rejection;
import se.vardag.ingest.UsageFile;
import se.vardag.ingest.UsageFileParser;
import se.vardag.ingest.UsageReading;
import se.vardag.model.Columns;

/**
 * The read-only check behind {@code jobs/vardag validate}: every usage file read as the store reads it
 * ({@link UsageReading}), one Spark task per file, without writing the store.
 */
final class Validation {
  private static final StructType SCHEMA = new StructType()
      .add(Columns.SOURCE_FILE, DataTypes.StringType, false)
      .add("line", DataTypes.LongType, true)
      .add("column", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("record", DataTypes.StringType, true)
      .add("rows_read", DataTypes.LongType, true)
      .add("rows_rejected", DataTypes.LongType, true)
      .add("max_day", DataTypes.IntegerType, true)
      .add("empty", DataTypes.BooleanType, true);

  /**
   * The rejected rows; per file {rows read, rows rejected}; the totals; the last day with an
   * accepted event (empty when none); and a warning per file without a data row.
   */
  record Result(Dataset<Row> rejected, Map<String, long[]> perFile, long rowsRead, long rowsRejected,
      OptionalInt lastEventDay, List<String> warnings) {}

  private Validation() {}

  static Result usage(SparkSession spark, List<UsageFile> files, UsageReading reading) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> rows = spark.createDataFrame(jsc.parallelize(files, Math.max(1, files.size()))
        .flatMap(new Check(reading)), SCHEMA).cache();
    Map<String, long[]> perFile = new TreeMap<>();
    Map<String, Long> sizes = new TreeMap<>();
    files.forEach(f -> sizes.put(f.name(), f.size()));
    long read = 0;
    long rejected = 0;
    OptionalInt last = OptionalInt.empty();
    List<String> warnings = new ArrayList<>();
    for (Row r : rows.filter(col("rows_read").isNotNull()).orderBy(Columns.SOURCE_FILE).collectAsList()) {
      perFile.put(r.getString(0), new long[] {r.getLong(5), r.getLong(6)});
      read += r.getLong(5);
      rejected += r.getLong(6);
      if (!r.isNullAt(7) && (last.isEmpty() || r.getInt(7) > last.getAsInt())) {
        last = OptionalInt.of(r.getInt(7));
      }
      if (r.getLong(5) == 0) {
        UsageStore.FileEntry e = new UsageStore.FileEntry();
        e.name = r.getString(0);
        e.size = sizes.getOrDefault(e.name, 0L);
        e.empty = r.getBoolean(8);
        warnings.add(Preparation.noEventsWarning(e));
      }
    }
    Dataset<Row> rejectedRows = rows.filter(col("rows_read").isNull()).orderBy(Columns.SOURCE_FILE, "line");
    return new Result(rejectedRows, perFile, read, rejected, last, warnings);
  }

  static String describe(Row r) {
    Rejection x = new Rejection(r.getString(0), r.isNullAt(1) ? null : r.getLong(1),
        r.isNullAt(2) ? null : r.getString(2), r.getString(3), "");
    return x.describe();
  }

  private static final class Check implements FlatMapFunction<UsageFile, Row> {
    private static final long serialVersionUID = 1L;
    private final UsageReading reading;

    Check(UsageReading reading) {
      this.reading = reading;
    }

    @Override
    public Iterator<Row> call(UsageFile f) throws Exception {
      UsageFileParser.Result result = reading.read(f);
      List<Row> out = new ArrayList<>();
      for (Rejection r : result.rejections) {
        out.add(RowFactory.create(r.sourceFile(), r.line(), r.column(), r.reason(), r.record(), null, null, null,
            null));
      }
      out.add(RowFactory.create(f.name(), null, null, null, null, result.rowsRead, result.rowsRejected,
          result.maxDay == Integer.MIN_VALUE ? null : result.maxDay, result.empty));
      return out.iterator();
    }
  }
}
