package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;

/**
 * The nightly job on the committed data-samples, read back by DuckDB as an analyst would, with
 * the spec's query: every table, its documented columns and types, and the stories' verdicts.
 */
class DataSamplesEndToEndTest {
  private static final LocalDate D = LocalDate.parse("2026-11-27");

  @TempDir
  static Path dir;

  private static Path out;

  @BeforeAll
  static void runNightly() {
    SparkTestSupport.spark();
    Path project = Path.of(System.getProperty("vardag.project.dir", "."));
    out = dir.resolve("out");
    VardagConfig config = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_TO", "ledning@example.org"));
    Pipeline pipeline = new Pipeline(config, new Pipeline.Options(project.resolve("data-samples"), out, null, false),
        Clock.fixed(Instant.parse("2026-11-28T02:15:00Z"), ZoneOffset.UTC), dir.resolve("home"),
        se.vardag.cli.TestStages.reportAndOutbox(config, out));
    assertThat(pipeline.nightly(Optional.empty())).isEqualTo(ExitCode.OK);
  }

  private static String duckType(DataType t) {
    if (t.equals(DataTypes.StringType)) {
      return "VARCHAR";
    } else if (t.equals(DataTypes.LongType)) {
      return "BIGINT";
    } else if (t.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    } else if (t.equals(DataTypes.DoubleType)) {
      return "DOUBLE";
    } else if (t.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    } else if (t.equals(DataTypes.DateType)) {
      return "DATE";
    } else if (t instanceof MapType) {
      return "MAP(VARCHAR, VARCHAR)";
    }
    throw new IllegalArgumentException("Cannot map " + t);
  }

  private static Map<String, String> describe(Statement st, String table) throws Exception {
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + out.resolve(table)
        + "/*/*.parquet', hive_partitioning = true)")) {
      while (rs.next()) {
        columns.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    return columns;
  }

  @Test
  void everyTableHasItsDocumentedColumnsAndTypesForDuckDb() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (String table : Tables.PUBLISHED_TABLES) {
        String name = table.contains("/") ? Tables.REJECTED_ROWS : table;
        Map<String, String> expected = new LinkedHashMap<>();
        for (StructField f : Tables.schemaOf(name).fields()) {
          expected.put(f.name(), duckType(f.dataType()));
        }
        expected.put("as_of", "DATE");
        assertThat(describe(st, table)).as(table).containsExactlyEntriesOf(expected);
      }
    }
  }

  @Test
  void theStoriesOfDataSamplesGetTheirVerdicts() throws Exception {
    Map<String, String> got = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT initiative_id, verdict, coalesce(flag_codes, '-'), suppressed, as_of "
            + "FROM read_parquet('" + out + "/initiative_adoption/*/*.parquet', hive_partitioning = true) ORDER BY 1")) {
      while (rs.next()) {
        assertThat(rs.getDate(5).toLocalDate()).isEqualTo(D);
        got.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + (rs.getBoolean(4) ? " suppressed" : ""));
      }
    }
    // data-samples/README.md: the stories and their verdicts at D = 2026-11-27.
    assertThat(got).containsExactly(
        Map.entry("INI-001", "on_track -"),
        Map.entry("INI-002", "lacks_follow_through NO_OWNER;NO_GOAL;NO_FOLLOW_UP_CADENCE;NO_PRACTICE_TIME;"
            + "TRAINED_NOT_USING;NO_LEARNING_FOLLOW_UP;LOW_ADOPTION;ADOPTION_DECAY;NO_EFFECT"),
        Map.entry("INI-003", "in_pilot NO_OWNER;PRACTICE_TIME_UNUSED"),
        Map.entry("INI-004", "lacks_follow_through OWNER_LEFT"),
        Map.entry("INI-005", "at_risk NO_EFFECT_MEASURE suppressed"),
        Map.entry("INI-006", "stopped -"),
        Map.entry("INI-007", "at_risk NO_GOAL;NO_EFFECT_MEASURE"),
        Map.entry("INI-008", "in_pilot -"),
        Map.entry("INI-009", "on_track -"));
  }

  @Test
  void theQuarantineHoldsTheSamplesBadRowsWithTheirLines() throws Exception {
    List<String> got = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT source_file, line, \"column\" FROM read_parquet('" + out
            + "/quarantine/rejected_rows/*/*.parquet') ORDER BY 1, 2")) {
      while (rs.next()) {
        got.add(rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getString(3));
      }
    }
    assertThat(got).containsExactly(
        "employees.csv:115:employee_id", "employees.csv:324:employee_id",
        "learning_activities.csv:1795:hours",
        "outcomes.csv:2137:null",
        "trainings.csv:305:employee_id", "trainings.csv:461:completed_on", "trainings.csv:900:employee_id",
        "usage/usage-2026-08-25.csv:101:action");
  }

  @Test
  void suppressionHidesTheSmallGroupEverywhere() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + out
          + "/weekly_active/*/*.parquet') WHERE initiative_id = 'INI-005' AND active_users IS NOT NULL");
      rs.next();
      assertThat(rs.getLong(1)).isZero();
      rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + out
          + "/unit_adoption/*/*.parquet') WHERE suppressed AND active_users IS NOT NULL");
      rs.next();
      assertThat(rs.getLong(1)).isZero();
      rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + out
          + "/follow_through_flags/*/*.parquet') WHERE initiative_id = 'INI-005' AND code IN ('TRAINED_NOT_USING',"
          + " 'LOW_TRAINING_COVERAGE', 'PRACTICE_TIME_UNUSED', 'LOW_ADOPTION', 'ADOPTION_DECAY')");
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void theReportRenderedFromTheRowsJustComputedIsTheOneThePublishedTablesGive() throws Exception {
    // The nightly run renders from the rows it has just written; 'jobs/vardag report' reads them back.
    Path report = out.resolve("reports/as_of=" + D).toRealPath();
    Path versionDir = report.getParent();
    Path copy = dir.resolve("re-render").resolve(D.toString());
    try (var files = Files.walk(versionDir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : files.filter(f -> !f.startsWith(report)).toList()) {
        Path target = copy.resolve(versionDir.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    VardagConfig config = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_TO", "ledning@example.org"));
    new se.vardag.report.ReportRenderer(config).render(SparkTestSupport.spark(), copy, D);
    List<String> names = new java.util.ArrayList<>();
    try (var files = Files.walk(report)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = report.relativize(f).toString();
        names.add(name);
        assertThat(Files.readAllBytes(copy.resolve("report").resolve(name))).as(name).isEqualTo(Files.readAllBytes(f));
      }
    }
    assertThat(names).contains("report.html", "report.txt", "report.pdf", "mail.html", "mail.txt", "initiatives.csv",
        "report.json");
    assertThat(names.stream().filter(n -> n.startsWith("charts/"))).isNotEmpty();
  }

  @Test
  void theReportIsPublishedBesideTheTablesAndWaitsInTheOutbox() throws Exception {
    Path report = out.resolve("reports/as_of=" + D);
    assertThat(report.resolve("report.html")).isRegularFile();
    assertThat(report.resolve("report.txt")).isRegularFile();
    assertThat(Files.readString(report.resolve("report.html"))).contains("ITIL-utbildning, Service Desk Syd");
    try (var eml = Files.list(out.resolve("outbox"))) {
      assertThat(eml.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(1);
    }
    assertThat(out.resolve("manifests/as_of=" + D + ".json")).isRegularFile();
  }

  @Test
  void theManifestCountsEveryRejectionOfEachFileContractAndReferencesAlike() throws Exception {
    com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out.resolve("manifests/as_of=" + D + ".json").toFile());
    Map<String, Long> rejected = new LinkedHashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode f : manifest.get("inputs")) {
      rejected.put(f.get("file").asText(), f.get("rows_rejected").asLong());
    }
    // data-samples/README.md: trainings.csv line 461 breaks the contract; lines 305 and 900 name
    // employees with no valid roster row, so trainings.csv has 3.
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("employees.csv", 2L);
    expected.put("goals.csv", 0L);
    expected.put("initiatives.csv", 0L);
    expected.put("usage/", 1L);
    expected.put("trainings.csv", 3L);
    expected.put("learning_activities.csv", 1L);
    expected.put("follow_ups.csv", 0L);
    expected.put("outcomes.csv", 1L);
    assertThat(rejected).containsExactlyEntriesOf(expected);
  }
}
