package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;
import se.vardag.publish.DeltaLogReader;
import se.vardag.publish.DeltaTables;
import se.vardag.publish.PublicationLog;

/**
 * output.format = delta on a local output folder (SPEC section 5): every analyst table is a Delta
 * table partitioned by as_of with the rows a Parquet run publishes, a rerun of D is one new version
 * per table that leaves other dates alone, and the publication log's versions read back, by time
 * travel, what the report of D was made from. Rows are read back with {@link DeltaLogReader}
 * (the Delta log replayed by hand, the files read by DuckDB), not by the writer's own library.
 */
class DeltaOutputTest {
  private static final LocalDate D = TestOrganisation.LAST_DAY;
  private static final Map<String, String> ENV = Map.of("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.05",
      "VARDAG_SPARK_SHUFFLE_PARTITIONS", "4");
  private static final VardagConfig PARQUET = ConfigLoader.load(Optional.empty(), ENV);
  private static final VardagConfig DELTA = ConfigLoader.load(Optional.empty(), with("VARDAG_OUTPUT_FORMAT", "delta"));
  private static final Clock NIGHT_AFTER_D = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  @BeforeAll
  static void organisation() throws IOException {
    SparkTestSupport.spark();
    TestOrganisation.write(shared.resolve("in"), 70, 42);
  }

  private static Map<String, String> with(String... keyValues) {
    Map<String, String> env = new HashMap<>(ENV);
    for (int k = 0; k < keyValues.length; k += 2) {
      env.put(keyValues[k], keyValues[k + 1]);
    }
    return env;
  }

  private static ExitCode nightly(VardagConfig config, Path input, Path output, LocalDate asOf) {
    return new Pipeline(config, new Pipeline.Options(input, output, null, false), NIGHT_AFTER_D, shared.resolve("home"),
        PipelineTest.noReport()).nightly(Optional.of(asOf));
  }

  private static DeltaLogReader reader(Path output, String table) {
    return new DeltaLogReader(DeltaTables.tableDir(se.vardag.Location.of(output), table).path());
  }

  private static List<String> latest(Path output, String table, LocalDate d) throws Exception {
    DeltaLogReader r = reader(output, table);
    return r.rows(r.latestVersion(), d);
  }

  @Test
  void everyAnalystTableIsADeltaTableWithTheRowsOfAParquetRun() throws Exception {
    Path parquet = dir.resolve("parquet");
    Path delta = dir.resolve("delta-out");
    assertThat(nightly(PARQUET, shared.resolve("in"), parquet, D)).isEqualTo(ExitCode.OK);
    assertThat(nightly(DELTA, shared.resolve("in"), delta, D)).isEqualTo(ExitCode.OK);

    for (String table : Tables.ANALYST_TABLES) {
      Path log = DeltaTables.tableDir(se.vardag.Location.of(delta), table).path().resolve("_delta_log");
      assertThat(log.resolve("00000000000000000000.json")).as(table).isRegularFile();
      // Version 0 creates the table (schema, as_of partitioning, retention); version 1 is D's commit.
      DeltaLogReader r = reader(delta, table);
      assertThat(r.latestVersion()).as(table).isEqualTo(1);
      JsonNode metaData = r.commit(0).stream().filter(a -> a.has("metaData")).findFirst().orElseThrow().get("metaData");
      assertThat(metaData.get("partitionColumns").toString()).isEqualTo("[\"as_of\"]");
      assertThat(metaData.get("configuration").get("delta.logRetentionDuration").asText()).isEqualTo("interval 90 days");
      assertThat(metaData.get("configuration").get("delta.deletedFileRetentionDuration").asText())
          .isEqualTo("interval 90 days");
      List<String> expected = PipelineTest.rows(parquet, table, D);
      assertThat(expected).as(table).isNotEmpty();
      assertThat(r.rows(1, D)).as(table).isEqualTo(expected);
      // No Parquet links for the analysts' tables beside the Delta tables.
      assertThat(delta.resolve(table)).as(table).doesNotExist();
    }
    // The data team's quarantine, the report folder's link and the manifest are published as in the Parquet layout.
    assertThat(PipelineTest.rows(delta, "quarantine/rejected_rows", D))
        .isEqualTo(PipelineTest.rows(parquet, "quarantine/rejected_rows", D)).hasSize(1);
    assertThat(delta.resolve("manifests/as_of=" + D + ".json")).isRegularFile();
    assertThat(Files.isSymbolicLink(delta.resolve("_published/as_of=" + D))).isTrue();

    // Spark SQL reads the path as analysts would (docs/operations.md); populations as in PipelineTest.
    SparkSession spark = SparkTestSupport.spark();
    List<String> populations = new ArrayList<>();
    for (Row row : spark.sql("SELECT initiative_id, target_population FROM delta.`"
        + DeltaTables.uri(DeltaTables.tableDir(se.vardag.Location.of(delta), Tables.INITIATIVE_ADOPTION)) + "` WHERE as_of = DATE '" + D
        + "' ORDER BY initiative_id").collectAsList()) {
      populations.add(row.getString(0) + " " + row.getLong(1));
    }
    assertThat(populations).containsExactly("AI 29", "ESIGN 14", "ITIL 29", "OLD 15");

    // The publication log and the run manifest name the versions.
    assertThat(PublicationLog.read(se.vardag.Location.of(delta), se.vardag.FsConf.none())).singleElement().satisfies(e -> {
      assertThat(e.dates()).containsExactly(D);
      assertThat(e.versions()).containsOnlyKeys(Tables.ANALYST_TABLES).allSatisfy((t, v) -> assertThat(v).isEqualTo(1L));
    });
    JsonNode run = PipelineTest.runManifests(delta).get(0);
    assertThat(run.get("delta").get("tables").get(Tables.FOLLOW_THROUGH_FLAGS).get("version").asLong()).isEqualTo(1);
    assertThat(run.get("config").get("output.format").asText()).isEqualTo("delta");
  }

  @Test
  void aRerunOfDIsANewVersionOfDAloneAndTimeTravelReadsWhatTheFirstRunPublished() throws Exception {
    Path input = dir.resolve("in");
    TestOrganisation.write(input, 70, 42);
    Path out = dir.resolve("out");
    LocalDate earlier = D.minusDays(3);
    nightly(DELTA, input, out, earlier); // version 1 of every table
    nightly(DELTA, input, out, D); // version 2
    Map<String, List<String>> first = new HashMap<>();
    Map<String, List<String>> other = new HashMap<>();
    for (String table : Tables.ANALYST_TABLES) {
      first.put(table, latest(out, table, D));
      other.put(table, latest(out, table, earlier));
      assertThat(first.get(table)).as(table).isNotEmpty();
    }
    // D-3 is another date: its follow-up is 4 days old, D's 7 (ITIL's last follow-up is on 11-20).
    assertThat(other.get(Tables.INITIATIVE_ADOPTION)).anySatisfy(r -> assertThat(r)
        .startsWith("initiative_id=ITIL|").contains("|days_since_follow_up=4|").endsWith("|as_of=" + earlier + "|"));
    assertThat(first.get(Tables.INITIATIVE_ADOPTION)).anySatisfy(r -> assertThat(r)
        .startsWith("initiative_id=ITIL|").contains("|days_since_follow_up=7|").endsWith("|as_of=" + D + "|"));

    // The same input again: a new version per table, the same rows of D, D-3 untouched.
    nightly(DELTA, input, out, D); // version 3
    for (String table : Tables.ANALYST_TABLES) {
      DeltaLogReader r = reader(out, table);
      assertThat(r.latestVersion()).as(table).isEqualTo(3);
      assertThat(r.rows(3, D)).as(table).isEqualTo(first.get(table));
      assertThat(r.rows(3, earlier)).as(table).isEqualTo(other.get(table));
      // One replaceWhere commit: it removed files of D only.
      assertThat(r.removedPartitions(3)).as(table).isNotEmpty().containsOnly(D.toString());
    }
    assertThat(latest(out, Tables.INITIATIVE_ADOPTION, D)).hasSize(4);

    // A changed register and a longer retention.days, D again: the retention properties are set on the
    // existing tables (version 4), D's rows change (version 5), D-3 keeps what was published for it.
    Files.writeString(input.resolve("initiatives.csv"), Files.readString(input.resolve("initiatives.csv"))
        .replace(",E-underskrift,", ",E-underskrift 2.0,"));
    nightly(ConfigLoader.load(Optional.empty(), with("VARDAG_OUTPUT_FORMAT", "delta", "VARDAG_RETENTION_DAYS", "400")),
        input, out, D);
    SparkSession spark = SparkTestSupport.spark();
    for (String table : Tables.ANALYST_TABLES) {
      DeltaLogReader r = reader(out, table);
      assertThat(r.latestVersion()).as(table).isEqualTo(5);
      Map<String, String> props = io.delta.tables.DeltaTable.forPath(spark, DeltaTables.uri(DeltaTables.tableDir(se.vardag.Location.of(out),
          table))).detail().select("properties").first().getJavaMap(0);
      assertThat(props).as(table).containsEntry("delta.logRetentionDuration", "interval 400 days")
          .containsEntry("delta.deletedFileRetentionDuration", "interval 400 days");
      assertThat(r.removedPartitions(4)).as(table).isEmpty();
      assertThat(latest(out, table, D)).as(table).isNotEqualTo(first.get(table));
      assertThat(latest(out, table, earlier)).as(table).isEqualTo(other.get(table));
    }
    assertThat(latest(out, Tables.INITIATIVE_ADOPTION, D)).anySatisfy(r -> assertThat(r)
        .startsWith("initiative_id=ESIGN|name=E-underskrift 2.0|"));

    // The publication log: four runs; the first run of D committed version 2 of every table.
    List<PublicationLog.Entry> log = PublicationLog.read(se.vardag.Location.of(out), se.vardag.FsConf.none());
    assertThat(log).extracting(PublicationLog.Entry::dates).containsExactly(List.of(earlier), List.of(D), List.of(D),
        List.of(D));
    assertThat(log.get(1).versions()).allSatisfy((t, v) -> assertThat(v).isEqualTo(2L));
    assertThat(PublicationLog.latest(se.vardag.Location.of(out), se.vardag.FsConf.none(), D).orElseThrow().versions()).allSatisfy((t, v) -> assertThat(v).isEqualTo(5L));
    assertThat(PublicationLog.latest(se.vardag.Location.of(out), se.vardag.FsConf.none(), earlier).orElseThrow().versions())
        .allSatisfy((t, v) -> assertThat(v).isEqualTo(1L));
    // Time travel to those versions returns the first run's rows: by hand from the log, and through Spark.
    for (String table : Tables.ANALYST_TABLES) {
      long version = log.get(1).versions().get(table);
      assertThat(reader(out, table).rows(version, D)).as(table).isEqualTo(first.get(table));
      long sparkRows = spark.read().format("delta").option("versionAsOf", version)
          .load(DeltaTables.uri(DeltaTables.tableDir(se.vardag.Location.of(out), table))).where("as_of = DATE '" + D + "'").count();
      assertThat(sparkRows).as(table).isEqualTo(first.get(table).size());
    }
    assertThat(spark.read().format("delta").option("versionAsOf", 2)
        .load(DeltaTables.uri(DeltaTables.tableDir(se.vardag.Location.of(out), Tables.INITIATIVE_ADOPTION)))
        .where("as_of = DATE '" + D + "' AND initiative_id = 'ESIGN'").first().<String>getAs("name"))
        .isEqualTo("E-underskrift");
  }

  @Test
  void aBackfillCommitsItsDatesOnceAndPublishesWhatSeparateNightlyRunsPublish() throws Exception {
    Path backfilled = dir.resolve("backfill");
    Path separate = dir.resolve("separate");
    LocalDate from = D.minusDays(2);
    assertThat(new Pipeline(DELTA, new Pipeline.Options(shared.resolve("in"), backfilled, null, false), NIGHT_AFTER_D,
        shared.resolve("home"), PipelineTest.noReport()).backfill(from, D)).isEqualTo(ExitCode.OK);
    for (LocalDate d = from; !d.isAfter(D); d = d.plusDays(1)) {
      assertThat(nightly(DELTA, shared.resolve("in"), separate, d)).isEqualTo(ExitCode.OK);
    }
    List<String> dates = List.of(from.toString(), from.plusDays(1).toString(), D.toString());
    for (String table : Tables.ANALYST_TABLES) {
      DeltaLogReader r = reader(backfilled, table);
      // One commit (version 1) for the three dates; the separate runs made versions 1, 2 and 3.
      assertThat(r.latestVersion()).as(table).isEqualTo(1);
      assertThat(reader(separate, table).latestVersion()).as(table).isEqualTo(3);
      assertThat(r.files(1).values()).as(table).containsExactlyInAnyOrderElementsOf(dates);
      for (LocalDate d = from; !d.isAfter(D); d = d.plusDays(1)) {
        assertThat(r.rows(1, d)).as(table + " " + d).isNotEmpty().isEqualTo(latest(separate, table, d));
      }
    }
    assertThat(PublicationLog.read(se.vardag.Location.of(backfilled), se.vardag.FsConf.none())).singleElement().satisfies(e -> {
      assertThat(e.dates()).containsExactly(from, from.plusDays(1), D);
      assertThat(e.versions()).allSatisfy((t, v) -> assertThat(v).isEqualTo(1L));
    });
  }
}
