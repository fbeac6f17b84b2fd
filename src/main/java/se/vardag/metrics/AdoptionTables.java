package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Columns;
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
  private final List<Map<String, Object>> initiativeRows;
  private final UsageSources usageSources;

  private AdoptionTables(Dataset<Row> initiativeAdoption, Dataset<Row> unitAdoption, Dataset<Row> weeklyActive,
      Dataset<Row> flags, Dataset<Row> history, List<Map<String, Object>> initiativeRows,
      UsageSources usageSources) {
    this.history = history;
    this.usageSources = usageSources;
    this.initiativeAdoption = initiativeAdoption;
    this.unitAdoption = unitAdoption;
    this.weeklyActive = weeklyActive;
    this.flags = flags;
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
    // One small result per initiative and day (its units and weeks with it), not per person or
    // event: collected once, the rows of every table are built from it by column name.
    List<Facts.Computed> computed = Facts.compute(facts, byId, days,
        weekEnds.stream().mapToInt(Integer::intValue).toArray(), minGroupSize).collectAsList();

    FollowThrough evaluator = new FollowThrough(thresholds, minGroupSize);
    List<Row> adoptionRows = new ArrayList<>();
    List<Row> flagRows = new ArrayList<>();
    List<Map<String, Object>> plainRows = new ArrayList<>();
    Map<String, Map<Integer, Facts.Computed>> byDay = new HashMap<>();
    for (Facts.Computed c : computed) {
      byDay.computeIfAbsent(c.initiativeId(), k -> new HashMap<>()).put(c.asOf(), c);
    }
    // Complete now: the collect above has read the usage store (see Facts.Activity).
    UsageSources sources = requireNonNull(usageSources.get(), "usage sources are null");
    List<Row> historyRows = new ArrayList<>();
    List<Row> unitRows = new ArrayList<>();
    List<Row> weekRows = new ArrayList<>();
    for (LocalDate date : dates) {
      int d = (int) date.toEpochDay();
      for (Initiative i : initiatives) {
        FollowThrough.Owner owner = i.ownerId() == null ? null
            : owners.getOrDefault(i.ownerId(), FollowThrough.Owner.NOT_IN_ROSTER);
        String goalTitle = i.goalId() == null ? null : goals.get(i.goalId());
        Map<Integer, Facts.Computed> days1 = byDay.getOrDefault(i.id(), Map.of());
        java.util.function.IntFunction<FollowThrough.Evaluation> at = day -> evaluator.evaluate(i,
            requireNonNull(days1.get(day), "adoption is null").adoption(), owner, goalTitle, deliveries, sources);
        FollowThrough.Evaluation e = at.apply(d);
        for (Map<String, Object> h : history(i, d, day -> day == d ? e : at.apply(day))) {
          historyRows.add(Tables.row(Tables.INITIATIVE_HISTORY, h, date));
        }
        adoptionRows.add(Tables.row(Tables.INITIATIVE_ADOPTION, e.row(), date));
        Facts.Computed c = requireNonNull(days1.get(d), "adoption is null");
        for (Map<String, Object> u : unitRows(i, c)) {
          unitRows.add(Tables.row(Tables.UNIT_ADOPTION, u, date));
        }
        for (Map<String, Object> w : weekRows(i, c, minGroupSize)) {
          weekRows.add(Tables.row(Tables.WEEKLY_ACTIVE, w, date));
        }
        Map<String, Object> plain = new LinkedHashMap<>(e.row());
        plain.put("as_of", date);
        plainRows.add(plain);
        for (Flag f : e.flags()) {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put(Columns.INITIATIVE_ID, i.id());
          v.put("name", i.name());
          v.put("code", f.code().name());
          v.put("pillar", f.code().pillar().code());
          v.put("severity", f.code().severity().label());
          v.put("evidence", f.evidence());
          v.put(Columns.EVIDENCE_ARGS, f.args());
          v.put("verdict", e.verdict());
          flagRows.add(Tables.row(Tables.FOLLOW_THROUGH_FLAGS, v, date));
        }
      }
    }
    Dataset<Row> initiativeAdoption = spark.createDataFrame(adoptionRows,
        Tables.withAsOf(Tables.INITIATIVE_ADOPTION_SCHEMA));
    Dataset<Row> flags = spark.createDataFrame(flagRows, Tables.withAsOf(Tables.FOLLOW_THROUGH_FLAGS_SCHEMA));
    Dataset<Row> history = spark.createDataFrame(historyRows, Tables.withAsOf(Tables.INITIATIVE_HISTORY_SCHEMA));
    Dataset<Row> units = spark.createDataFrame(unitRows, Tables.withAsOf(Tables.UNIT_ADOPTION_SCHEMA));
    Dataset<Row> weeks = spark.createDataFrame(weekRows, Tables.withAsOf(Tables.WEEKLY_ACTIVE_SCHEMA));
    return new AdoptionTables(initiativeAdoption, units, weeks, flags, history, plainRows, sources);
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
      h.put(Columns.INITIATIVE_ID, i.id());
      h.put("name", i.name());
      h.put(Columns.WEEK_INDEX, k);
      h.put(Columns.WEEK_END, LocalDate.ofEpochDay(weekEnd));
      h.put("verdict", row.get("verdict"));
      h.put(Columns.FLAG_COUNT, row.get(Columns.FLAG_COUNT));
      h.put(Columns.HIGH_FLAG_COUNT, row.get(Columns.HIGH_FLAG_COUNT));
      h.put(Columns.ADOPTION_RATE, row.get(Columns.ADOPTION_RATE));
      h.put(Columns.SUSTAINED_RATE, row.get(Columns.SUSTAINED_RATE));
      h.put("suppressed", row.get("suppressed"));
      out.add(h);
    }
    return out;
  }

  /**
   * The unit_adoption rows of one initiative and D: a suppressed unit shows its population alone;
   * without usage signals its usage figures are null (SPEC sections 3 and 6).
   */
  static List<Map<String, Object>> unitRows(Initiative i, Facts.Computed c) {
    boolean usage = !i.usageSignals().isEmpty();
    List<Map<String, Object>> out = new ArrayList<>(c.units().size());
    for (UnitFigures u : c.units()) {
      boolean hidden = u.suppressed();
      long pop = u.targetPopulation();
      Long active = usage ? u.activeUsers() : null;
      Long sustained = usage ? u.sustainedUsers() : null;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(Columns.INITIATIVE_ID, i.id());
      row.put("name", i.name());
      row.put(Columns.ORG_UNIT, u.orgUnit());
      row.put(Columns.TARGET_POPULATION, pop);
      row.put("trained", hidden ? null : u.trained());
      row.put(Columns.ACTIVE_USERS, hidden ? null : active);
      row.put(Columns.SUSTAINED_USERS, hidden ? null : sustained);
      row.put(Columns.TRAINING_COVERAGE, hidden ? null : rate(u.trained(), pop));
      row.put(Columns.ADOPTION_RATE, hidden ? null : rate(active, pop));
      row.put(Columns.SUSTAINED_RATE, hidden ? null : rate(sustained, pop));
      row.put("suppressed", hidden);
      row.put("suppression", u.suppression());
      out.add(row);
    }
    return out;
  }

  /**
   * The weekly_active rows of one initiative and D: for k = 0 … 11 the week ending D-7k; null
   * when the initiative's population is suppressed or it has no usage signals.
   */
  static List<Map<String, Object>> weekRows(Initiative i, Facts.Computed c, int minGroupSize) {
    boolean usage = !i.usageSignals().isEmpty();
    boolean suppressed = c.adoption().targetPopulation() < minGroupSize;
    long[] weekly = c.weeklyActive();
    List<Map<String, Object>> out = new ArrayList<>(weekly.length);
    for (int k = 0; k < weekly.length; k++) {
      LocalDate weekEnd = LocalDate.ofEpochDay(c.asOf() - 7L * k);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(Columns.INITIATIVE_ID, i.id());
      row.put("name", i.name());
      row.put(Columns.WEEK_INDEX, k);
      row.put(Columns.WEEK_START, weekEnd.minusDays(6));
      row.put(Columns.WEEK_END, weekEnd);
      row.put(Columns.ACTIVE_USERS, suppressed || !usage ? null : weekly[k]);
      row.put("suppressed", suppressed);
      out.add(row);
    }
    return out;
  }

  private static Double rate(Long numerator, long denominator) {
    return numerator == null || denominator == 0 ? null : (double) numerator / (double) denominator;
  }

  /** The five tables by name ({@link Tables}), each with its {@code as_of} column. */
  public Map<String, Dataset<Row>> byTable() {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(Tables.INITIATIVE_ADOPTION, initiativeAdoption);
    out.put(Tables.UNIT_ADOPTION, unitAdoption);
    out.put(Tables.WEEKLY_ACTIVE, weeklyActive);
    out.put(Tables.FOLLOW_THROUGH_FLAGS, flags);
    out.put(Tables.INITIATIVE_HISTORY, history);
    return out;
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
}
