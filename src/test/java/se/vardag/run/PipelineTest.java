package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.VardagException;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.publish.RunManifest;
import se.vardag.publish.Tables;

/**
 * Whole runs on a small organisation, read back with DuckDB as an analyst would: what is
 * published, that reruns and backfills equal single nightly runs, and that bad input publishes
 * nothing.
 */
class PipelineTest {
  private static final LocalDate D = TestOrganisation.LAST_DAY;
  private static final VardagConfig CONFIG = ConfigLoader.load(Optional.empty(),
      Map.of("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.05", "VARDAG_SPARK_SHUFFLE_PARTITIONS", "4"));
  private static final List<String> TABLES = List.of(Tables.INITIATIVE_ADOPTION, Tables.UNIT_ADOPTION,
      Tables.WEEKLY_ACTIVE, Tables.FOLLOW_THROUGH_FLAGS, Tables.QUARANTINE_DIR + "/" + Tables.REJECTED_ROWS);

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  @BeforeAll
  static void organisation() throws IOException {
    SparkTestSupport.spark();
    TestOrganisation.write(shared.resolve("in"), 70, 42);
  }

  private Pipeline pipeline(Path input, Path output, boolean full) {
    return new Pipeline(CONFIG, new Pipeline.Options(input, output, null, full),
        Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC), shared.resolve("home"), noReport());
  }

  static Pipeline.AfterPublish noReport() {
    return new Pipeline.AfterPublish() {
      @Override
      public void render(org.apache.spark.sql.SparkSession spark, Path versionDir, LocalDate asOf) {}

      @Override
      public ExitCode deliver(Path publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        return ExitCode.OK;
      }
    };
  }

  /** Every row of a table for one date, sorted, as text; read by DuckDB, not Spark. */
  static List<String> rows(Path output, String table, LocalDate d) throws SQLException {
    String glob = output.resolve(table).resolve("as_of=" + d).resolve("*.parquet").toString();
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + glob + "') ORDER BY ALL")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          b.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  static String digest(Path output, LocalDate d) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String table : TABLES) {
      for (String row : rows(output, table, d)) {
        sha.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void nightlyPublishesEveryTableForTheLastUsageDate() throws Exception {
    Path out = dir.resolve("out");
    assertThat(pipeline(shared.resolve("in"), out, false).nightly(Optional.empty())).isEqualTo(ExitCode.OK);

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT initiative_id, as_of, typeof(as_of), target_population, verdict, "
          + "suppressed FROM read_parquet('" + out + "/initiative_adoption/*/*.parquet', hive_partitioning = true) "
          + "ORDER BY initiative_id");
      List<String> got = new ArrayList<>();
      while (rs.next()) {
        got.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
            + rs.getString(5) + " " + rs.getBoolean(6));
      }
      // Units by e % 4: 0 Service Desk, 1 Drift, 2 HR, 3 Ekonomi; 15 employees each.
      // ITIL (IT) = Service Desk + Drift = 30, minus E8 (hired after D) = 29.
      // ESIGN (Ekonomi) = 15, minus E7 who left = 14. AI (HR, Ekonomi) = 30 - E7 = 29. OLD (HR) = 15.
      assertThat(got).containsExactly(
          "AI 2026-11-27 DATE 29 in_pilot false",
          "ESIGN 2026-11-27 DATE 14 lacks_follow_through false",
          "ITIL 2026-11-27 DATE 29 lacks_follow_through false",
          "OLD 2026-11-27 DATE 15 stopped false");
    }
    assertThat(rows(out, Tables.WEEKLY_ACTIVE, D)).hasSize(4 * 12);
    assertThat(rows(out, "quarantine/rejected_rows", D)).singleElement().satisfies(r -> assertThat(r)
        .contains("source_file=trainings.csv|").contains("line=33|")
        .contains("reason=employee_id 'E999' is not in employees.csv"));
    assertThat(rows(out, Tables.FOLLOW_THROUGH_FLAGS, D)).anySatisfy(r -> assertThat(r)
        .contains("code=OWNER_LEFT|").contains("evidence=owner E7 left on 2026-10-15|"));

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifests/as_of=2026-11-27.json").toFile());
    assertThat(manifest.get("as_of").asText()).isEqualTo("2026-11-27");
    assertThat(manifest.get("rejected_rows_total").asLong()).isEqualTo(1);
    assertThat(manifest.get("usage_files")).hasSize(70);
    assertThat(manifest.get("inputs").findValuesAsText("file")).containsExactly("employees.csv", "goals.csv",
        "initiatives.csv", "usage/", "trainings.csv", "learning_activities.csv", "follow_ups.csv", "outcomes.csv");
    assertThat(manifest.get("inputs").get(0).get("sha256").asText()).hasSize(64);
    assertThat(manifest.get("config").get("privacy.min_group_size").asInt()).isEqualTo(5);
    assertThat(manifest.get("timings_ms").has("metrics")).isTrue();
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      assertThat(runs.count()).isEqualTo(1);
    }
  }

  @Test
  void aRerunReplacesTheDateWithTheSameRowsAndKeepsOtherDates() throws Exception {
    Path out = dir.resolve("out");
    LocalDate earlier = D.minusDays(3);
    pipeline(shared.resolve("in"), out, false).nightly(Optional.of(earlier));
    pipeline(shared.resolve("in"), out, false).nightly(Optional.of(D));
    String first = digest(out, D);
    String other = digest(out, earlier);
    Path before = Files.readSymbolicLink(out.resolve("_published/as_of=" + D));
    pipeline(shared.resolve("in"), out, false).nightly(Optional.of(D));
    assertThat(Files.readSymbolicLink(out.resolve("_published/as_of=" + D))).isNotEqualTo(before);
    assertThat(digest(out, D)).isEqualTo(first);
    assertThat(digest(out, earlier)).isEqualTo(other);
    assertThat(rows(out, Tables.INITIATIVE_ADOPTION, D)).hasSize(4);
  }

  @Test
  void aBackfillPublishesWhatSeparateNightlyRunsPublish() throws Exception {
    Path backfilled = dir.resolve("backfill");
    Path separate = dir.resolve("separate");
    LocalDate from = D.minusDays(2);
    assertThat(pipeline(shared.resolve("in"), backfilled, false).backfill(from, D)).isEqualTo(ExitCode.OK);
    for (LocalDate d = from; !d.isAfter(D); d = d.plusDays(1)) {
      pipeline(shared.resolve("in"), separate, false).nightly(Optional.of(d));
    }
    for (LocalDate d = from; !d.isAfter(D); d = d.plusDays(1)) {
      for (String table : TABLES) {
        assertThat(rows(backfilled, table, d)).as(table + " " + d).isEqualTo(rows(separate, table, d));
      }
    }
    assertThat(rows(backfilled, Tables.INITIATIVE_ADOPTION, from)).isNotEqualTo(rows(backfilled,
        Tables.INITIATIVE_ADOPTION, D));
  }

  @Test
  void incrementalRunsPublishWhatAFullRecomputationPublishes() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 40, 7);
    Path incremental = dir.resolve("incremental");
    pipeline(input, incremental, false).nightly(Optional.empty());
    // A later night (Monday 11-30): a new usage file, and a changed register (a new signal and target).
    LocalDate next = D.plusDays(3);
    TestOrganisation.writeUsageDay(input, next, new Random(3));
    String register = Files.readString(input.resolve("initiatives.csv"))
        .replace("HR;Ekonomi,,copilot:*", "HR;Ekonomi;IT/Drift,,copilot:*;outlook:mail.send");
    Files.writeString(input.resolve("initiatives.csv"), register);
    pipeline(input, incremental, false).nightly(Optional.empty());
    Path full = dir.resolve("full");
    pipeline(input, full, true).nightly(Optional.empty());
    assertThat(digest(incremental, next)).isEqualTo(digest(full, next));
    assertThat(rows(full, Tables.INITIATIVE_ADOPTION, next)).anySatisfy(r ->
        assertThat(r).startsWith("initiative_id=AI|").contains("target_org_units=HR;Ekonomi;IT/Drift|"));
  }

  @Test
  void aFailedQualityGatePublishesNothingAndSaysWhy() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 5, 1);
    Path out = dir.resolve("out");
    pipeline(input, out, false).nightly(Optional.empty());
    String before = digest(out, D);
    Files.writeString(input.resolve("goals.csv"), "goal_id,title\nG1,Snabbare\nG2,\n");
    assertThatThrownBy(() -> pipeline(input, out, false).nightly(Optional.empty()))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.QUALITY_GATE_FAILED))
        .hasMessageContaining("goals.csv: 1 of 2 rows rejected (50.00%)");
    assertThat(digest(out, D)).isEqualTo(before);
    List<JsonNode> manifests = new ArrayList<>();
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      for (Path p : runs.toList()) {
        manifests.add(new ObjectMapper().readTree(p.toFile()));
      }
    }
    assertThat(manifests).anySatisfy(m -> {
      assertThat(m.get("exit_code").asInt()).isEqualTo(4);
      assertThat(m.get("quality_gate").get("passed").asBoolean()).isFalse();
    });
  }

  @Test
  void aMissingRequiredColumnStopsBeforeAnythingIsRead() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 3, 1);
    Files.writeString(input.resolve("trainings.csv"), "employee_id,course,completed_on\nE1,ITIL4,2026-01-01\n");
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> pipeline(input, out, false).nightly(Optional.empty()))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT_CONTRACT_BROKEN))
        .hasMessageContaining("trainings.csv:1: required column course_id is missing from the header");
    assertThat(out.resolve("initiative_adoption")).doesNotExist();
  }
}
