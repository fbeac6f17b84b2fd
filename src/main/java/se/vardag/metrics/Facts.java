package se.vardag.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import se.vardag.facts.DayFactsFile;
import se.vardag.facts.SignalMatcher;
import se.vardag.facts.UsageStore;
import se.vardag.model.Columns;
import se.vardag.model.Initiative;

/**
 * The Spark side of the metrics: joins the inputs into one stream of facts per initiative
 * (target employees, trainings, usage day sets, learning activities, follow-ups, KPI
 * observations), groups it by initiative and runs an {@link InitiativeCalculator} on each group
 * for every as-of day at once. Each step is a small function from datasets to a dataset.
 */
public final class Facts {
  static final int TARGET = 0;
  static final int TRAINING = 1;
  static final int ACTIVITY = 2;
  static final int LEARNING = 3;
  static final int FOLLOW_UP = 4;
  static final int OUTCOME = 5;
  static final int MARKER = 6;

  /** The common shape of every fact. Unused columns are null. */
  public static final StructType SCHEMA = new StructType()
      .add(Columns.INITIATIVE_ID, DataTypes.StringType, false)
      .add("kind", DataTypes.IntegerType, false)
      .add("pid", DataTypes.LongType, true)
      .add(Columns.ORG_UNIT, DataTypes.StringType, true)
      .add("d1", DataTypes.IntegerType, true)
      .add("d2", DataTypes.IntegerType, true)
      .add("first_word", DataTypes.IntegerType, true)
      .add("words", DataTypes.createArrayType(DataTypes.LongType, false), true)
      .add("text", DataTypes.StringType, true)
      .add("num", DataTypes.DoubleType, true)
      .add("row_id", DataTypes.LongType, true);

  private Facts() {}

  /** The register as a small dataset of (initiative_id, kind of list, value) for broadcast joins. */
  static Dataset<Row> register(SparkSession spark, List<Initiative> initiatives) {
    List<Row> rows = new ArrayList<>();
    for (Initiative i : initiatives) {
      rows.add(RowFactory.create(i.id(), "marker", null, null));
      for (String t : i.targetOrgUnits()) {
        rows.add(RowFactory.create(i.id(), "target", t, null));
      }
      for (String c : i.courseIds()) {
        rows.add(RowFactory.create(i.id(), "course", c, null));
      }
      for (Initiative.Signal s : i.usageSignals()) {
        rows.add(RowFactory.create(i.id(), "signal", s.source(), s.action()));
      }
      if (i.kpi() != null) {
        rows.add(RowFactory.create(i.id(), "kpi", i.kpi(), null));
      }
    }
    StructType schema = new StructType()
        .add(Columns.INITIATIVE_ID, DataTypes.StringType, false)
        .add("what", DataTypes.StringType, false)
        .add("a", DataTypes.StringType, true)
        .add("b", DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * {@code IT/Service Desk/Nord} → IT, IT/Service Desk, IT/Service Desk/Nord: the prefixes it matches.
   * A Java function rather than Spark's {@code transform(sequence(…), …)}: higher-order functions are
   * interpreted, and on the outcomes' and employees' rows they were a fifth of the metrics job's task
   * time (docs/performance.md).
   */
  static org.apache.spark.sql.Column ancestors(String column) {
    return ANCESTORS.apply(col(column));
  }

  private static final org.apache.spark.sql.expressions.UserDefinedFunction ANCESTORS = org.apache.spark.sql.functions
      .udf((org.apache.spark.sql.api.java.UDF1<String, String[]>) Facts::prefixes,
          DataTypes.createArrayType(DataTypes.StringType, false));

  /**
   * The path itself and every prefix of it that ends before a {@code /}, shortest first; null for
   * null. {@code IT/} gives IT and IT/, as splitting at every {@code /} and joining the first k parts does.
   */
  static String[] prefixes(String path) {
    if (path == null) {
      return null;
    }
    List<String> out = new ArrayList<>(4);
    for (int at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) {
      out.add(path.substring(0, at));
    }
    out.add(path);
    return out.toArray(new String[0]);
  }

  /** Employees whose org unit matches one of an initiative's targets (employment is judged per day later). */
  static Dataset<Row> targets(Dataset<Row> employees, Dataset<Row> register) {
    Dataset<Row> prefixes = register.filter(col("what").equalTo("target"))
        .select(col(Columns.INITIATIVE_ID), col("a").as("prefix"));
    return employees.select(col("pid"), col(Columns.ORG_UNIT), col("hired"), col("left"),
            explode(ancestors(Columns.ORG_UNIT)).as("prefix"))
        .join(broadcast(prefixes), "prefix")
        .select(col(Columns.INITIATIVE_ID), lit(TARGET).as("kind"), col("pid"), col(Columns.ORG_UNIT),
            col("hired").as("d1"), col("left").as("d2"));
  }

  static Dataset<Row> trainings(Dataset<Row> trainings, Dataset<Row> register) {
    Dataset<Row> courses = register.filter(col("what").equalTo("course"))
        .select(col(Columns.INITIATIVE_ID), col("a").as("course_id"));
    return trainings.join(broadcast(courses), "course_id")
        .select(col(Columns.INITIATIVE_ID), lit(TRAINING).as("kind"), col("pid"), col("completed").as("d1"));
  }

  /** Each initiative's usage per person: (initiative_id, pid, first_word, words). */
  public static final StructType ACTIVITY_SCHEMA = new StructType()
      .add(Columns.INITIATIVE_ID, DataTypes.StringType, false)
      .add("pid", DataTypes.LongType, false)
      .add("first_word", DataTypes.IntegerType, false)
      .add("words", DataTypes.createArrayType(DataTypes.LongType, false), false);

  /**
   * Each initiative's usage per person ({@link #ACTIVITY_SCHEMA}) and the days on which each
   * signal source had any event from anyone ({@link UsageSources}, for silent sources).
   * {@code sources} is complete once {@code rows} has been computed by a Spark job (the usage
   * store is read once for both): read it after the metrics' first action.
   */
  public record Activity(Dataset<Row> rows, java.util.function.Supplier<UsageSources> sources) {
    public Activity {
      requireNonNull(rows, "rows is null");
      requireNonNull(sources, "sources is null");
    }
  }

  /**
   * The days on which each person used each initiative, from the usage store: one task per
   * bucket of the store matches the bucket's facts against the signals (no shuffle, no join), and
   * in the same pass collects the days with any event per source.
   */
  public static Activity activity(SparkSession spark, UsageStore store, List<Initiative> initiatives) {
    SignalMatcher matcher = new SignalMatcher(initiatives);
    UsageSources.Collector collector = new UsageSources.Collector();
    spark.sparkContext().register(collector, "usage_source_days");
    JavaRDD<Row> rows = store.mapBuckets(spark, facts -> {
      List<Row> out = new ArrayList<>();
      matcher.match(facts, (id, pid, firstWord, words) -> out.add(RowFactory.create(id, pid, firstWord, words)));
      Map<String, Map<Integer, Long>> sourceDays = new java.util.HashMap<>();
      for (DayFactsFile.Fact f : facts) {
        UsageSources.addWords(sourceDays, f.source(), f.firstWord(), f.words());
      }
      collector.add(sourceDays);
      return out.iterator();
    });
    return new Activity(spark.createDataFrame(rows, ACTIVITY_SCHEMA), () -> UsageSources.ofWords(collector.value()));
  }

  /** The same from facts held in memory (tests, small inputs). */
  public static Activity activity(SparkSession spark, List<DayFactsFile.Fact> facts, List<Initiative> initiatives) {
    List<DayFactsFile.Fact> sorted = new ArrayList<>(facts);
    sorted.sort(java.util.Comparator.comparingLong(DayFactsFile.Fact::pid));
    List<Row> out = new ArrayList<>();
    new SignalMatcher(initiatives).match(sorted, (id, pid, firstWord, words) ->
        out.add(RowFactory.create(id, pid, firstWord, words)));
    UsageSources sources = UsageSources.ofFacts(facts);
    return new Activity(spark.createDataFrame(out, ACTIVITY_SCHEMA), () -> sources);
  }

  static Dataset<Row> activityFacts(Dataset<Row> activity) {
    return activity.select(col(Columns.INITIATIVE_ID), lit(ACTIVITY).as("kind"), col("pid"), col("first_word"),
        col("words"));
  }

  static Dataset<Row> learning(Dataset<Row> learning) {
    return learning.select(col(Columns.INITIATIVE_ID), lit(LEARNING).as("kind"), col("pid"), col("held").as("d1"),
        col("activity").as("text"), col("hours").as("num"));
  }

  static Dataset<Row> followUps(Dataset<Row> followUps) {
    return followUps.select(col(Columns.INITIATIVE_ID), lit(FOLLOW_UP).as("kind"), col("held").as("d1"),
        col("maturity").as("d2"));
  }

  /** Observations of an initiative's KPI in org units matching its targets. */
  static Dataset<Row> outcomes(Dataset<Row> outcomes, Dataset<Row> register) {
    Dataset<Row> kpis = register.filter(col("what").equalTo("kpi")).select(col(Columns.INITIATIVE_ID), col("a").as("kpi"));
    Dataset<Row> prefixes = register.filter(col("what").equalTo("target"))
        .select(col(Columns.INITIATIVE_ID), col("a").as("prefix"));
    Dataset<Row> wanted = kpis.join(prefixes, Columns.INITIATIVE_ID);
    return outcomes.select(col("kpi"), col("observed"), col("value"), col("row_id"),
            explode(ancestors(Columns.ORG_UNIT)).as("prefix"))
        .join(broadcast(wanted), new String[] {"kpi", "prefix"})
        .select(col(Columns.INITIATIVE_ID), lit(OUTCOME).as("kind"), col("observed").as("d1"), col("value").as("num"),
            col("row_id"));
  }

  static Dataset<Row> markers(Dataset<Row> register) {
    return register.filter(col("what").equalTo("marker")).select(col(Columns.INITIATIVE_ID), lit(MARKER).as("kind"));
  }

  /** Every fact, in {@link #SCHEMA}. {@code activity} is in {@link #ACTIVITY_SCHEMA}. */
  public static Dataset<Row> all(SparkSession spark, List<Initiative> initiatives, Dataset<Row> employees,
      Dataset<Row> trainings, Dataset<Row> activity, Dataset<Row> learning, Dataset<Row> followUps,
      Dataset<Row> outcomes) {
    Dataset<Row> register = register(spark, initiatives);
    List<Dataset<Row>> parts = List.of(
        targets(employees, register), trainings(trainings, register), activityFacts(activity),
        learning(learning), followUps(followUps), outcomes(outcomes, register), markers(register));
    Dataset<Row> all = null;
    for (Dataset<Row> part : parts) {
      Dataset<Row> shaped = conform(part);
      all = all == null ? shaped : all.union(shaped);
    }
    return all;
  }

  private static Dataset<Row> conform(Dataset<Row> part) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    List<String> have = List.of(part.columns());
    for (org.apache.spark.sql.types.StructField f : SCHEMA.fields()) {
      cols.add(have.contains(f.name()) ? col(f.name()).cast(f.dataType()).as(f.name())
          : lit(null).cast(f.dataType()).as(f.name()));
    }
    return part.select(cols.toArray(new org.apache.spark.sql.Column[0]));
  }

  /**
   * One initiative's figures as of one day, as its calculator computed them: the adoption
   * figures, the units (small-group suppression applied) and the twelve weeks' active users.
   * {@code published} is false for a day computed only for initiative_history (no unit or week
   * figures then). The tables' rows are built from it by column name ({@link AdoptionTables}).
   */
  public record Computed(String initiativeId, boolean published, Adoption adoption, List<UnitFigures> units,
      long[] weeklyActive) implements java.io.Serializable {
    public Computed {
      requireNonNull(initiativeId, "initiativeId is null");
      requireNonNull(adoption, "adoption is null");
      units = List.copyOf(units);
      weeklyActive = weeklyActive.clone();
    }

    public int asOf() {
      return adoption.asOf();
    }

    @Override
    public long[] weeklyActive() {
      return weeklyActive.clone();
    }
  }

  /** Groups the facts by initiative and computes every initiative's figures for every day in {@code asOfDays}. */
  public static Dataset<Computed> compute(Dataset<Row> facts, Map<String, Initiative> initiatives, int[] asOfDays,
      int minGroupSize) {
    return compute(facts, initiatives, asOfDays, new int[0], minGroupSize);
  }

  /**
   * As {@link #compute(Dataset, Map, int[], int)}, plus the adoption rows alone (no unit or week
   * rows) for the {@code historyDays} that are not among {@code asOfDays} (for initiative_history).
   */
  public static Dataset<Computed> compute(Dataset<Row> facts, Map<String, Initiative> initiatives, int[] asOfDays,
      int[] historyDays, int minGroupSize) {
    return facts
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(new Calculate(initiatives, asOfDays, historyDays, minGroupSize),
            Encoders.javaSerialization(Computed.class));
  }

  /** Feeds one initiative's facts to a calculator and emits one {@link Computed} per day. */
  static final class Calculate implements FlatMapGroupsFunction<String, Row, Computed> {
    private static final long serialVersionUID = 1L;
    private final Map<String, Initiative> initiatives;
    private final int[] asOfDays;
    private final int[] days;
    private final int minGroupSize;

    Calculate(Map<String, Initiative> initiatives, int[] asOfDays, int[] historyDays, int minGroupSize) {
      this.initiatives = Map.copyOf(initiatives);
      this.asOfDays = asOfDays.clone();
      java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
      for (int d : asOfDays) {
        all.add(d);
      }
      for (int d : historyDays) {
        all.add(d);
      }
      this.days = all.stream().mapToInt(Integer::intValue).toArray();
      this.minGroupSize = minGroupSize;
    }

    @Override
    public Iterator<Computed> call(String id, Iterator<Row> facts) {
      Initiative initiative = requireNonNull(initiatives.get(id), "initiative is null");
      InitiativeCalculator calc = new InitiativeCalculator(initiative);
      while (facts.hasNext()) {
        feed(calc, facts.next());
      }
      java.util.Set<Integer> published = new java.util.HashSet<>();
      for (int d : asOfDays) {
        published.add(d);
      }
      List<Computed> out = new ArrayList<>();
      for (InitiativeCalculator.Result r : calc.compute(days)) {
        out.add(computed(id, r, published.contains(r.adoption().asOf()), minGroupSize));
      }
      return out.iterator();
    }
  }

  static void feed(InitiativeCalculator calc, Row f) {
    switch (f.getInt(1)) {
      case TARGET:
        calc.target(f.getLong(2), f.getString(3), f.getInt(4), f.isNullAt(5) ? null : f.getInt(5));
        break;
      case TRAINING:
        calc.training(f.getLong(2), f.getInt(4));
        break;
      case ACTIVITY:
        calc.activity(f.getLong(2), f.getInt(6), words(f.getList(7)));
        break;
      case LEARNING:
        calc.learning(f.getLong(2), f.getString(8), f.getInt(4), f.getDouble(9));
        break;
      case FOLLOW_UP:
        calc.followUp(f.getInt(4), f.isNullAt(5) ? null : f.getInt(5));
        break;
      case OUTCOME:
        calc.outcome(f.getLong(10), f.getInt(4), f.getDouble(9));
        break;
      case MARKER:
        break;
      default:
        throw new IllegalStateException("Cannot use a fact of kind " + f.getInt(1));
    }
  }

  private static long[] words(List<Object> list) {
    long[] out = new long[list.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = (Long) list.get(k);
    }
    return out;
  }

  /** A day's result as published: units suppressed; a history-only day keeps its adoption figures alone. */
  static Computed computed(String id, InitiativeCalculator.Result r, boolean published, int minGroupSize) {
    return published
        ? new Computed(id, true, r.adoption(), UnitSuppression.apply(r.units(), minGroupSize), r.weeklyActive())
        : new Computed(id, false, r.adoption(), List.of(), new long[0]);
  }
}
