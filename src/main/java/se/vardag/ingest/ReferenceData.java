package se.vardag.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import se.vardag.model.Initiative;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.privacy.Pseudonymizer;

/**
 * The single input files (everything but the usage logs), read under their contracts in one
 * Spark job (a task per file, so no file is read on the driver) and exposed as typed datasets.
 * Employee ids are replaced by keyed pseudonyms here; only owner ids stay readable.
 *
 * <p>Besides the contract's own rejections, rows that point at something that does not exist
 * are rejected: a training of an employee id not in employees.csv, and a learning activity or
 * follow-up of an initiative id not in initiatives.csv (none of them can count for anything).
 *
 * <p>A little over 400 lines because the one-pass read (one Spark job for every file), the dangling
 * reference rejections and the per-file counts share the parsed dataset; the per-row parsing is
 * {@link RowParser}'s and the contract {@link InputContract}'s.
 */
public final class ReferenceData {
  static final StructType PARSED_SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("kind", DataTypes.IntegerType, false)
      .add("line", DataTypes.LongType, true)
      .add("column", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("record", DataTypes.StringType, true)
      .add("values", DataTypes.createArrayType(DataTypes.StringType, true), true)
      .add("sha256", DataTypes.StringType, true)
      .add("bytes", DataTypes.LongType, true)
      .add("rows_read", DataTypes.LongType, true)
      .add("missing_columns", DataTypes.StringType, true);

  static final int ROW = 0;
  static final int REJECTED = 1;
  static final int STATS = 2;

  private final Dataset<Row> parsed;
  private final Dataset<Row> employees;
  private final Dataset<Row> trainings;
  private final Dataset<Row> learning;
  private final Dataset<Row> followUps;
  private final Dataset<Row> outcomes;
  private final Dataset<Row> rejected;
  private final Dataset<Row> allRejected;
  private final List<Initiative> initiatives;
  private final Map<String, String> goals;
  private final Map<String, FileStats> stats;
  private final List<List<String>> registerValues;
  private final boolean saved;
  private ReferenceChecks checks;

  private ReferenceData(Dataset<Row> parsed, Dataset<Row> employees, Dataset<Row> trainings, Dataset<Row> learning,
      Dataset<Row> followUps, Dataset<Row> outcomes, Dataset<Row> rejected, Dataset<Row> allRejected,
      List<Initiative> initiatives, Map<String, String> goals, Map<String, FileStats> stats,
      List<List<String>> registerValues, boolean saved) {
    this.registerValues = registerValues;
    this.saved = saved;
    this.allRejected = allRejected;
    this.parsed = parsed;
    this.employees = employees;
    this.trainings = trainings;
    this.learning = learning;
    this.followUps = followUps;
    this.outcomes = outcomes;
    this.rejected = rejected;
    this.initiatives = List.copyOf(initiatives);
    this.goals = Map.copyOf(goals);
    this.stats = stats;
  }

  /** Reads every present single file of the folder. The folder's contract must have been checked. */
  public static ReferenceData read(SparkSession spark, InputFolder folder, ZoneId zone, int maxFieldChars,
      Pseudonymizer pseudonyms) {
    List<String[]> files = new ArrayList<>();
    for (FileContract c : InputContract.SINGLE_FILES) {
      folder.file(c).ifPresent(location -> files.add(new String[] {c.name(), location.toString()}));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
        .flatMap(new ParseFile(zone.getId(), maxFieldChars, folder.fs()));
    Dataset<Row> parsed = spark.createDataFrame(rows, PARSED_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());

    Pseudonymizer ps = pseudonyms.copy();
    spark.udf().register("vardag_pseudonym", (org.apache.spark.sql.api.java.UDF1<String, Long>) id ->
        id == null ? null : ps.id(id), DataTypes.LongType);

    Dataset<Row> employeeRows = rowsOf(parsed, InputContract.EMPLOYEES);
    Dataset<Row> employees = employeeRows.select(
        v(InputContract.EMPLOYEES, "employee_id").as("employee_id"),
        org.apache.spark.sql.functions.call_function("vardag_pseudonym", v(InputContract.EMPLOYEES, "employee_id")).as("pid"),
        v(InputContract.EMPLOYEES, "org_unit").as("org_unit"),
        v(InputContract.EMPLOYEES, "display_name").as("display_name"),
        v(InputContract.EMPLOYEES, "email").as("email"),
        v(InputContract.EMPLOYEES, "hired_on").cast("int").as("hired"),
        v(InputContract.EMPLOYEES, "left_on").cast("int").as("left"));

    // The register is small: it is read on the driver as typed values.
    List<Initiative> initiatives = new ArrayList<>();
    List<List<String>> registerValues = new ArrayList<>();
    for (Row r : rowsOf(parsed, InputContract.INITIATIVES).select("values").collectAsList()) {
      initiatives.add(initiative(r.getList(0)));
      registerValues.add(new ArrayList<>(r.getList(0)));
    }
    initiatives.sort((a, b) -> a.id().compareTo(b.id()));
    Map<String, String> goals = new LinkedHashMap<>();
    for (Row r : rowsOf(parsed, InputContract.GOALS).select(v(InputContract.GOALS, "goal_id"),
        v(InputContract.GOALS, "title")).collectAsList()) {
      goals.put(r.getString(0), r.getString(1));
    }

    Dataset<Row> initiativeIds = spark.createDataset(initiatives.stream().map(Initiative::id).toList(),
        org.apache.spark.sql.Encoders.STRING()).toDF("initiative_id");

    // Trainings of people not in the roster, and activities/follow-ups of unknown initiatives, are rejected.
    Dataset<Row> trainingRows = rowsOf(parsed, InputContract.TRAININGS)
        .withColumn("employee_id", v(InputContract.TRAININGS, "employee_id"));
    Dataset<Row> knownEmployees = employees.select("employee_id").distinct();
    Dataset<Row> trainingsUnknown = trainingRows.join(knownEmployees, trainingRows.col("employee_id")
        .equalTo(knownEmployees.col("employee_id")), "left_anti");
    Dataset<Row> trainingsKnown = trainingRows.join(knownEmployees, trainingRows.col("employee_id")
        .equalTo(knownEmployees.col("employee_id")), "left_semi");
    Dataset<Row> trainings = trainingsKnown.select(
        org.apache.spark.sql.functions.call_function("vardag_pseudonym", col("employee_id")).as("pid"),
        v(InputContract.TRAININGS, "course_id").as("course_id"),
        v(InputContract.TRAININGS, "completed_on").cast("int").as("completed"));

    Dataset<Row> learningRows = rowsOf(parsed, InputContract.LEARNING_ACTIVITIES)
        .withColumn("initiative_id", v(InputContract.LEARNING_ACTIVITIES, "initiative_id"));
    Dataset<Row> learningUnknown = learningRows.join(initiativeIds, learningRows.col("initiative_id")
        .equalTo(initiativeIds.col("initiative_id")), "left_anti");
    Dataset<Row> learning = learningRows.join(initiativeIds, learningRows.col("initiative_id")
            .equalTo(initiativeIds.col("initiative_id")), "left_semi")
        .select(
            org.apache.spark.sql.functions.call_function("vardag_pseudonym",
                v(InputContract.LEARNING_ACTIVITIES, "employee_id")).as("pid"),
            col("initiative_id"),
            v(InputContract.LEARNING_ACTIVITIES, "activity").as("activity"),
            v(InputContract.LEARNING_ACTIVITIES, "held_on").cast("int").as("held"),
            v(InputContract.LEARNING_ACTIVITIES, "hours").cast("double").as("hours"));

    Dataset<Row> followRows = rowsOf(parsed, InputContract.FOLLOW_UPS)
        .withColumn("initiative_id", v(InputContract.FOLLOW_UPS, "initiative_id"));
    Dataset<Row> followUnknown = followRows.join(initiativeIds, followRows.col("initiative_id")
        .equalTo(initiativeIds.col("initiative_id")), "left_anti");
    Dataset<Row> followUps = followRows.join(initiativeIds, followRows.col("initiative_id")
            .equalTo(initiativeIds.col("initiative_id")), "left_semi")
        .select(col("initiative_id"),
            v(InputContract.FOLLOW_UPS, "held_on").cast("int").as("held"),
            v(InputContract.FOLLOW_UPS, "maturity").cast("int").as("maturity"));

    Dataset<Row> outcomes = rowsOf(parsed, InputContract.OUTCOMES).select(
        v(InputContract.OUTCOMES, "kpi").as("kpi"),
        v(InputContract.OUTCOMES, "org_unit").as("org_unit"),
        v(InputContract.OUTCOMES, "observed_on").cast("int").as("observed"),
        v(InputContract.OUTCOMES, "value").cast("double").as("value"),
        col("line").as("row_id"));

    Dataset<Row> contractRejects = parsed.filter(col("kind").equalTo(REJECTED))
        .select(col("file").as("source_file"), col("line"), col("column"), col("reason"), col("record"),
            lit(false).as("dependent"));
    Dataset<Row> rejectedEmployees = rejectedKeys(parsed, InputContract.EMPLOYEES);
    Dataset<Row> rejectedInitiatives = rejectedKeys(parsed, InputContract.INITIATIVES);
    Dataset<Row> referenceRejects = unknownReference(trainingsUnknown, "employee_id", rejectedEmployees,
            "is not in employees.csv; a training must belong to someone in the roster",
            "employee ", "'s roster row was rejected: " + InputContract.EMPLOYEES.name() + " line ",
            "; this training counts again once that row is fixed")
        .unionByName(unknownReference(learningUnknown, "initiative_id", rejectedInitiatives,
            "is not in initiatives.csv; the activity cannot count for any initiative",
            "initiative ", "'s row in the register was rejected: " + InputContract.INITIATIVES.name() + " line ",
            "; this activity counts again once that row is fixed"))
        .unionByName(unknownReference(followUnknown, "initiative_id", rejectedInitiatives,
            "is not in initiatives.csv; the follow-up cannot count for any initiative",
            "initiative ", "'s row in the register was rejected: " + InputContract.INITIATIVES.name() + " line ",
            "; this follow-up counts again once that row is fixed"));
    Dataset<Row> allRejected = contractRejects.unionByName(referenceRejects)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rejected = allRejected.drop("dependent");

    // Counting the persisted rejections computes them once, for the statistics and the quarantine.
    Map<String, FileStats> stats = stats(parsed, allRejected);
    return new ReferenceData(parsed, employees, trainings, learning, followUps, outcomes, rejected, allRejected,
        initiatives, goals, stats, registerValues, false);
  }

  /**
   * As {@link #read(SparkSession, InputFolder, ZoneId, int, Pseudonymizer)}, through {@code cache}: when
   * the folder's single files and the settings are those of the form the cache holds, that form is read
   * instead of the files; otherwise (or without {@code reuse}) the files are read and their form saved as
   * run {@code runId}'s.
   */
  public static ReferenceData read(SparkSession spark, InputFolder folder, ZoneId zone, int maxFieldChars,
      Pseudonymizer pseudonyms, ReferenceCache cache, String runId, boolean reuse) {
    return read(spark, folder, zone, maxFieldChars, pseudonyms, cache, cacheKey(folder, zone, maxFieldChars, pseudonyms),
        runId, reuse);
  }

  /** The key of the folder's single files read under these settings in {@link ReferenceCache}. */
  public static String cacheKey(InputFolder folder, ZoneId zone, int maxFieldChars, Pseudonymizer pseudonyms) {
    return ReferenceCache.key(folder, "timezone=" + zone.getId() + ";key=" + pseudonyms.fingerprint()
        + ";max_field_chars=" + maxFieldChars);
  }

  /** As {@link #read(SparkSession, InputFolder, ZoneId, int, Pseudonymizer, ReferenceCache, String, boolean)}, with the key computed. */
  public static ReferenceData read(SparkSession spark, InputFolder folder, ZoneId zone, int maxFieldChars,
      Pseudonymizer pseudonyms, ReferenceCache cache, String key, String runId, boolean reuse) {
    Optional<ReferenceData> saved = reuse ? cache.load(spark, key) : Optional.empty();
    if (saved.isPresent()) {
      return saved.get();
    }
    ReferenceData fresh = read(spark, folder, zone, maxFieldChars, pseudonyms);
    return cache.save(spark, key, runId, fresh);
  }

  /**
   * The form {@link ReferenceCache} read back: the same datasets, from its Parquet files; {@code saved}
   * when an earlier run saved it (false: this run read the files and saved it just now).
   */
  static ReferenceData of(Dataset<Row> employees, Dataset<Row> trainings, Dataset<Row> learning, Dataset<Row> followUps,
      Dataset<Row> outcomes, Dataset<Row> allRejected, List<Initiative> initiatives, Map<String, String> goals,
      Map<String, FileStats> stats, List<List<String>> registerValues, ReferenceChecks checks, boolean saved) {
    List<Initiative> sorted = new ArrayList<>(initiatives);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    ReferenceData data = new ReferenceData(null, employees, trainings, learning, followUps, outcomes,
        allRejected.drop("dependent"), allRejected, sorted, goals, stats, registerValues, saved);
    data.checks = requireNonNull(checks, "checks is null");
    return data;
  }

  /**
   * The pseudonym check, the owners' roster rows and the register's rejections ({@link ReferenceChecks}):
   * kept with a saved form, computed from the datasets (and then kept) otherwise.
   */
  public synchronized ReferenceChecks checks() {
    if (checks == null) {
      checks = ReferenceChecks.compute(employees, initiatives, rejected);
    }
    return checks;
  }

  /** Every rejection with its {@code dependent} flag (see {@link #unknownReference}). */
  Dataset<Row> allRejected() {
    return allRejected;
  }

  /** The register's rows as parsed values, in file order. */
  List<List<String>> registerValues() {
    return registerValues;
  }

  /** Whether this is the form saved by an earlier run (the files unchanged since), not a new read. */
  public boolean saved() {
    return saved;
  }

  /** {@link Values#quoted} as a Spark function: the quoted value of a reason shows invisible characters. */
  private static final org.apache.spark.sql.expressions.UserDefinedFunction VISIBLE = org.apache.spark.sql.functions
      .udf((org.apache.spark.sql.api.java.UDF1<String, String>) Values::quoted, DataTypes.StringType);

  /** Per key of a keyed file's rejected rows: the first such row's line and reason. */
  private static Dataset<Row> rejectedKeys(Dataset<Row> parsed, FileContract contract) {
    return parsed.filter(col("kind").equalTo(REJECTED).and(col("file").equalTo(contract.name()))
            .and(col("values").isNotNull()))
        .select(col("values").getItem(0).as("cause_key"), org.apache.spark.sql.functions.struct(col("line"),
            col("reason")).as("cause"))
        .groupBy("cause_key").agg(org.apache.spark.sql.functions.min("cause").as("cause"));
  }

  /**
   * Rows whose {@code column} names nothing the other file holds. When the other file has a
   * rejected row with that key, the rejection names that row as its cause and is dependent (it
   * does not count against its own file's gate share); otherwise the reference is simply unknown.
   */
  private static Dataset<Row> unknownReference(Dataset<Row> rows, String column, Dataset<Row> causes, String why,
      String causePrefix, String causeMiddle, String causeSuffix) {
    Dataset<Row> joined = rows.join(causes, rows.col(column).equalTo(causes.col("cause_key")), "left_outer");
    Column dependent = col("cause").isNotNull();
    Column reason = org.apache.spark.sql.functions.when(dependent, concat(lit(causePrefix), col(column),
            lit(causeMiddle), col("cause.line").cast("string"), lit(", "), col("cause.reason"), lit(causeSuffix)))
        .otherwise(concat(lit(column + " "), VISIBLE.apply(col(column)), lit(" " + why)));
    return joined.select(col("file").as("source_file"), col("line"), lit(column).as("column"), reason.as("reason"),
        col("record"), dependent.as("dependent"));
  }

  /** Per file: the parse's statistics row, and every rejection (the contract's and the references'). */
  private static Map<String, FileStats> stats(Dataset<Row> parsed, Dataset<Row> rejected) {
    Map<String, Long> allRejected = new LinkedHashMap<>();
    Map<String, Long> dependentRejected = new LinkedHashMap<>();
    for (Row r : rejected.groupBy("source_file", "dependent").count().collectAsList()) {
      allRejected.merge(r.getString(0), r.getLong(2), Long::sum);
      if (r.getBoolean(1)) {
        dependentRejected.put(r.getString(0), r.getLong(2));
      }
    }
    Map<String, FileStats> out = new LinkedHashMap<>();
    Map<String, Row> byFile = new LinkedHashMap<>();
    for (Row r : parsed.filter(col("kind").equalTo(STATS)).collectAsList()) {
      byFile.put(r.getString(0), r);
    }
    for (FileContract c : InputContract.SINGLE_FILES) {
      Row r = byFile.get(c.name());
      if (r == null) {
        out.put(c.name(), FileStats.absent(c.name(), c.required()));
        continue;
      }
      String missing = r.getString(r.fieldIndex("missing_columns"));
      FileStats s = new FileStats(c.name(), c.required(), true, r.getLong(r.fieldIndex("bytes")),
          r.getString(r.fieldIndex("sha256")), r.getLong(r.fieldIndex("rows_read")),
          r.getLong(r.fieldIndex("line")),
          missing == null || missing.isEmpty() ? List.of() : List.of(missing.split(",")));
      // The contract's rejections are in s already; the rest were rejected for their references,
      // some of them (dependent) because the row they refer to was rejected itself.
      long dependent = dependentRejected.getOrDefault(c.name(), 0L);
      out.put(c.name(), s.withRejected(allRejected.getOrDefault(c.name(), 0L) - s.rowsRejected() - dependent)
          .withDependentRejected(dependent));
    }
    return out;
  }

  private static Dataset<Row> rowsOf(Dataset<Row> parsed, FileContract contract) {
    return parsed.filter(col("kind").equalTo(ROW).and(col("file").equalTo(contract.name())));
  }

  private static Column v(FileContract contract, String column) {
    return col("values").getItem(contract.indexOf(column));
  }

  static Initiative initiative(List<String> values) {
    FileContract c = InputContract.INITIATIVES;
    List<Initiative.Signal> signals = new ArrayList<>();
    String signalText = values.get(c.indexOf("usage_signals"));
    if (signalText != null) {
      for (String s : signalText.split(";")) {
        int colon = s.indexOf(':');
        signals.add(new Initiative.Signal(s.substring(0, colon), s.substring(colon + 1)));
      }
    }
    List<String> targets = new ArrayList<>();
    for (String t : values.get(c.indexOf("target_org_units")).split(";")) {
      String p = t;
      while (p.length() > 1 && p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      if (!targets.contains(p)) {
        targets.add(p);
      }
    }
    String courses = values.get(c.indexOf("course_ids"));
    String mandate = values.get(c.indexOf("owner_has_mandate"));
    String end = values.get(c.indexOf("pilot_end"));
    String hours = values.get(c.indexOf("practice_hours_per_week"));
    String cadence = values.get(c.indexOf("follow_up_every_days"));
    return new Initiative(
        values.get(c.indexOf("initiative_id")),
        values.get(c.indexOf("name")),
        values.get(c.indexOf("goal_id")),
        values.get(c.indexOf("owner_id")),
        mandate == null ? null : Boolean.valueOf(mandate),
        Integer.parseInt(values.get(c.indexOf("pilot_start"))),
        end == null ? null : Integer.valueOf(end),
        values.get(c.indexOf("status")),
        targets,
        courses == null ? List.of() : List.of(courses.split(";")),
        signals,
        hours == null ? null : Double.valueOf(hours),
        cadence == null ? null : Integer.valueOf(cadence),
        values.get(c.indexOf("kpi")),
        values.get(c.indexOf("kpi_direction")));
  }

  public Dataset<Row> employees() {
    return employees;
  }

  public Dataset<Row> trainings() {
    return trainings;
  }

  public Dataset<Row> learning() {
    return learning;
  }

  public Dataset<Row> followUps() {
    return followUps;
  }

  public Dataset<Row> outcomes() {
    return outcomes;
  }

  /** Every rejected row of the single files, in the quarantine's schema. */
  public Dataset<Row> rejected() {
    return rejected;
  }

  public List<Initiative> initiatives() {
    return initiatives;
  }

  public Map<String, String> goals() {
    return goals;
  }

  /** Per single file of the contract, present or not, in contract order. */
  public Map<String, FileStats> stats() {
    return stats;
  }

  public void release() {
    if (parsed != null) {
      parsed.unpersist();
      allRejected.unpersist();
    }
  }

  /** Parses one file into PARSED_SCHEMA rows: its valid rows, its rejections and one stats row. */
  static final class ParseFile implements FlatMapFunction<String[], Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final String zone;
    private final int maxFieldChars;
    private final FsConf fs;

    ParseFile(String zone, int maxFieldChars, FsConf fs) {
      this.zone = requireNonNull(zone, "zone is null");
      this.maxFieldChars = maxFieldChars;
      this.fs = requireNonNull(fs, "fs is null");
    }

    @Override
    public Iterator<Row> call(String[] file) throws Exception {
      String name = file[0];
      Location location = Location.of(file[1]);
      FileContract contract = null;
      for (FileContract c : InputContract.SINGLE_FILES) {
        if (c.name().equals(name)) {
          contract = c;
        }
      }
      requireNonNull(contract, "contract is null");
      List<Row> out = new ArrayList<>();
      MessageDigest sha = sha256();
      ContractFileReader.Counts counts;
      CountingInputStream bytes = new CountingInputStream(location.open(fs));
      try (InputStream in = new DigestInputStream(bytes, sha)) {
        counts = ContractFileReader.read(in, name, contract, new Values.DayResolver(ZoneId.of(zone)),
            maxFieldChars, new ContractFileReader.Sink() {
              @Override
              public void row(long line, Object[] values, String raw) {
                String[] text = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                  text[i] = values[i] == null ? null : values[i].toString();
                }
                out.add(RowFactory.create(name, ROW, line, null, null, raw, text, null, null, null, null));
              }

              @Override
              public void rejected(Rejection r) {
                // The key of a rejected row travels in values, so that rows referring to it can name the cause.
                out.add(RowFactory.create(name, REJECTED, r.line(), r.column(), r.reason(), r.record(),
                    r.key() == null ? null : new String[] {r.key()}, null, null, null, null));
              }
            });
      }
      // The rejected count of a stats row travels in its line column.
      out.add(RowFactory.create(name, STATS, counts.rejected, null, null, null, null,
          HexFormat.of().formatHex(sha.digest()), bytes.count(), counts.read,
          String.join(",", counts.mapping.missingOptional())));
      return out.iterator();
    }

    /** Counts the bytes read through it: the file's size, from the bytes its checksum is of. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
      private long count;

      CountingInputStream(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws java.io.IOException {
        int b = super.read();
        if (b >= 0) {
          count++;
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws java.io.IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count += n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws java.io.IOException {
        long k = super.skip(n);
        count += k;
        return k;
      }

      long count() {
        return count;
      }
    }

    private static MessageDigest sha256() {
      return se.vardag.Checksums.sha256();
    }
  }
}
