package se.vardag.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.generate.Generator;
import se.vardag.generate.GeneratorOptions;
import se.vardag.publish.RunManifest;
import se.vardag.run.Pipeline;

/**
 * The pipeline against an independent reading of SPEC revision 2 ({@link Revision2Oracle}) on
 * generated organisations the project's fixtures have not seen, mutated to hit revision 2's
 * edges, with the embedded defaults: every column of every row of initiative_adoption,
 * unit_adoption and weekly_active, and every flag (code, pillar, severity, verdict) of
 * follow_through_flags, must match (doubles within 1e-9). The failure lists every difference as
 * table, row key, column, expected, actual.
 */
class Revision2OracleTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final LocalDate END = LocalDate.of(2026, 11, 27);
  private static final double TOLERANCE = 1e-9;

  /**
   * Published columns whose text the spec does not fix word for word (it gives examples only), so
   * an independent reading cannot derive them; every other published column is compared.
   */
  static final Set<String> FREE_TEXT = Set.of("evidence", "evidence_args");

  private static final Map<String, List<String>> KEYS = Map.of(
      "initiative_adoption", List.of("initiative_id"),
      "unit_adoption", List.of("initiative_id", "org_unit"),
      "weekly_active", List.of("initiative_id", "week_index"),
      "follow_through_flags", List.of("initiative_id", "code"));

  @TempDir
  static Path work;

  @BeforeAll
  static void spark() {
    SparkTestSupport.spark();
  }

  /**
   * Organisation A: no follow_ups.csv and no outcomes.csv; one initiative without usage signals;
   * one operational without pilot_end; pilots ending exactly D-28 and D-7; courses completed
   * before pilot_start; one initiative's signal sources silent for the last 9 days; a small target
   * population, a unit suppressed with its complement; employees joining and leaving around D.
   */
  @Test
  void organisationWithoutFollowUpsAndOutcomes() throws Exception {
    Path in = generate("a", 650, 14, 11);
    Files.delete(in.resolve("follow_ups.csv"));
    Files.delete(in.resolve("outcomes.csv"));
    Mutations m = new Mutations(in);
    m.blankUsageSignals(1);
    m.operationalWithoutPilotEnd(2);
    m.pilotEnd(3, END.minusDays(28));
    m.pilotEnd(4, END.minusDays(7));
    m.coursesBeforePilotStart(3, 12);
    m.silenceSourcesOf(5, 9);
    m.smallTargets(6, 7);
    m.joinersAndLeavers(0);
    m.write();
    Revision2Oracle oracle = new Revision2Oracle(in, ZONE, END.plusDays(1));
    assertEdges(oracle.evaluate(END), "no_usage_signals", "silent", "no_pilot_end", "suppressed", "complementary",
        "pilot_end_d28", "no_follow_ups", "no_outcomes");
    compare("a", in, List.of(END, END.minusDays(3)));
  }

  /**
   * Organisation B: no learning_activities.csv and no goals.csv; scaling without pilot_end; a
   * pilot ending exactly D-7; another source silent for 10 days; courses before pilot_start.
   */
  @Test
  void organisationWithoutLearningAndGoals() throws Exception {
    Path in = generate("b", 640, 12, 23);
    Files.delete(in.resolve("learning_activities.csv"));
    Files.delete(in.resolve("goals.csv"));
    Mutations m = new Mutations(in);
    m.statusWithoutPilotEnd(0, "scaling");
    m.pilotEnd(1, END.minusDays(7));
    m.pilotEnd(2, END.minusDays(28));
    m.coursesBeforePilotStart(2, 20);
    m.silenceSourcesOf(3, 10);
    m.blankUsageSignals(4);
    m.joinersAndLeavers(1);
    m.recentPilotWithOldCourses(5, 15);
    m.write();
    Revision2Oracle oracle = new Revision2Oracle(in, ZONE, END.plusDays(1));
    assertEdges(oracle.evaluate(END), "no_usage_signals", "silent", "no_pilot_end", "no_learning", "no_goals",
        "old_courses_recent_pilot");
    compare("b", in, List.of(END, END.minusDays(6)));
  }

  /**
   * Organisation C: every file delivered; the register writes {@code owner_has_mandate} as
   * {@code ja} and {@code Nej} (Swedish booleans, SPEC section 2).
   */
  @Test
  void organisationWithSwedishBooleans() throws Exception {
    Path in = generate("c", 330, 9, 37);
    Mutations m = new Mutations(in);
    m.mandate(0, "ja");
    m.mandate(1, "Nej");
    m.mandate(2, " JA ");
    m.pilotEnd(5, END.minusDays(28));
    m.write();
    Revision2Oracle oracle = new Revision2Oracle(in, ZONE, END.plusDays(1));
    assertEdges(oracle.evaluate(END), "swedish_booleans", "pilot_end_d28");
    compare("c", in, List.of(END));
  }

  private static Path generate(String name, int employees, int initiatives, long seed) throws IOException {
    Path in = work.resolve(name).resolve("in");
    new Generator(GeneratorOptions.defaults().withEmployees(employees).withInitiatives(initiatives).withDays(120)
        .withSeed(seed)).generate(in);
    return in;
  }

  private static Revision2Oracle compare(String name, Path in, List<LocalDate> dates) throws Exception {
    VardagConfig config = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_SPARK_SHUFFLE_PARTITIONS", "4"));
    Clock clock = Clock.fixed(Instant.parse(END.plusDays(1) + "T02:00:00Z"), ZoneOffset.UTC);
    Path out = work.resolve(name).resolve("out");
    Revision2Oracle oracle = new Revision2Oracle(in, ZONE, LocalDate.ofInstant(clock.instant(), ZONE));
    List<String> differences = new ArrayList<>();
    for (LocalDate d : dates) {
      ExitCode code;
      try {
        code = new Pipeline(config, new Pipeline.Options(in, out, null, false), clock, work.resolve(name)
            .resolve("home"), noReport()).nightly(Optional.of(d));
      } catch (RuntimeException e) {
        differences.add(name + " " + d + ": the pipeline failed: " + e.getMessage());
        continue;
      }
      if (code != ExitCode.OK) {
        differences.add(name + " " + d + ": the pipeline exited with " + code);
        continue;
      }
      Revision2Oracle.Result expected = oracle.evaluate(d);
      Map<String, List<Map<String, Object>>> want = Map.of(
          "initiative_adoption", expected.initiativeAdoption,
          "unit_adoption", expected.unitAdoption,
          "weekly_active", expected.weeklyActive,
          "follow_through_flags", expected.followThroughFlags);
      for (String table : List.of("initiative_adoption", "unit_adoption", "weekly_active", "follow_through_flags")) {
        differences.addAll(diff(name + " " + d + " " + table, KEYS.get(table), want.get(table),
            published(out, table, d)));
      }
    }
    Path target = Path.of(System.getProperty("vardag.project.dir", ".")).resolve("target");
    Files.createDirectories(target);
    Files.write(target.resolve("revision2-oracle-" + name + ".diff"), differences);
    if (!differences.isEmpty()) {
      fail(differences.size() + " difference(s) from the revision-2 reading:\n"
          + differences.stream().limit(400).collect(Collectors.joining("\n")));
    }
    return oracle;
  }

  /** The scenario reached the edges it was built for (else a pass would prove nothing about them). */
  private static void assertEdges(Revision2Oracle.Result r, String... edges) {
    for (String edge : edges) {
      switch (edge) {
        case "no_usage_signals":
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> {
            assertThat(row.get("usage_signals")).isNull();
            assertThat(row.get("active_users")).isNull();
            assertThat(row.get("flag_codes").toString()).contains("NO_USAGE_SIGNAL");
          });
          break;
        case "silent":
          assertThat(r.followThroughFlags).as(edge).anySatisfy(f -> assertThat(f.get("code"))
              .isEqualTo("USAGE_DATA_MISSING"));
          break;
        case "no_pilot_end":
          assertThat(r.followThroughFlags).as(edge).anySatisfy(f -> assertThat(f.get("code")).isEqualTo("NO_PILOT_END"));
          break;
        case "suppressed":
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> assertThat(row.get("suppressed")).isEqualTo(true));
          break;
        case "complementary":
          assertThat(r.unitAdoption).as(edge).anySatisfy(row -> assertThat(row.get("suppression"))
              .isEqualTo("complementary"));
          break;
        case "pilot_end_d28":
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> assertThat(row.get("pilot_end"))
              .isEqualTo(END.minusDays(28)));
          break;
        case "no_follow_ups":
          assertThat(r.initiativeAdoption).as(edge).allSatisfy(row -> {
            assertThat(row.get("follow_ups_90d")).isNull();
            assertThat(row.get("has_follow_up")).isEqualTo(false);
          });
          break;
        case "no_outcomes":
          assertThat(r.initiativeAdoption).as(edge).allSatisfy(row -> assertThat(row.get("kpi_baseline_median")).isNull());
          break;
        case "no_learning":
          assertThat(r.initiativeAdoption).as(edge).allSatisfy(row -> assertThat(row.get("learning_sessions_90d"))
              .isNull());
          break;
        case "no_goals":
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> assertThat(row.get("goal_linked")).isNull());
          break;
        case "old_courses_recent_pilot":
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> {
            assertThat((Long) row.get("trained")).isPositive();
            assertThat(row.get("trained_not_using_base")).isEqualTo(0L);
            assertThat(row.get("trained_not_using_rate")).isNull();
          });
          break;
        case "swedish_booleans":
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> assertThat(row.get("owner_has_mandate"))
              .isEqualTo(true));
          assertThat(r.initiativeAdoption).as(edge).anySatisfy(row -> assertThat(row.get("owner_has_mandate"))
              .isEqualTo(false));
          break;
        default:
          throw new IllegalArgumentException("Cannot check edge: " + edge + " is unknown");
      }
    }
  }

  /** Every difference between the oracle's rows and the published ones, matched by key. */
  static List<String> diff(String where, List<String> key, List<Map<String, Object>> expected,
      List<Map<String, Object>> actual) {
    List<String> out = new ArrayList<>();
    Function<Map<String, Object>, String> keyOf = r -> key.stream().map(k -> String.valueOf(normal(r.get(k))))
        .collect(Collectors.joining("/"));
    Map<String, Map<String, Object>> want = new TreeMap<>();
    expected.forEach(r -> want.put(keyOf.apply(r), r));
    Map<String, Map<String, Object>> got = new TreeMap<>();
    actual.forEach(r -> got.put(keyOf.apply(r), r));
    Set<String> wantColumns = expected.isEmpty() ? Set.of() : expected.get(0).keySet();
    Set<String> gotColumns = actual.isEmpty() ? Set.of() : actual.get(0).keySet();
    if (!expected.isEmpty() && !actual.isEmpty()) {
      for (String c : gotColumns) {
        if (!wantColumns.contains(c) && !FREE_TEXT.contains(c)) {
          out.add(where + ": column " + c + " is published but not in revision 2's reading");
        }
      }
    }
    for (String k : new TreeSet<>(union(want.keySet(), got.keySet()))) {
      Map<String, Object> w = want.get(k);
      Map<String, Object> g = got.get(k);
      if (g == null) {
        out.add(where + " " + k + ": row expected, not published (" + w + ")");
        continue;
      }
      if (w == null) {
        out.add(where + " " + k + ": row published, not expected (" + strip(g) + ")");
        continue;
      }
      for (Map.Entry<String, Object> e : w.entrySet()) {
        String column = e.getKey();
        if (!g.containsKey(column)) {
          out.add(where + " " + k + " " + column + ": column not published (expected " + e.getValue() + ")");
          continue;
        }
        Object want1 = normal(e.getValue());
        Object got1 = normal(g.get(column));
        if (!same(want1, got1)) {
          out.add(where + " " + k + " " + column + ": expected " + want1 + ", actual " + got1);
        }
      }
    }
    return out;
  }

  private static Map<String, Object> strip(Map<String, Object> row) {
    Map<String, Object> m = new LinkedHashMap<>(row);
    FREE_TEXT.forEach(m::remove);
    return m;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }

  static Object normal(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float || v instanceof Double) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate();
    }
    return v;
  }

  static boolean same(Object want, Object got) {
    if (want == null || got == null) {
      return want == got;
    }
    if (want instanceof Double && got instanceof Double) {
      double a = (Double) want;
      double b = (Double) got;
      return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) <= TOLERANCE;
    }
    if (want instanceof LocalDate || got instanceof LocalDate) {
      return want.toString().equals(got.toString());
    }
    return want.getClass() == got.getClass() && want.equals(got);
  }

  /** One published table for D, read back with DuckDB as an analyst would. */
  static List<Map<String, Object>> published(Path output, String table, LocalDate d) throws SQLException,
      IOException {
    Path partition = output.resolve(table).resolve("as_of=" + d);
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean any;
    try (Stream<Path> files = Files.exists(partition) ? Files.list(partition) : Stream.empty()) {
      any = files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
    if (!any) {
      return rows;
    }
    String glob = partition.resolve("*.parquet").toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + glob + "', hive_partitioning = false)")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String column = md.getColumnName(i);
          row.put(column, FREE_TEXT.contains(column) ? null : rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static Pipeline.AfterPublish noReport() {
    return new Pipeline.AfterPublish() {
      @Override
      public void render(org.apache.spark.sql.SparkSession spark, se.vardag.Location versionDir, LocalDate asOf) {}

      @Override
      public ExitCode deliver(se.vardag.Location publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        return ExitCode.OK;
      }
    };
  }

  /** Edits of a generated input folder, each aimed at one revision-2 rule. */
  private static final class Mutations {
    private final Path in;
    private final CsvFile initiatives;
    private final CsvFile employees;
    private final CsvFile trainings;
    /** The register rows that are not stopped, in register order: the ones mutations aim at. */
    private final List<List<String>> live;

    Mutations(Path in) throws IOException {
      this.in = in;
      initiatives = CsvFile.read(in.resolve("initiatives.csv"));
      employees = CsvFile.read(in.resolve("employees.csv"));
      trainings = CsvFile.read(in.resolve("trainings.csv"));
      live = initiatives.rows().stream().filter(r -> !initiatives.get(r, "status").equals("stopped"))
          .collect(Collectors.toList());
    }

    private List<String> live(int i) {
      return live.get(i % live.size());
    }

    void blankUsageSignals(int i) {
      initiatives.set(live(i), "usage_signals", "");
    }

    void operationalWithoutPilotEnd(int i) {
      statusWithoutPilotEnd(i, "operational");
    }

    void statusWithoutPilotEnd(int i, String status) {
      initiatives.set(live(i), "status", status);
      initiatives.set(live(i), "pilot_end", "");
    }

    void pilotEnd(int i, LocalDate end) {
      List<String> row = live(i);
      initiatives.set(row, "pilot_end", end.toString());
      if (LocalDate.parse(initiatives.get(row, "pilot_start")).isAfter(end.minusDays(30))) {
        initiatives.set(row, "pilot_start", end.minusDays(60).toString());
      }
    }

    /**
     * Initiative i's pilot began 10 days before the end date; its target employees hold its
     * course from 50 days before it (older than D-28, but the start date is pilot_start).
     */
    void recentPilotWithOldCourses(int i, int people) {
      List<String> row = live(i);
      initiatives.set(row, "status", "pilot");
      initiatives.set(row, "pilot_start", END.minusDays(10).toString());
      initiatives.set(row, "pilot_end", END.plusDays(40).toString());
      coursesBeforePilotStart(i, people);
    }

    void mandate(int i, String value) {
      List<String> row = live(i);
      if (initiatives.get(row, "owner_id").isEmpty()) {
        initiatives.set(row, "owner_id", employees.get(employees.rows().get(0), "employee_id"));
      }
      initiatives.set(row, "owner_has_mandate", value);
    }

    /** Target employees of initiative i without its course get it 40 days before its pilot_start. */
    void coursesBeforePilotStart(int i, int people) {
      List<String> row = live(i);
      List<String> courses = Revision2Oracle.list(initiatives.get(row, "course_ids"));
      if (courses.isEmpty()) {
        initiatives.set(row, "course_ids", "OLD-COURSE");
        courses = List.of("OLD-COURSE");
      }
      List<String> prefixes = Revision2Oracle.list(initiatives.get(row, "target_org_units"));
      LocalDate before = LocalDate.parse(initiatives.get(row, "pilot_start")).minusDays(40);
      Set<String> trained = trainings.rows().stream().filter(t -> List.of(initiatives.get(row, "course_ids")
          .split(";")).contains(trainings.get(t, "course_id"))).map(t -> trainings.get(t, "employee_id"))
          .collect(Collectors.toSet());
      int added = 0;
      for (List<String> e : employees.rows()) {
        if (added < people && Revision2Oracle.matches(employees.get(e, "org_unit"), prefixes)
            && !trained.contains(employees.get(e, "employee_id"))) {
          List<String> t = new ArrayList<>();
          for (int c = 0; c < 6; c++) {
            t.add("");
          }
          trainings.add(t.toArray(String[]::new));
          List<String> last = trainings.rows().get(trainings.rows().size() - 1);
          trainings.set(last, "employee_id", employees.get(e, "employee_id"));
          trainings.set(last, "course_id", courses.get(0));
          trainings.set(last, "completed_on", before.toString());
          added++;
        }
      }
    }

    /** Removes every event of initiative i's signal sources dated in the last {@code days} days. */
    void silenceSourcesOf(int i, int days) throws IOException {
      List<String> row = live(i);
      if (initiatives.get(row, "usage_signals").isEmpty()) {
        throw new IllegalStateException("Cannot silence the sources of " + initiatives.get(row, "initiative_id")
            + ": it has no usage signals");
      }
      Set<String> sources = Revision2Oracle.list(initiatives.get(row, "usage_signals")).stream()
          .map(p -> p.substring(0, p.indexOf(':')).trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
      LocalDate from = END.minusDays(days - 1L);
      List<Path> files;
      try (Stream<Path> s = Files.list(in.resolve("usage"))) {
        files = s.sorted().collect(Collectors.toList());
      }
      int removed = 0;
      for (Path f : files) {
        CsvFile usage = CsvFile.read(f);
        removed += usage.removeIf(e -> sources.contains(usage.get(e, "source").trim().toLowerCase(Locale.ROOT))
            && !java.time.OffsetDateTime.parse(usage.get(e, "event_time")).atZoneSameInstant(ZONE).toLocalDate()
                .isBefore(from));
        usage.write();
      }
      assertThat(removed).as("events removed for " + sources).isPositive();
    }

    /**
     * Initiative i targets one unit of fewer than 5 employees employed at the end date;
     * initiative j targets that unit and two larger ones (exactly one unit suppressed, so the
     * smaller of the others is suppressed too).
     */
    void smallTargets(int i, int j) {
      Map<String, Integer> sizes = new TreeMap<>();
      for (List<String> e : employees.rows()) {
        String left = employees.get(e, "left_on");
        if (!LocalDate.parse(employees.get(e, "hired_on")).isAfter(END.minusDays(3))
            && (left.isEmpty() || LocalDate.parse(left).isAfter(END))) {
          sizes.merge(employees.get(e, "org_unit"), 1, Integer::sum);
        }
      }
      List<String> byName = new ArrayList<>(sizes.keySet());
      String small = byName.stream().filter(u -> sizes.get(u) < 5 && sizes.get(u) > 0).findFirst().orElse(null);
      if (small == null) {
        // Make one: move three employees into a unit of their own.
        small = "Projekt/Orakel";
        int moved = 0;
        for (List<String> e : employees.rows()) {
          if (moved < 3 && employees.get(e, "left_on").isEmpty()
              && !LocalDate.parse(employees.get(e, "hired_on")).isAfter(END.minusDays(200))) {
            employees.set(e, "org_unit", small);
            moved++;
          }
        }
      }
      String finalSmall = small;
      List<String> large = byName.stream().filter(u -> sizes.get(u) >= 8 && !u.startsWith(finalSmall))
          .sorted(Comparator.comparing(sizes::get)).limit(2).collect(Collectors.toList());
      initiatives.set(live(i), "target_org_units", small);
      initiatives.set(live(j), "target_org_units", small + ";" + String.join(";", large));
    }

    /** Four target employees of initiative i: hired on D and D+1, leaving on D and D+1 (D the end date). */
    void joinersAndLeavers(int i) {
      List<String> prefixes = Revision2Oracle.list(initiatives.get(live(i), "target_org_units"));
      List<List<String>> targets = employees.rows().stream()
          .filter(e -> Revision2Oracle.matches(employees.get(e, "org_unit"), prefixes)
              && employees.get(e, "left_on").isEmpty())
          .limit(4).collect(Collectors.toList());
      assertThat(targets).hasSize(4);
      employees.set(targets.get(0), "hired_on", END.toString());
      employees.set(targets.get(1), "hired_on", END.plusDays(1).toString());
      employees.set(targets.get(2), "left_on", END.toString());
      employees.set(targets.get(3), "left_on", END.plusDays(1).toString());
    }

    void write() throws IOException {
      initiatives.write();
      employees.write();
      trainings.write();
    }
  }
}
