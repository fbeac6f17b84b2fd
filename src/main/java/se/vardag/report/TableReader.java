package se.vardag.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import se.vardag.Location;
import se.vardag.model.Columns;
import se.vardag.model.Tables;
import se.vardag.report.ReportData.DataQuality;
import se.vardag.report.ReportData.FlagRow;
import se.vardag.report.ReportData.HistoryRow;
import se.vardag.report.ReportData.InputFile;
import se.vardag.report.ReportData.RegisterRejection;
import se.vardag.report.ReportData.UnitRow;
import se.vardag.report.ReportData.UsageSource;
import se.vardag.report.ReportData.WeekRow;

/** Reads the published tables of one version folder into a {@link ReportData} (collected to the driver). */
final class TableReader {
  private TableReader() {}

  static ReportData read(SparkSession spark, Location versionDir, LocalDate asOf) {
    return read(spark, versionDir, asOf, null);
  }

  /**
   * As {@link #read(SparkSession, Location, LocalDate)}, each table's rows of {@code asOf} taken from {@code
   * computed} when it has the table (the rows just written to {@code versionDir}, every date's, with {@code
   * as_of}): local rows, so no Spark job and no file is read for them.
   */
  static ReportData read(SparkSession spark, Location versionDir, LocalDate asOf, Map<String, Dataset<Row>> computed) {
    Source source = new Source(spark, versionDir, asOf, computed);
    List<InitiativeRow> initiatives = new ArrayList<>();
    for (Row row : source.rows(Tables.INITIATIVE_ADOPTION, true)) {
      initiatives.add(new InitiativeRow(toMap(row, InitiativeRow.READ_SCHEMA)));
    }
    initiatives.sort(Comparator.comparing(InitiativeRow::id));

    List<FlagRow> flags = new ArrayList<>();
    for (Row row : source.rows(Tables.FOLLOW_THROUGH_FLAGS, true)) {
      Map<String, String> args = new HashMap<>();
      int i = row.fieldIndex(Columns.EVIDENCE_ARGS);
      if (!row.isNullAt(i)) {
        for (Map.Entry<Object, Object> e : row.<Object, Object>getJavaMap(i).entrySet()) {
          if (e.getKey() != null && e.getValue() != null) {
            args.put(e.getKey().toString(), e.getValue().toString());
          }
        }
      }
      flags.add(new FlagRow(row.getAs(Columns.INITIATIVE_ID), row.getAs("name"), row.getAs("code"),
          row.getAs("pillar"), row.getAs("severity"), row.getAs("evidence"), args, row.getAs("verdict")));
    }

    List<WeekRow> weeks = new ArrayList<>();
    for (Row row : source.rows(Tables.WEEKLY_ACTIVE, true)) {
      Map<String, Object> v = toMap(row, Tables.WEEKLY_ACTIVE_SCHEMA);
      weeks.add(new WeekRow((String) v.get(Columns.INITIATIVE_ID), (String) v.get("name"),
          (Integer) v.get(Columns.WEEK_INDEX), (LocalDate) v.get(Columns.WEEK_START), (LocalDate) v.get(Columns.WEEK_END),
          (Long) v.get(Columns.ACTIVE_USERS), Boolean.TRUE.equals(v.get("suppressed"))));
    }
    weeks.sort(Comparator.comparing(WeekRow::initiativeId).thenComparing(WeekRow::weekIndex));

    List<UnitRow> units = new ArrayList<>();
    for (Row row : source.rows(Tables.UNIT_ADOPTION, false)) {
      Map<String, Object> v = toMap(row, Tables.UNIT_ADOPTION_SCHEMA);
      units.add(new UnitRow((String) v.get(Columns.INITIATIVE_ID), (String) v.get("name"), (String) v.get(Columns.ORG_UNIT),
          (Long) v.get(Columns.TARGET_POPULATION), (Long) v.get("trained"), (Long) v.get(Columns.ACTIVE_USERS),
          (Long) v.get(Columns.SUSTAINED_USERS), (Double) v.get(Columns.TRAINING_COVERAGE), (Double) v.get(Columns.ADOPTION_RATE),
          (Double) v.get(Columns.SUSTAINED_RATE), Boolean.TRUE.equals(v.get("suppressed")), (String) v.get("suppression")));
    }
    units.sort(Comparator.comparing(UnitRow::initiativeId).thenComparing(UnitRow::orgUnit));

    // The quarantine can be large (raw records): only its counts per file come to the driver.
    Map<String, Long> rejectedByFile = new TreeMap<>();
    for (Row row : rejectedCounts(spark, versionDir, asOf)) {
      rejectedByFile.put(row.getString(0), row.getLong(1));
    }
    DataQuality quality = quality(versionDir.resolve(Tables.MANIFEST_FILE), asOf, rejectedByFile);
    // initiative_history is revision 2's: a date published before it has none.
    List<HistoryRow> history = new ArrayList<>();
    if (source.has(Tables.INITIATIVE_HISTORY)) {
      for (Row row : source.narrow(Tables.INITIATIVE_HISTORY, Columns.INITIATIVE_ID, Columns.WEEK_INDEX,
          Columns.WEEK_END, "verdict")) {
        history.add(new HistoryRow(row.getString(0), row.getInt(1), (LocalDate) normalise(row.get(2)),
            row.getString(3)));
      }
    }
    history.sort(Comparator.comparing(HistoryRow::initiativeId).thenComparing(HistoryRow::weekIndex));
    return new ReportData(asOf, initiatives, flags, weeks, units, quality, null, history);
  }

  /**
   * The facts of an earlier report that the changes compare with: each initiative's name and
   * verdict, and its raised flags (two narrow reads, not the whole report's data).
   */
  static Changes.Earlier readEarlier(SparkSession spark, Location versionDir, LocalDate asOf) {
    return readEarlier(spark, versionDir, asOf, null);
  }

  /**
   * As {@link #readEarlier(SparkSession, Location, LocalDate)}, from {@code computed} when it holds rows of
   * {@code asOf} (an earlier date of the same backfill: local rows, no Spark job); else from {@code versionDir}.
   */
  static Changes.Earlier readEarlier(SparkSession spark, Location versionDir, LocalDate asOf,
      Map<String, Dataset<Row>> computed) {
    Source mine = new Source(spark, versionDir, asOf, computed);
    List<Row> adoption = mine.local(Tables.INITIATIVE_ADOPTION, Columns.INITIATIVE_ID, "name", "verdict");
    boolean local = adoption != null && !adoption.isEmpty();
    Map<String, String> names = new HashMap<>();
    Map<String, String> verdicts = new HashMap<>();
    for (Row row : local ? adoption
        : narrow(spark, versionDir, asOf, Tables.INITIATIVE_ADOPTION, Columns.INITIATIVE_ID, "name", "verdict")) {
      names.put(row.getString(0), row.getString(1));
      verdicts.put(row.getString(0), row.getString(2));
    }
    List<Row> localFlags = local ? mine.local(Tables.FOLLOW_THROUGH_FLAGS, Columns.INITIATIVE_ID, "code") : null;
    Map<String, java.util.Set<String>> flags = new HashMap<>();
    for (Row row : localFlags != null ? localFlags
        : narrow(spark, versionDir, asOf, Tables.FOLLOW_THROUGH_FLAGS, Columns.INITIATIVE_ID, "code")) {
      flags.computeIfAbsent(row.getString(0), k -> new java.util.TreeSet<>()).add(row.getString(1));
    }
    return new Changes.Earlier(asOf, names, verdicts, flags);
  }

  /** A version folder's tables, or the rows just written to it. */
  private record Source(SparkSession spark, Location versionDir, LocalDate asOf, Map<String, Dataset<Row>> computed) {
    private Dataset<Row> computed(String table) {
      Dataset<Row> all = computed == null ? null : computed.get(table);
      return all == null ? null : all.filter(functions.col("as_of").equalTo(functions.lit(asOf)));
    }

    boolean has(String table) {
      return computed(table) != null || isDirectory(versionDir.resolve(table));
    }

    List<Row> rows(String table, boolean required) {
      Dataset<Row> mine = computed(table);
      return mine != null ? mine.collectAsList() : TableReader.rows(spark, versionDir, asOf, table, required);
    }

    /** The columns of {@code table}'s computed rows of the date; null when they are not computed here. */
    List<Row> local(String table, String... columns) {
      Dataset<Row> mine = computed(table);
      return mine == null ? null
          : mine.select(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)).collectAsList();
    }

    List<Row> narrow(String table, String... columns) {
      List<Row> mine = local(table, columns);
      return mine != null ? mine : TableReader.narrow(spark, versionDir, asOf, table, columns);
    }
  }

  private static List<Row> narrow(SparkSession spark, Location versionDir, LocalDate asOf, String table,
      String... columns) {
    Location dir = versionDir.resolve(table);
    if (!isDirectory(dir)) {
      throw ReportErrors.tableMissing(asOf, versionDir, table);
    }
    StructType all = Tables.schemaOf(table);
    StructType schema = new StructType(java.util.Arrays.stream(columns).map(c -> all.fields()[all.fieldIndex(c)])
        .toArray(StructField[]::new));
    try {
      return spark.read().schema(schema).parquet(dir.sparkPath()).collectAsList();
    } catch (RuntimeException e) {
      throw ReportErrors.unreadableTable(asOf, versionDir, table, e);
    }
  }

  private static List<Row> rows(SparkSession spark, Location versionDir, LocalDate asOf, String table, boolean required) {
    Location dir = versionDir.resolve(table);
    if (!isDirectory(dir)) {
      if (required) {
        throw ReportErrors.tableMissing(asOf, versionDir, table);
      }
      return List.of();
    }
    try {
      // initiative_adoption is read with the revision-2 columns too: null where a date was published without them.
      StructType schema = Tables.INITIATIVE_ADOPTION.equals(table) ? InitiativeRow.READ_SCHEMA : Tables.schemaOf(table);
      return spark.read().schema(schema).parquet(dir.sparkPath()).collectAsList();
    } catch (RuntimeException e) {
      throw ReportErrors.unreadableTable(asOf, versionDir, table, e);
    }
  }

  private static List<Row> rejectedCounts(SparkSession spark, Location versionDir, LocalDate asOf) {
    Location dir = versionDir.resolve(Tables.REJECTED_ROWS);
    if (!isDirectory(dir)) {
      return List.of();
    }
    try {
      return spark.read().schema(Tables.schemaOf(Tables.REJECTED_ROWS)).parquet(dir.sparkPath())
          .groupBy(Columns.SOURCE_FILE).count().collectAsList();
    } catch (RuntimeException e) {
      throw ReportErrors.unreadableTable(asOf, versionDir, Tables.REJECTED_ROWS, e);
    }
  }

  private static boolean isDirectory(Location dir) {
    try {
      return dir.isDirectory();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot look for " + dir, e);
    }
  }

  private static boolean isFile(Location file) {
    try {
      return file.isFile();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot look for " + file, e);
    }
  }

  static Map<String, Object> toMap(Row row, StructType schema) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      int i = row.fieldIndex(f.name());
      values.put(f.name(), row.isNullAt(i) ? null : normalise(row.get(i)));
    }
    return values;
  }

  private static Object normalise(Object v) {
    if (v instanceof Date) {
      return ((Date) v).toLocalDate();
    }
    if (v instanceof Timestamp) {
      return ((Timestamp) v).toLocalDateTime().toLocalDate();
    }
    return v;
  }

  /** Reads the keys the report relies on: inputs, rejected_rows_total, missing_optional_inputs. */
  static DataQuality quality(Location manifest, LocalDate asOf, Map<String, Long> rejectedByFileFromTable) {
    if (!isFile(manifest)) {
      long total = rejectedByFileFromTable.values().stream().mapToLong(Long::longValue).sum();
      return new DataQuality(false, List.of(), total, rejectedByFileFromTable, List.of());
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(manifest.readAllBytes());
    } catch (IOException e) {
      throw ReportErrors.unreadableManifest(manifest, e);
    }
    String manifestAsOf = root.path("as_of").asText("");
    if (!manifestAsOf.isEmpty() && !manifestAsOf.equals(asOf.toString())) {
      throw ReportErrors.asOfMismatch(manifest, manifestAsOf, asOf);
    }
    List<InputFile> inputs = new ArrayList<>();
    Map<String, Long> rejectedByFile = new TreeMap<>();
    for (JsonNode in : root.path("inputs")) {
      InputFile f = new InputFile(in.path("file").asText(""), in.path("required").asBoolean(false),
          in.path("present").asBoolean(true), in.path("rows_read").asLong(0), in.path("rows_rejected").asLong(0));
      inputs.add(f);
      if (f.rowsRejected() > 0) {
        rejectedByFile.put(f.file(), f.rowsRejected());
      }
    }
    if (rejectedByFile.isEmpty()) {
      rejectedByFile.putAll(rejectedByFileFromTable);
    }
    long total = root.has("rejected_rows_total") ? root.path("rejected_rows_total").asLong(0)
        : rejectedByFile.values().stream().mapToLong(Long::longValue).sum();
    List<String> missing = new ArrayList<>();
    for (JsonNode m : root.path("missing_optional_inputs")) {
      missing.add(m.asText());
    }
    // Revision 2 keys; a manifest written before them has neither (then the lists are empty).
    List<UsageSource> sources = new ArrayList<>();
    for (JsonNode u : root.path("usage_sources")) {
      String source = text(u, "source");
      if (source == null) {
        continue;
      }
      String last = text(u, "last_event_date");
      LocalDate lastDate;
      try {
        lastDate = last == null ? null : LocalDate.parse(last);
      } catch (java.time.format.DateTimeParseException e) {
        throw ReportErrors.badManifestValue(manifest, "usage_sources[].last_event_date", last, "YYYY-MM-DD or null");
      }
      sources.add(new UsageSource(source, lastDate, u.path("silent").asBoolean(false)));
    }
    List<RegisterRejection> register = new ArrayList<>();
    for (JsonNode r : root.path("register_rejections")) {
      JsonNode line = r.path("line");
      String reason = text(r, "reason");
      register.add(new RegisterRejection(line.isNumber() ? line.asLong() : null, reason == null ? "" : reason,
          text(r, Columns.INITIATIVE_ID), text(r, "name")));
    }
    return new DataQuality(true, inputs, total, rejectedByFile, missing, sources, register);
  }

  /** A text value of a manifest object, null when absent, null or blank. */
  private static String text(JsonNode node, String key) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
