package se.vardag.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.LocalFiles;
import se.vardag.Location;
import se.vardag.SparkTestSupport;
import se.vardag.VardagException;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;
import se.vardag.run.OutputLock;
import se.vardag.run.Pipeline;
import se.vardag.run.ReportStages;

/**
 * {@code --output s3a://…} with {@code output.format = delta} (issue 12): the nightly job on
 * data-samples writes everything (Delta tables, version folders with quarantine, report and mail
 * plan, the pointer per date, the usage store, the ledger, the outbox, the manifests) to a bucket of
 * a real S3 API server (S3Mock) through Hadoop's S3A connector, and its tables equal a local Parquet
 * run's; a rerun replaces D and sends no mail twice; a run is refused while the lock object is there.
 */
class ObjectStoreOutputTest {
  private static final LocalDate D = LocalDate.parse("2026-11-27");
  private static final Clock NIGHT_AFTER_D = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
  private static final Clock MAIL = Clock.fixed(Instant.parse("2026-11-28T02:15:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  static S3MockServer s3;
  static SparkSession spark;
  static Path samples;
  static FsConf fs;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.shared();
    spark = SparkTestSupport.spark();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    s3.hadoopSettings().forEach(hadoop::set);
    fs = FsConf.of(hadoop);
    samples = Path.of(System.getProperty("vardag.project.dir", ".")).resolve("data-samples");
  }

  private static ExitCode nightly(VardagConfig config, Location out) {
    return new Pipeline(config, new Pipeline.Options(Location.of(samples), out, null, false), NIGHT_AFTER_D,
        dir.resolve("home"), ReportStages.afterPublish(config, out, MAIL, false)).nightly(Optional.of(D));
  }

  private static VardagConfig delta() {
    return ConfigLoader.load(Optional.empty(), Map.of("VARDAG_OUTPUT_FORMAT", "delta"));
  }

  /** A table's rows as text, in the columns of its schema, sorted. */
  private static List<String> rows(org.apache.spark.sql.Dataset<Row> data, String table) {
    String[] columns = Tables.schemaOf(table).fieldNames();
    return data.selectExpr(columns).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<String> localRows(Path output, String part, String table) {
    return rows(spark.read().schema(Tables.schemaOf(table)).parquet(LocalFiles.sparkPath(output.resolve(part))), table);
  }

  private static List<String> deltaRows(Location output, String table) {
    return rows(spark.read().format("delta").load(output + "/delta/" + table).where("as_of = DATE '" + D + "'"), table);
  }

  private static JsonNode json(Location file) throws Exception {
    return JSON.readTree(file.with(fs).readAllBytes());
  }

  @Test
  void aDeltaOutputOnS3PublishesTheTablesOfALocalParquetRunAndARerunReplacesThem() throws Exception {
    Path local = dir.resolve("local");
    assertThat(nightly(ConfigLoader.load(Optional.empty(), Map.of()), Location.of(local))).isEqualTo(ExitCode.OK);
    Location remote = Location.of(s3.uri("out-delta")).with(fs);
    assertThat(nightly(delta(), remote)).isEqualTo(ExitCode.OK);

    for (String table : Tables.ANALYST_TABLES) {
      assertThat(deltaRows(remote, table)).as(table).isNotEmpty()
          .isEqualTo(localRows(local, table + "/as_of=" + D, table));
    }
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    boolean kernelEqual = DeltaKernelDiff.compare(local, remote.toString(), D, fs.configuration(),
        new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(kernelEqual).as(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).isTrue();
    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(Tables.INITIATIVE_ADOPTION + " (Delta version 1): ").endsWith("All published tables are equal.\n");
    JsonNode pointer = json(remote.resolve("_published/as_of=" + D + ".json"));
    assertThat(pointer.path("as_of").asText()).isEqualTo(D.toString());
    assertThat(pointer.path("previous").isNull()).isTrue();
    Location version = remote.resolve(pointer.path("version").asText());
    assertThat(rows(spark.read().schema(Tables.REJECTED_ROWS_SCHEMA).parquet(version.resolve(Tables.REJECTED_ROWS)
        .sparkPath()), Tables.REJECTED_ROWS))
        .isNotEmpty()
        .isEqualTo(localRows(local, Tables.QUARANTINE_DIR + "/" + Tables.REJECTED_ROWS + "/as_of=" + D,
            Tables.REJECTED_ROWS));
    assertThat(new String(version.resolve("report/report.html").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(java.nio.file.Files.readString(local.resolve("reports/as_of=" + D + "/report.html")));
    assertThat(json(version.resolve(Tables.MANIFEST_FILE)).path("as_of").asText()).isEqualTo(D.toString());
    assertThat(version.resolve("mail/plan.json").isFile()).isTrue();
    assertThat(remote.resolve("_state/usage/index.json").isFile()).isTrue();
    assertThat(remote.resolve("_delivery/ledger/" + D + ".jsonl").isFile()).isTrue();
    assertThat(remote.resolve(".vardag.lock").exists()).as("the lock object is deleted at the end").isFalse();
    List<String> mail = remote.resolve("outbox").entries().stream().map(Location.Entry::name).toList();
    assertThat(mail).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith(D + "_").endsWith(".eml"));
    assertThat(mail).hasSameSizeAs(java.nio.file.Files.list(local.resolve("outbox")).toList());
    JsonNode log = json(remote.resolve("delta/_publications").resolve(remote.resolve("delta/_publications")
        .entries().get(0).name()));
    assertThat(log.path("tables").path(Tables.INITIATIVE_ADOPTION).path("version").asLong()).isEqualTo(1L);

    // A rerun of D: a new version of every table, the pointer names the new folder and keeps the old one.
    assertThat(nightly(delta(), remote)).isEqualTo(ExitCode.OK);
    for (String table : Tables.ANALYST_TABLES) {
      assertThat(deltaRows(remote, table)).as(table).isEqualTo(localRows(local, table + "/as_of=" + D, table));
    }
    JsonNode again = json(remote.resolve("_published/as_of=" + D + ".json"));
    assertThat(again.path("version").asText()).isNotEqualTo(pointer.path("version").asText());
    assertThat(again.path("previous").asText()).isEqualTo(pointer.path("version").asText());
    assertThat(remote.resolve(again.path("version").asText()).resolve("report/report.html").isFile()).isTrue();
    assertThat(remote.resolve("_versions").entries()).as("the run folders: this run's and the one it replaced")
        .hasSize(2);
    assertThat(remote.resolve("outbox").entries()).as("nobody gets D's mail twice").hasSize(mail.size());
    assertThat(spark.sql("DESCRIBE HISTORY delta.`" + remote + "/delta/" + Tables.INITIATIVE_ADOPTION + "`")
        .selectExpr("max(version)").first().getLong(0)).isEqualTo(2L);

    // 'report --as-of D': a copy of D's version folder with a new report, switched like a nightly run;
    // no commit, no second mail.
    assertThat(new se.vardag.run.ReportRun(delta(), Location.of(s3.uri("out-delta")), null, MAIL).run(D, false))
        .isEqualTo(ExitCode.OK);
    JsonNode rendered = json(remote.resolve("_published/as_of=" + D + ".json"));
    assertThat(rendered.path("previous").asText()).isEqualTo(again.path("version").asText());
    Location reRendered = remote.resolve(rendered.path("version").asText());
    assertThat(new String(reRendered.resolve("report/report.html").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(java.nio.file.Files.readString(local.resolve("reports/as_of=" + D + "/report.html")));
    assertThat(reRendered.resolve(Tables.MANIFEST_FILE).isFile()).isTrue();
    assertThat(reRendered.resolve(Tables.REJECTED_ROWS).entries()).isNotEmpty();
    assertThat(remote.resolve("outbox").entries()).hasSize(mail.size());
    assertThat(spark.sql("DESCRIBE HISTORY delta.`" + remote + "/delta/" + Tables.INITIATIVE_ADOPTION + "`")
        .selectExpr("max(version)").first().getLong(0)).isEqualTo(2L);
    // Three versions of D were published: the first is gone, the one it replaced last is kept.
    assertThat(remote.resolve(pointer.path("version").asText()).exists()).isFalse();
    assertThat(remote.resolve(again.path("version").asText()).resolve("report/report.html").isFile()).isTrue();
    assertThat(remote.resolve("_versions").entries()).hasSize(2);
  }

  @Test
  void aRunIsRefusedWhileAnotherHoldsTheLockObject() {
    Location remote = Location.of(s3.uri("out-locked")).with(fs);
    try (OutputLock held = OutputLock.acquire(remote, fs, "20261128T020000Z-aaaa", Instant.parse("2026-11-28T02:00:00Z"))) {
      assertThatThrownBy(() -> nightly(delta(), remote))
          .isInstanceOf(VardagException.class)
          .satisfies(e -> assertThat(((VardagException) e).exitCode()).isEqualTo(ExitCode.ALREADY_RUNNING))
          .hasMessageContaining("20261128T020000Z-aaaa");
    }
  }
}
