package se.vardag.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Flag;
import se.vardag.model.Initiative;
import se.vardag.model.Tables;

/**
 * The published tables for one or more as-of dates, from the inputs: runs the facts through the
 * calculators (in Spark), then evaluates rates, suppression, flags and verdicts per initiative
 * (on the driver: one row per initiative and date).
 */
public final class AdoptionTables {
  private final Dataset<Row> initiativeAdoption;
  private final Dataset<Row> unitAdoption;
  private final Dataset<Row> weeklyActive;
  private final Dataset<Row> flags;
  private final Dataset<Row> history;
  private final Dataset<Row> computed;
  private final List<Map<String, Object>> initiativeRows;
  private final UsageSources usageSources;

  private AdoptionTables(Dataset<Row> initiativeAdoption, Dataset<Row> unitAdoption, Dataset<Row> weeklyActive,
      Dataset<Row> flags, Dataset<Row> history, Dataset<Row> computed, List<Map<String, Object>> initiativeRows,
      UsageSources usageSources) {
    this.history = history;
    this.usageSources = usageSources;
    this.initiativeAdoption = initiativeAdoption;
    this.unitAdoption = unitAdoption;
    this.weeklyActive = weeklyActive;
    this.flags = flags;
    this.computed = computed;
    this.initiativeRows = initiativeRows;
  }

  /**
   * @param facts every fact, see {@link Facts#all}
   * @param owners the roster's facts about each owner id that is in the roster
   */
  public static AdoptionTables compute(SparkSession spark, Dataset<Row> facts, List<Initiative> initiatives,
      Map<String, String> goals, Map<String, FollowThrough.Owner> owners, List<LocalDate> dates,
      FlagThresholds thresholds, int minGroupSize, Deliveries deliveries,
      java.util.function.Supplier<UsageSources> usageSources) {
    requireNonNull(deliveries, "deliveries is null");
    requireNonNull(usageSources, "usageSources is null");
    requireNonNull(dates, "dates is null");
    int[] days = dates.stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
    Map<String, Initiative> byId = new LinkedHashMap<>();
    initiatives.forEach(i -> byId.put(i.id(), i));

    java.util.TreeSet<Integer> weekEnds = new java.util.TreeSet<>();
    for (int d : days) {
      for (int k = 0; k < HISTORY_WEEKS; k++) {
        weekEnds.add(d - 7 * k);
      }
    }
    Dataset<Row> computed = Facts.compute(facts, byId, days, weekEnds.stream().mapToInt(Integer::intValue).toArray(),
        minGroupSize).persist(StorageLevel.MEMORY_AND_DISK());

    FollowThrough evaluator = new FollowThrough(thresholds, minGroupSize);
    List<Row> adoptionRows = new ArrayList<>();
    List<Row> flagRows = new ArrayList<>();
    List<Map<String, Object>> plainRows = new ArrayList<>();
    Map<String, Map<Integer, Adoption>> adoption = new HashMap<>();
    for (Row r : computed.filter(col("kind").equalTo(Facts.KIND_ADOPTION)).collectAsList()) {
      adoption.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getInt(2), Facts.adoption(r));
    }
    // Complete now: the collect above has read the usage store (see Facts.Activity).
    UsageSources sources = requireNonNull(usageSources.get(), "usage sources are null");
    List<Row> historyRows = new ArrayList<>();
    for (LocalDate date : dates) {
      int d = (int) date.toEpochDay();
      for (Initiative i : initiatives) {
        FollowThrough.Owner owner = i.ownerId() == null ? null
            : owners.getOrDefault(i.ownerId(), FollowThrough.Owner.NOT_IN_ROSTER);
        String goalTitle = i.goalId() == null ? null : goals.get(i.goalId());
        Map<Integer, Adoption> byDay = adoption.getOrDefault(i.id(), Map.of());
        java.util.function.IntFunction<FollowThrough.Evaluation> at = day -> evaluator.evaluate(i,
            requireNonNull(byDay.get(day), "adoption is null"), owner, goalTitle, deliveries, sources);
        FollowThrough.Evaluation e = at.apply(d);
        for (Map<String, Object> h : history(i, d, day -> day == d ? e : at.apply(day))) {
          historyRows.add(Tables.row(Tables.INITIATIVE_HISTORY, h, date));
        }
        adoptionRows.add(Tables.row(Tables.INITIATIVE_ADOPTION, e.row(), date));
        Map<String, Object> plain = new LinkedHashMap<>(e.row());
        plain.put("as_of", date);
        plainRows.add(plain);
        for (Flag f : e.flags()) {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("initiative_id", i.id());
          v.put("name", i.name());
          v.put("code", f.code().name());
          v.put("pillar", f.code().pillar().code());
          v.put("severity", f.code().severity().label());
          v.put("evidence", f.evidence());
          v.put("evidence_args", f.args());
          v.put("verdict", e.verdict());
          flagRows.add(Tables.row(Tables.FOLLOW_THROUGH_FLAGS, v, date));
        }
      }
    }
    Dataset<Row> initiativeAdoption = spark.createDataFrame(adoptionRows,
        Tables.withAsOf(Tables.INITIATIVE_ADOPTION_SCHEMA));
    Dataset<Row> flags = spark.createDataFrame(flagRows, Tables.withAsOf(Tables.FOLLOW_THROUGH_FLAGS_SCHEMA));
    Dataset<Row> history = spark.createDataFrame(historyRows, Tables.withAsOf(Tables.INITIATIVE_HISTORY_SCHEMA));
    return new AdoptionTables(initiativeAdoption, unitAdoption(computed), weeklyActive(computed, minGroupSize), flags,
        history, computed, plainRows, sources);
  }

  /** Weeks of initiative_history: k = 0 … 11, week_end = D - 7k. */
  static final int HISTORY_WEEKS = 12;

  /**
   * The rows of initiative_history for one initiative and D: for each week_end = D-7k the
   * verdict, flag counts, rates and suppression as evaluated as of week_end ({@code at}).
   */
  static List<Map<String, Object>> history(Initiative i, int d, java.util.function.IntFunction<FollowThrough.Evaluation> at) {
    List<Map<String, Object>> out = new ArrayList<>(HISTORY_WEEKS);
    for (int k = 0; k < HISTORY_WEEKS; k++) {
      int weekEnd = d - 7 * k;
      Map<String, Object> row = at.apply(weekEnd).row();
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("initiative_id", i.id());
      h.put("name", i.name());
      h.put("week_index", k);
      h.put("week_end", LocalDate.ofEpochDay(weekEnd));
      h.put("verdict", row.get("verdict"));
      h.put("flag_count", row.get("flag_count"));
      h.put("high_flag_count", row.get("high_flag_count"));
      h.put("adoption_rate", row.get("adoption_rate"));
      h.put("sustained_rate", row.get("sustained_rate"));
      h.put("suppressed", row.get("suppressed"));
      out.add(h);
    }
    return out;
  }

  static Dataset<Row> unitAdoption(Dataset<Row> computed) {
    Column suppressed = col("suppression").isNotNull();
    Column pop = col("target_population");
    return computed.filter(col("kind").equalTo(Facts.KIND_UNIT)).select(
        col("initiative_id"), col("name"), col("org_unit"), pop,
        hide(suppressed, col("trained")).as("trained"),
        hide(suppressed, col("active_users")).as("active_users"),
        hide(suppressed, col("sustained_users")).as("sustained_users"),
        hide(suppressed, rate(col("trained"), pop)).as("training_coverage"),
        hide(suppressed, rate(col("active_users"), pop)).as("adoption_rate"),
        hide(suppressed, rate(col("sustained_users"), pop)).as("sustained_rate"),
        suppressed.as("suppressed"), col("suppression"),
        date_from_unix_date(col("as_of")).as("as_of"));
  }

  static Dataset<Row> weeklyActive(Dataset<Row> computed, int minGroupSize) {
    Column suppressed = col("target_population").lt(minGroupSize);
    Column weekEnd = date_sub(date_from_unix_date(col("as_of")), col("week_index").multiply(7));
    return computed.filter(col("kind").equalTo(Facts.KIND_WEEK)).select(
        col("initiative_id"), col("name"), col("week_index"),
        date_sub(weekEnd, lit(6)).as("week_start"), weekEnd.as("week_end"),
        hide(suppressed, col("week_active")).as("active_users"),
        suppressed.as("suppressed"),
        date_from_unix_date(col("as_of")).as("as_of"));
  }

  private static Column hide(Column suppressed, Column value) {
    return when(suppressed, lit(null)).otherwise(value);
  }

  private static Column rate(Column numerator, Column denominator) {
    return when(denominator.equalTo(0), lit(null).cast("double"))
        .otherwise(numerator.cast("double").divide(denominator.cast("double")));
  }

  public Dataset<Row> initiativeAdoption() {
    return initiativeAdoption;
  }

  public Dataset<Row> unitAdoption() {
    return unitAdoption;
  }

  public Dataset<Row> weeklyActive() {
    return weeklyActive;
  }

  public Dataset<Row> flags() {
    return flags;
  }

  /** initiative_history: twelve weekly evaluations per initiative and D. */
  public Dataset<Row> history() {
    return history;
  }

  /** The initiative rows as plain values (with {@code as_of}), for logging and the manifest. */
  public List<Map<String, Object>> initiativeRows() {
    return initiativeRows;
  }

  /** The days with any event per usage source (for silent sources and the manifest's usage_sources). */
  public UsageSources usageSources() {
    return usageSources;
  }

  /**
   * The manifest's {@code usage_sources} for D: every source named by any initiative's signals
   * (trimmed, lower-case, sorted), its last event date on or before D (null when none) and
   * whether it is silent at D.
   */
  public static List<Map<String, Object>> sourceStates(List<Initiative> initiatives, UsageSources sources,
      LocalDate asOf) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    initiatives.forEach(i -> i.usageSignals().forEach(s -> names.add(UsageSources.key(s.source()))));
    int d = (int) asOf.toEpochDay();
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : names) {
      Integer last = sources.lastEventOnOrBefore(name, d);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", name);
      m.put("last_event_date", last == null ? null : LocalDate.ofEpochDay(last).toString());
      m.put("silent", sources.silent(name, d));
      out.add(m);
    }
    return out;
  }

  public void release() {
    computed.unpersist();
  }
}
