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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.VardagException;
import se.vardag.config.ConfigLoader;
import se.vardag.config.OutputFormat;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;
import se.vardag.publish.DeltaLogReader;
import se.vardag.publish.DeltaTables;
import se.vardag.publish.RunManifest;

/**
 * Whole runs on a small organisation, read back with DuckDB as an analyst would: what is
 * published, that reruns and backfills equal single nightly runs, and that bad input publishes
 * nothing.
 */
class PipelineTest {
  private static final LocalDate D = TestOrganisation.LAST_DAY;
  private static final VardagConfig CONFIG = ConfigLoader.load(Optional.empty(),
      Map.of("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.05", "VARDAG_SPARK_SHUFFLE_PARTITIONS", "4"));
  private static final List<String> TABLES = Tables.PUBLISHED_TABLES;

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  @BeforeAll
  static void organisation() throws IOException {
    SparkTestSupport.spark();
    TestOrganisation.write(shared.resolve("in"), 70, 42);
  }

  private static final Clock NIGHT_AFTER_D = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

  private Pipeline pipeline(Path input, Path output, boolean full) {
    return pipeline(CONFIG, input, output, full, NIGHT_AFTER_D);
  }

  private Pipeline pipeline(VardagConfig config, Path input, Path output, boolean full, Clock clock) {
    return new Pipeline(config, new Pipeline.Options(input, output, null, full), clock, shared.resolve("home"),
        noReport());
  }

  /** Every run manifest under out/runs, oldest first. */
  static List<JsonNode> runManifests(Path out) throws IOException {
    List<JsonNode> manifests = new ArrayList<>();
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      for (Path p : runs.sorted().toList()) {
        manifests.add(new ObjectMapper().readTree(p.toFile()));
      }
    }
    return manifests;
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

  /**
   * Every row of a table for one date, sorted, as text; read by DuckDB, not Spark. An analyst table
   * published as a Delta table (output.format = delta) is read at its latest version by replaying its log.
   */
  static List<String> rows(Path output, String table, LocalDate d) throws SQLException {
    if (Tables.ANALYST_TABLES.contains(table) && Files.isDirectory(DeltaTables.tableDir(se.vardag.Location.of(output), table).path()
        .resolve("_delta_log"))) {
      try {
        DeltaLogReader delta = new DeltaLogReader(DeltaTables.tableDir(se.vardag.Location.of(output), table).path());
        return delta.rows(delta.latestVersion(), d);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
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

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void aRerunReplacesTheDateWithTheSameRowsAndKeepsOtherDates(OutputFormat format) throws Exception {
    VardagConfig config = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.05",
        "VARDAG_SPARK_SHUFFLE_PARTITIONS", "4", "VARDAG_OUTPUT_FORMAT", format.key()));
    Path out = dir.resolve("out");
    LocalDate earlier = D.minusDays(3);
    pipeline(config, shared.resolve("in"), out, false, NIGHT_AFTER_D).nightly(Optional.of(earlier));
    pipeline(config, shared.resolve("in"), out, false, NIGHT_AFTER_D).nightly(Optional.of(D));
    String first = digest(out, D);
    String other = digest(out, earlier);
    Path before = Files.readSymbolicLink(out.resolve("_published/as_of=" + D));
    pipeline(config, shared.resolve("in"), out, false, NIGHT_AFTER_D).nightly(Optional.of(D));
    assertThat(Files.readSymbolicLink(out.resolve("_published/as_of=" + D))).isNotEqualTo(before);
    // Parquet: the analysts' partitions are links; Delta: a table each, its third version the rerun.
    assertThat(Files.isSymbolicLink(out.resolve(Tables.INITIATIVE_ADOPTION).resolve("as_of=" + D)))
        .isEqualTo(format == OutputFormat.PARQUET);
    if (format == OutputFormat.DELTA) {
      assertThat(new DeltaLogReader(DeltaTables.tableDir(se.vardag.Location.of(out), Tables.INITIATIVE_ADOPTION).path()).latestVersion())
          .isEqualTo(3);
    }
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
    // The runs happen on the night after Monday 11-30 (the file of 11-30 must not be in the future).
    Clock monday = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    pipeline(CONFIG, input, incremental, false, monday).nightly(Optional.empty());
    // A later night (Monday 11-30): a new usage file, and a changed register (a new signal and target).
    LocalDate next = D.plusDays(3);
    TestOrganisation.writeUsageDay(input, next, new Random(3));
    String register = Files.readString(input.resolve("initiatives.csv"))
        .replace("HR;Ekonomi,,copilot:*", "HR;Ekonomi;IT/Drift,,copilot:*;outlook:mail.send");
    Files.writeString(input.resolve("initiatives.csv"), register);
    pipeline(CONFIG, input, incremental, false, monday).nightly(Optional.empty());
    Path full = dir.resolve("full");
    pipeline(CONFIG, input, full, true, monday).nightly(Optional.empty());
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
    // SPEC 7 (rev 2): 10 rejected rows of 11 (above the share and at quality.min_rejected_rows) fail the gate.
    StringBuilder goals = new StringBuilder("goal_id,title\nG1,Snabbare\n");
    for (int g = 2; g <= 11; g++) {
      goals.append('G').append(g).append(",\n");
    }
    Files.writeString(input.resolve("goals.csv"), goals);
    assertThatThrownBy(() -> pipeline(input, out, false).nightly(Optional.empty()))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.QUALITY_GATE_FAILED))
        .hasMessageContaining("\n  - goals.csv: 10 of 11 rows rejected (90.91%)\n");
    assertThat(digest(out, D)).isEqualTo(before);
    assertThat(runManifests(out)).anySatisfy(m -> {
      assertThat(m.get("exit_code").asInt()).isEqualTo(4);
      assertThat(m.get("quality_gate").get("passed").asBoolean()).isFalse();
      assertThat(m.get("quality_gate").get("min_rejected_rows").asInt()).isEqualTo(10);
    });
  }

  @Test
  void aHandfulOfBadRowsPublishesAndRejectedRegisterRowsAreNamedInTheManifest() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 5, 1);
    // 9 rejected rows of 10 in goals.csv: above the share, below quality.min_rejected_rows: publishes.
    StringBuilder goals = new StringBuilder("goal_id,title\nG1,Snabbare\n");
    for (int g = 2; g <= 10; g++) {
      goals.append('G').append(g).append(",\n");
    }
    Files.writeString(input.resolve("goals.csv"), goals);
    // Two unreadable register rows (of 6: a third) never fail the gate; they are named.
    Files.writeString(input.resolve("initiatives.csv"), Files.readString(input.resolve("initiatives.csv"))
        + "BAD,\"Trasig, men viktig\",,,,1/9/2026,,pilot,HR,,chat:*,,,,\n"
        + ",Utan id,,,,2026-01-01,,pilot,HR,,chat:*,,,,\n");
    Path out = dir.resolve("out");
    assertThat(pipeline(input, out, false).nightly(Optional.empty())).isEqualTo(ExitCode.OK);
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifests/as_of=" + D + ".json").toFile());
    assertThat(manifest.get("quality_gate").get("passed").asBoolean()).isTrue();
    assertThat(manifest.get("register_rejections").toString()).isEqualTo("["
        + "{\"line\":6,\"reason\":\"expected a date YYYY-MM-DD, got '1/9/2026'\",\"initiative_id\":\"BAD\","
        + "\"name\":\"Trasig, men viktig\"},"
        + "{\"line\":7,\"reason\":\"missing required value\",\"initiative_id\":null,\"name\":\"Utan id\"}]");
    assertThat(runManifests(out).get(0).get("register_rejections")).isEqualTo(manifest.get("register_rejections"));
    assertThat(rows(out, Tables.INITIATIVE_ADOPTION, D)).hasSize(4);
  }

  @Test
  void aRunForADateTheUsageLogsDoNotCoverStopsBeforePublishing() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 5, 1);
    Files.delete(input.resolve("usage/usage-" + D + ".csv")); // the export of D has not arrived
    Path out = dir.resolve("out");
    // SPEC 7 (rev 2): lag 0, logs ending D-1, a run for D: exit 7, nothing published, the run manifest written.
    assertThatThrownBy(() -> pipeline(input, out, false).nightly(Optional.of(D)))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE_NOT_FRESH))
        .hasMessage("Cannot publish 2026-11-27: the usage logs are not fresh. They cover up to 2026-11-26 (the last"
            + " covered date), and a run for 2026-11-27 needs them to cover 2026-11-27 (quality.max_usage_lag_days"
            + " = 0). Wait for the usage export of the missing day(s) and run again, or run for the last covered date"
            + " with --as-of 2026-11-26. Nothing was published and no report was sent.");
    assertThat(out.resolve("_published")).doesNotExist();
    assertThat(out.resolve(Tables.INITIATIVE_ADOPTION)).doesNotExist();
    assertThat(runManifests(out)).singleElement().satisfies(m -> {
      assertThat(m.get("exit_code").asInt()).isEqualTo(7);
      assertThat(m.get("usage_coverage").get("last_covered_date").asText()).isEqualTo("2026-11-26");
      assertThat(m.get("usage_coverage").get("needed_date").asText()).isEqualTo("2026-11-27");
      assertThat(m.get("usage_coverage").get("fresh").asBoolean()).isFalse();
    });
    // A backfill is judged by its --to date.
    assertThatThrownBy(() -> pipeline(input, out, false).backfill(D.minusDays(2), D))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE_NOT_FRESH));
    assertThat(out.resolve("_published")).doesNotExist();

    // With quality.max_usage_lag_days = 1 the logs ending D-1 are fresh enough for D.
    VardagConfig lag1 = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.05",
        "VARDAG_SPARK_SHUFFLE_PARTITIONS", "4", "VARDAG_QUALITY_MAX_USAGE_LAG_DAYS", "1"));
    assertThat(pipeline(lag1, input, out, false, NIGHT_AFTER_D).nightly(Optional.of(D))).isEqualTo(ExitCode.OK);
    assertThat(rows(out, Tables.INITIATIVE_ADOPTION, D)).hasSize(4);
  }

  @Test
  void aHeaderOnlyFileNamedForDCoversDAndAnEventInTheFutureDoesNotMoveTheDefaultDate() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 5, 1);
    // D's export arrives as a header alone (a quiet day), one mistyped year sits in D-1's file, and an empty
    // file lies beside them.
    Files.writeString(input.resolve("usage/usage-" + D + ".csv"), "event_time,employee_id,source,action,count\n");
    Path before = input.resolve("usage/usage-" + D.minusDays(1) + ".csv");
    Files.writeString(before, Files.readString(before) + "2062-11-26T08:15:00+01:00,E1,outlook,mail.send,1\n");
    Files.write(input.resolve("usage/extra.csv"), new byte[0]);
    Path out = dir.resolve("out");
    assertThat(pipeline(input, out, false).nightly(Optional.empty())).isEqualTo(ExitCode.OK);
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifests/as_of=" + D + ".json").toFile());
    assertThat(manifest.get("as_of").asText()).isEqualTo(D.toString());
    assertThat(manifest.get("usage_coverage").get("last_event_date").asText()).isEqualTo("2026-11-26");
    assertThat(manifest.get("usage_coverage").get("last_named_date").asText()).isEqualTo("2026-11-27");
    assertThat(manifest.get("usage_coverage").get("last_covered_date").asText()).isEqualTo("2026-11-27");
    List<String> warnings = new ArrayList<>();
    manifest.get("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).contains("usage/extra.csv: no events: the file is empty (0 bytes)",
        "usage/usage-2026-11-27.csv: no events: the file holds only a header");
    assertThat(rows(out, "quarantine/rejected_rows", D)).anySatisfy(r -> assertThat(r)
        .contains("source_file=usage/usage-2026-11-26.csv|").contains("column=event_time|")
        .contains("reason=Cannot accept event_time dated 2062-11-26: it is in the future, more than 1 day(s) after"
            + " the run's date 2026-11-28 (quality.max_future_days = 1)|"));
    // validate prints the last covered date, the empty file and the row in the future.
    java.io.StringWriter text = new java.io.StringWriter();
    assertThat(pipeline(input, dir.resolve("unused"), false).validate(new java.io.PrintWriter(text)))
        .isEqualTo(ExitCode.OK);
    assertThat(text.toString()).contains("warning: usage/extra.csv: no events: the file is empty (0 bytes)\n")
        .contains("warning: usage/usage-2026-11-27.csv: no events: the file holds only a header\n")
        .contains("usage/usage-2026-11-26.csv:" + (Files.readAllLines(before).size()) + ": column event_time: Cannot"
            + " accept event_time dated 2062-11-26: it is in the future")
        .contains("The usage logs cover up to 2026-11-27 (the last covered date, the default --as-of).\n")
        .contains("2 row(s) would be rejected; within the quality gate");
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
