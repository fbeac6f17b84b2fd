package se.vardag.run;

import static org.apache.spark.sql.functions.col;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import se.vardag.ingest.Rejection;
import se.vardag.ingest.UsageFile;
import se.vardag.ingest.UsageFileParser;
import se.vardag.ingest.Values;
import se.vardag.privacy.Pseudonymizer;

/** The read-only check behind {@code jobs/vardag validate}: every usage file, without the store. */
final class Validation {
  private static final StructType SCHEMA = new StructType()
      .add("source_file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, true)
      .add("column", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("record", DataTypes.StringType, true)
      .add("rows_read", DataTypes.LongType, true)
      .add("rows_rejected", DataTypes.LongType, true);

  record Result(Dataset<Row> rejected, Map<String, long[]> perFile, long rowsRead, long rowsRejected) {}

  private Validation() {}

  static Result usage(SparkSession spark, List<UsageFile> files, ZoneId zone, int maxFieldChars, Pseudonymizer ps) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> rows = spark.createDataFrame(jsc.parallelize(files, Math.max(1, files.size()))
        .flatMap(new Check(zone.getId(), maxFieldChars, ps)), SCHEMA).cache();
    Map<String, long[]> perFile = new TreeMap<>();
    long read = 0;
    long rejected = 0;
    for (Row r : rows.filter(col("rows_read").isNotNull()).collectAsList()) {
      perFile.put(r.getString(0), new long[] {r.getLong(5), r.getLong(6)});
      read += r.getLong(5);
      rejected += r.getLong(6);
    }
    Dataset<Row> rejectedRows = rows.filter(col("rows_read").isNull()).orderBy("source_file", "line");
    return new Result(rejectedRows, perFile, read, rejected);
  }

  static String describe(Row r) {
    Rejection x = new Rejection(r.getString(0), r.isNullAt(1) ? null : r.getLong(1),
        r.isNullAt(2) ? null : r.getString(2), r.getString(3), "");
    return x.describe();
  }

  private static final class Check implements FlatMapFunction<UsageFile, Row> {
    private static final long serialVersionUID = 1L;
    private final String zone;
    private final int maxFieldChars;
    private final Pseudonymizer pseudonyms;

    Check(String zone, int maxFieldChars, Pseudonymizer pseudonyms) {
      this.zone = zone;
      this.maxFieldChars = maxFieldChars;
      this.pseudonyms = pseudonyms;
    }

    @Override
    public Iterator<Row> call(UsageFile f) throws Exception {
      UsageFileParser.Result result;
      try (InputStream in = Files.newInputStream(Path.of(f.path()))) {
        result = UsageFileParser.parse(in, f.name(), new Values.DayResolver(ZoneId.of(zone)), maxFieldChars,
            pseudonyms.copy());
      }
      List<Row> out = new ArrayList<>();
      for (Rejection r : result.rejections) {
        out.add(RowFactory.create(r.sourceFile(), r.line(), r.column(), r.reason(), r.record(), null, null));
      }
      out.add(RowFactory.create(f.name(), null, null, null, null, result.rowsRead, result.rowsRejected));
      return out.iterator();
    }
  }
}
