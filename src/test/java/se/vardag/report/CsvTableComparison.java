package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import se.vardag.model.Tables;

/** Parses the CSV attachment back (Commons CSV) and compares it, typed, with the published Parquet table. */
public final class CsvTableComparison {
  private CsvTableComparison() {}

  /** The CSV's rows as typed values, after undoing exactly the formula neutralisation. */
  public static List<Map<String, Object>> parse(byte[] csv) throws Exception {
    assertThat(csv[0]).isEqualTo((byte) 0xEF);
    assertThat(csv[1]).isEqualTo((byte) 0xBB);
    assertThat(csv[2]).isEqualTo((byte) 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CSVParser p = CsvExport.format().builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text))) {
      List<String> expected = new ArrayList<>();
      for (StructField f : Tables.INITIATIVE_ADOPTION_SCHEMA.fields()) {
        expected.add(f.name());
      }
      expected.add(CsvExport.EMPTY_BECAUSE); // the report's own last column: why figures are empty
      assertThat(p.getHeaderNames()).isEqualTo(expected);
      for (CSVRecord rec : p.getRecords()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (StructField f : Tables.INITIATIVE_ADOPTION_SCHEMA.fields()) {
          row.put(f.name(), typed(f.dataType(), CsvExport.unneutralise(rec.get(f.name()))));
        }
        rows.add(row);
      }
    }
    rows.sort(Comparator.comparing(r -> (String) r.get("initiative_id")));
    return rows;
  }

  static Object typed(DataType t, String s) {
    if (s.isEmpty()) {
      return null;
    }
    if (t.equals(DataTypes.LongType)) {
      return Long.parseLong(s);
    }
    if (t.equals(DataTypes.IntegerType)) {
      return Integer.parseInt(s);
    }
    if (t.equals(DataTypes.DoubleType)) {
      return Double.parseDouble(s);
    }
    if (t.equals(DataTypes.BooleanType)) {
      assertThat(s).isIn("true", "false");
      return Boolean.parseBoolean(s);
    }
    if (t.equals(DataTypes.DateType)) {
      return LocalDate.parse(s);
    }
    return s;
  }

  /** The published initiative_adoption rows of a version folder, read with Spark. */
  public static List<Map<String, Object>> table(SparkSession spark, Path versionDir) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(versionDir.resolve(Tables.INITIATIVE_ADOPTION).toString()).collectAsList()) {
      rows.add(TableReader.toMap(r, Tables.INITIATIVE_ADOPTION_SCHEMA));
    }
    rows.sort(Comparator.comparing(r -> (String) r.get("initiative_id")));
    return rows;
  }
}
