package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import se.vardag.SparkTestSupport;
import se.vardag.facts.DayFactsFile;
import se.vardag.facts.DaySet;
import se.vardag.model.Initiative;

/** The Spark joins on tiny in-memory datasets: which facts reach which initiative. */
class FactsTest {
  private static final int D = day("2026-11-27");
  private static final int HIRED = day("2020-01-01");
  private final SparkSession spark = SparkTestSupport.spark();

  private static final StructType EMPLOYEES = new StructType()
      .add("employee_id", DataTypes.StringType).add("pid", DataTypes.LongType).add("org_unit", DataTypes.StringType)
      .add("hired", DataTypes.IntegerType).add("left", DataTypes.IntegerType);
  private static final StructType TRAININGS = new StructType()
      .add("pid", DataTypes.LongType).add("course_id", DataTypes.StringType).add("completed", DataTypes.IntegerType);
  private static final StructType LEARNING = new StructType()
      .add("pid", DataTypes.LongType).add("initiative_id", DataTypes.StringType).add("activity", DataTypes.StringType)
      .add("held", DataTypes.IntegerType).add("hours", DataTypes.DoubleType);
  private static final StructType FOLLOW_UPS = new StructType()
      .add("initiative_id", DataTypes.StringType).add("held", DataTypes.IntegerType)
      .add("maturity", DataTypes.IntegerType);
  private static final StructType OUTCOMES = new StructType()
      .add("kpi", DataTypes.StringType).add("org_unit", DataTypes.StringType).add("observed", DataTypes.IntegerType)
      .add("value", DataTypes.DoubleType).add("row_id", DataTypes.LongType);

  private Dataset<Row> df(StructType schema, Row... rows) {
    return spark.createDataFrame(List.of(rows), schema);
  }

  private static DayFactsFile.Fact bits(long pid, String source, String action, String... days) {
    DaySet set = new DaySet();
    for (String d : days) {
      set.add(day(d));
    }
    return new DayFactsFile.Fact(pid, source, action, set.firstWord(), set.words());
  }

  private Map<String, Adoption> compute(List<Initiative> initiatives, Dataset<Row> employees, Dataset<Row> trainings,
      List<DayFactsFile.Fact> usage, Dataset<Row> outcomes) {
    Dataset<Row> facts = Facts.all(spark, initiatives, employees, trainings, Facts.activity(spark, usage, initiatives).rows(),
        df(LEARNING), df(FOLLOW_UPS), outcomes);
    Map<String, Initiative> byId = new HashMap<>();
    initiatives.forEach(i -> byId.put(i.id(), i));
    Map<String, Adoption> out = new HashMap<>();
    for (Facts.Computed c : Facts.compute(facts, byId, new int[] {D}, 5).collectAsList()) {
      out.put(c.initiativeId(), c.adoption());
    }
    return out;
  }

  @Test
  void orgUnitsMatchAPrefixOnlyAtAPathBoundary() {
    TestInitiatives t = initiative();
    t.targets = List.of("IT", "HR/Lön");
    Dataset<Row> employees = df(EMPLOYEES,
        RowFactory.create("E1", 1L, "IT", HIRED, null),
        RowFactory.create("E2", 2L, "IT/Service Desk/Nord", HIRED, null),
        RowFactory.create("E3", 3L, "ITX", HIRED, null), // not under IT
        RowFactory.create("E4", 4L, "HR/Lön", HIRED, null),
        RowFactory.create("E5", 5L, "HR/Lönesystem", HIRED, null), // not under HR/Lön
        RowFactory.create("E6", 6L, "HR", HIRED, null)); // above HR/Lön
    Map<String, Adoption> a = compute(List.of(t.build()), employees, df(TRAININGS),
        List.of(), df(OUTCOMES));
    assertThat(a.get("I1").targetPopulation()).isEqualTo(3);
  }

  @Test
  void anOrgUnitsPrefixesEndAtItsSlashes() {
    assertThat(Facts.prefixes("IT/Service Desk/Nord")).containsExactly("IT", "IT/Service Desk", "IT/Service Desk/Nord");
    assertThat(Facts.prefixes("IT")).containsExactly("IT");
    assertThat(Facts.prefixes("IT/")).containsExactly("IT", "IT/");
    assertThat(Facts.prefixes("/IT")).containsExactly("", "/IT");
    assertThat(Facts.prefixes("a//b")).containsExactly("a", "a/", "a//b");
    assertThat(Facts.prefixes("")).containsExactly("");
    assertThat(Facts.prefixes(null)).isNull();
  }

  @Test
  void thePrefixesAreWhatSplittingAndJoiningInSparkGives() {
    StructType schema = new StructType().add("org_unit", DataTypes.StringType);
    Dataset<Row> units = df(schema, RowFactory.create("IT/Service Desk/Nord"), RowFactory.create("IT/"),
        RowFactory.create("/IT"), RowFactory.create("a//b"), RowFactory.create(""), RowFactory.create("HR"),
        RowFactory.create((Object) null));
    // The Spark SQL expression this function replaced (docs/performance.md).
    List<Row> rows = units.select(org.apache.spark.sql.functions.col("org_unit"),
        org.apache.spark.sql.functions.expr("transform(sequence(1, size(split(org_unit, '/'))), "
            + "i -> array_join(slice(split(org_unit, '/'), 1, i), '/'))").as("spark"),
        Facts.ancestors("org_unit").as("java")).collectAsList();
    assertThat(rows).hasSize(7);
    for (Row r : rows) {
      if (r.isNullAt(0)) {
        assertThat(r.isNullAt(2)).isTrue();
      } else {
        assertThat(r.getList(2)).as(r.getString(0)).isEqualTo(r.getList(1));
      }
    }
  }

  @Test
  void anEmployeeMatchingTwoTargetsCountsOnce() {
    TestInitiatives t = initiative();
    t.targets = List.of("IT", "IT/Service Desk");
    Dataset<Row> employees = df(EMPLOYEES, RowFactory.create("E1", 1L, "IT/Service Desk", HIRED, null));
    Map<String, Adoption> a = compute(List.of(t.build()), employees, df(TRAININGS),
        List.of(), df(OUTCOMES));
    assertThat(a.get("I1").targetPopulation()).isEqualTo(1);
  }

  @Test
  void signalsMatchSourceAndActionOrAnyActionAndEveryInitiativeGetsARow() {
    TestInitiatives exact = initiative();
    TestInitiatives any = initiative();
    any.id = "I2";
    any.signals = List.of(new Initiative.Signal("teams", "*"));
    TestInitiatives nothing = initiative();
    nothing.id = "I3";
    nothing.targets = List.of("Nowhere");
    Dataset<Row> employees = df(EMPLOYEES,
        RowFactory.create("E1", 1L, "IT", HIRED, null),
        RowFactory.create("E2", 2L, "IT", HIRED, null),
        RowFactory.create("E3", 3L, "IT", HIRED, null));
    // The store holds sources and actions lower-case (the parser lowers them), as do the signals.
    List<DayFactsFile.Fact> usage = List.of(
        bits(1, "servicenow", "incident.resolve", "2026-11-20"),
        bits(2, "servicenow", "incident.create", "2026-11-20"), // another action: not I1's signal
        bits(3, "teams", "meeting.join", "2026-11-20"),
        bits(3, "teams", "chat.send", "2026-11-21"),
        bits(9, "servicenow", "incident.resolve", "2026-11-22")); // not in the roster
    Map<String, Adoption> a = compute(List.of(exact.build(), any.build(), nothing.build()), employees,
        df(TRAININGS), usage, df(OUTCOMES));
    assertThat(a.get("I1").activeUsers()).isEqualTo(1);
    assertThat(a.get("I1").outsideTargetUsers()).isEqualTo(1);
    assertThat(a.get("I2").activeUsers()).isEqualTo(1);
    assertThat(a.get("I3").targetPopulation()).isZero();
    assertThat(a.get("I3").outsideTargetUsers()).isEqualTo(2); // persons 1 and 9 signal I3 too
  }

  @Test
  void trainingsCountOnlyTheInitiativesCourses() {
    Dataset<Row> employees = df(EMPLOYEES, RowFactory.create("E1", 1L, "IT", HIRED, null),
        RowFactory.create("E2", 2L, "IT", HIRED, null));
    Dataset<Row> trainings = df(TRAININGS, RowFactory.create(1L, "ITIL4", day("2026-05-01")),
        RowFactory.create(1L, "ITIL4", day("2026-03-01")), RowFactory.create(2L, "EXCEL", day("2026-05-01")));
    Map<String, Adoption> a = compute(List.of(initiative().build()), employees, trainings,
        List.of(), df(OUTCOMES));
    assertThat(a.get("I1").trained()).isEqualTo(1);
  }

  @Test
  void kpiObservationsComeFromMatchingUnitsOnceEach() {
    TestInitiatives t = initiative().pilot("2026-06-01", "2026-08-31");
    t.targets = List.of("IT", "IT/Service Desk");
    Dataset<Row> outcomes = df(OUTCOMES,
        RowFactory.create("incident_hours", "IT/Service Desk", day("2026-05-01"), 8.0, 1L), // matches both targets
        RowFactory.create("incident_hours", "ITX", day("2026-05-01"), 100.0, 2L),
        RowFactory.create("other_kpi", "IT", day("2026-05-01"), 100.0, 3L),
        RowFactory.create("incident_hours", "IT", day("2026-05-02"), 6.0, 4L),
        RowFactory.create("incident_hours", "IT/Drift", day("2026-11-20"), 5.0, 5L));
    Map<String, Adoption> a = compute(List.of(t.build()), df(EMPLOYEES), df(TRAININGS),
        List.of(), outcomes);
    assertThat(a.get("I1").kpiBaselineObservations()).isEqualTo(2);
    assertThat(a.get("I1").kpiBaselineMedian()).isEqualTo(7.0);
    assertThat(a.get("I1").kpiCurrentMedian()).isEqualTo(5.0);
    assertThat(a.get("I1").kpiImprovedObservations()).isEqualTo(1);
  }
}
