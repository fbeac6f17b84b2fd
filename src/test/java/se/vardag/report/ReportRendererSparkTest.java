package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.VardagException;

class ReportRendererSparkTest {
  @Test
  void rendersFromThePublishedTablesIntoTheVersionFolder(@TempDir Path tmp) throws Exception {
    SparkSession spark = SparkTestSupport.spark();
    Path version = tmp.resolve("v1");
    ReportFixtures.writeVersionDir(spark, version, ReportFixtures.sample());

    ReportRenderer renderer = new ReportRenderer(ReportFixtures.config("sv", Map.of()));
    RenderedReport r = renderer.render(spark, version, ReportFixtures.D);

    Path dir = version.resolve("report");
    assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)).isEqualTo(r.fileHtml());
    assertThat(Files.readString(dir.resolve("report.txt"), StandardCharsets.UTF_8)).isEqualTo(r.text());
    assertThat(Files.readAllBytes(dir.resolve("initiatives.csv"))).isEqualTo(r.csv());
    assertThat(dir.resolve("charts/overview.png")).exists();
    assertThat(r.fileHtml()).contains("ITIL-incidenthantering i servicedesken", "14 indatarader avvisades",
        "Ägaren E1042 slutade 30 september 2026.");

    // The CSV is the published table, column for column, once the formula neutralisation is undone.
    assertThat(CsvTableComparison.parse(r.csv())).isEqualTo(CsvTableComparison.table(spark, version));

    // Same tables, same report: the data read through Spark gives what the in-memory data gives.
    RenderedReport direct = renderer.render(ReportFixtures.sample());
    assertThat(r.fileHtml()).isEqualTo(direct.fileHtml());
    assertThat(r.text()).isEqualTo(direct.text());

    // A re-render replaces the folder whole.
    Files.writeString(dir.resolve("charts/old.png"), "x");
    renderer.render(spark, version, ReportFixtures.D);
    assertThat(dir.resolve("charts/old.png")).doesNotExist();
    try (var s = Files.list(version)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".report"))).isEmpty();
    }
    assertThat(RenderedReport.load(dir).mailHtml()).isEqualTo(r.mailHtml());
  }

  @Test
  void aMissingTableSaysWhichAndHowToPublishIt(@TempDir Path tmp) {
    ReportRenderer renderer = new ReportRenderer(ReportFixtures.config("en", Map.of()));
    assertThatThrownBy(() -> renderer.render(SparkTestSupport.spark(), tmp, ReportFixtures.D))
        .isInstanceOf(VardagException.class)
        .hasMessageContaining("initiative_adoption")
        .hasMessageContaining("jobs/vardag nightly --as-of 2026-11-03")
        .satisfies(e -> assertThat(((VardagException) e).exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG));
  }

  @Test
  void aVersionFolderOfAnotherDateIsRefused(@TempDir Path tmp) {
    SparkSession spark = SparkTestSupport.spark();
    Path version = tmp.resolve("v");
    ReportFixtures.writeVersionDir(spark, version, ReportFixtures.sample());
    ReportRenderer renderer = new ReportRenderer(ReportFixtures.config("sv", Map.of()));
    assertThatThrownBy(() -> renderer.render(spark, version, ReportFixtures.D.plusDays(1)))
        .isInstanceOf(VardagException.class).hasMessageContaining("as of 2026-11-03");
  }

  @Test
  void withoutAManifestTheRejectedRowsTableStillCounts(@TempDir Path tmp) throws Exception {
    SparkSession spark = SparkTestSupport.spark();
    Path version = tmp.resolve("v");
    ReportFixtures.writeVersionDir(spark, version, ReportFixtures.sample());
    Files.delete(version.resolve("manifest.json"));
    RenderedReport r = new ReportRenderer(ReportFixtures.config("sv", Map.of())).render(spark, version,
        ReportFixtures.D);
    assertThat(r.fileHtml()).contains("manifest hittades inte", "14 indatarader avvisades", "usage/ 12");
    assertThat(List.of(r.subject())).allMatch(s -> !s.contains("\n"));
  }

  @Test
  void readsTheRevision2ColumnsAndKeysAndADatePublishedWithoutThemReadsAsBefore(@TempDir Path tmp) throws Exception {
    SparkSession spark = SparkTestSupport.spark();
    ReportRenderer renderer = new ReportRenderer(ReportFixtures.config("sv", Map.of()));
    Path version = tmp.resolve("v2");
    ReportData rev2 = ReportFixtures.sampleRevision2();
    ReportFixtures.writeVersionDir(spark, version, rev2);
    RenderedReport r = renderer.render(spark, version, ReportFixtures.D);
    // owner_name, the silent sources and the register rows come through the Parquet table and the manifest.
    assertThat(r.fileHtml()).isEqualTo(renderer.render(rev2).fileHtml());
    assertThat(r.fileHtml()).contains("Anna Svensson (E2210)", "Rad 14: I-017", "2 användningskällor har tystnat");

    // The same date as an older version published it: initiative_adoption without the revision-2 columns.
    java.util.List<org.apache.spark.sql.types.StructField> old = new java.util.ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : InitiativeRow.READ_SCHEMA.fields()) {
      if (!java.util.Arrays.asList(InitiativeRow.REVISION_2_COLUMNS.fieldNames()).contains(f.name())) {
        old.add(f);
      }
    }
    org.apache.spark.sql.types.StructType oldSchema = new org.apache.spark.sql.types.StructType(
        old.toArray(new org.apache.spark.sql.types.StructField[0]));
    java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
    for (InitiativeRow i : rev2.initiatives()) {
      rows.add(ReportFixtures.row(oldSchema, i.values()));
    }
    ReportFixtures.write(spark, version, se.vardag.model.Tables.INITIATIVE_ADOPTION, oldSchema, rows);
    RenderedReport before = renderer.render(spark, version, ReportFixtures.D);
    assertThat(before.fileHtml()).contains(">E2210, anställd<", "Ägaren E2210 har inte mandat")
        .doesNotContain("Anna Svensson");
  }
}
