package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;

/**
 * The report opens with what changed since the previous report (SPEC section 5), on data-samples:
 * against the previous published date, and in a backfill against the run's own previous date.
 * The expected verdict moves are read from the two dates' published tables with DuckDB.
 */
class ReportChangesEndToEndTest {
  private static final LocalDate EARLY = LocalDate.of(2026, 9, 15);
  private static final LocalDate D = LocalDate.of(2026, 11, 27);

  @TempDir
  static Path dir;

  private static VardagConfig config;
  private static Path samples;

  @BeforeAll
  static void setUp() {
    SparkTestSupport.spark();
    samples = Path.of(System.getProperty("vardag.project.dir", ".")).resolve("data-samples");
    config = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_TO", ""));
  }

  private static Pipeline pipeline(Path out) {
    return new Pipeline(config, new Pipeline.Options(samples, out, null, false),
        Clock.fixed(Instant.parse("2026-11-28T02:15:00Z"), ZoneOffset.UTC), dir.resolve("home"),
        se.vardag.cli.TestStages.reportAndOutbox(config, out));
  }

  private static String text(Path out, LocalDate d) throws Exception {
    return Files.readString(out.resolve("reports").resolve("as_of=" + d).resolve("report.txt"), StandardCharsets.UTF_8);
  }

  /** "Name: from → to" for every initiative whose verdict differs between the two dates, via DuckDB. */
  private static List<String> moves(Path out, LocalDate from, LocalDate to) throws Exception {
    List<String> lines = new ArrayList<>();
    String table = "read_parquet('" + out.resolve("initiative_adoption") + "/*/*.parquet', hive_partitioning = true)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT b.name, a.verdict, b.verdict FROM " + table + " a JOIN " + table
            + " b USING (initiative_id) WHERE a.as_of = DATE '" + from + "' AND b.as_of = DATE '" + to
            + "' AND a.verdict <> b.verdict ORDER BY b.initiative_id")) {
      while (rs.next()) {
        lines.add(rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3));
      }
    }
    return lines;
  }

  @Test
  void theFirstReportHasNothingToCompareAndTheNextNamesTheDateAndEveryMove() throws Exception {
    Path out = dir.resolve("nightly");
    assertThat(pipeline(out).nightly(Optional.of(EARLY))).isEqualTo(ExitCode.OK);
    assertThat(pipeline(out).nightly(Optional.of(D))).isEqualTo(ExitCode.OK);

    assertThat(text(out, EARLY)).doesNotContain("Förändringar sedan");
    String report = text(out, D);
    assertThat(report).contains("== Förändringar sedan 15 september 2026 ==");
    String html = Files.readString(out.resolve("reports").resolve("as_of=" + D).resolve("report.html"),
        StandardCharsets.UTF_8);
    List<String> moves = moves(out, EARLY, D);
    assertThat(moves).as("data-samples has verdicts that moved in ten weeks (INI-004 lost its owner on 2026-09-30)").isNotEmpty();
    for (String move : moves) {
      String words = move.replace("lacks_follow_through", "Saknar förankring").replace("at_risk", "I riskzonen")
          .replace("in_pilot", "I pilot").replace("on_track", "På rätt spår").replace("stopped", "Stoppat");
      assertThat(html).contains(words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
          .replace("\"", "&quot;"));
    }
  }

  @Test
  void aBackfillComparesEachDateWithItsOwnPreviousDate() throws Exception {
    Path out = dir.resolve("backfill");
    assertThat(pipeline(out).backfill(D.minusDays(1), D)).isEqualTo(ExitCode.OK);
    assertThat(text(out, D.minusDays(1))).doesNotContain("Förändringar sedan");
    assertThat(text(out, D)).contains("Förändringar sedan 26 november 2026");
    // D's report compared with D-1's rows just computed (in memory) is the one D-1's published tables give.
    Path versionDir = out.resolve("reports/as_of=" + D).toRealPath().getParent();
    Path earlierDir = out.resolve("reports/as_of=" + D.minusDays(1)).toRealPath().getParent();
    Path copy = dir.resolve("backfill-re-render").resolve(D.toString());
    try (var files = Files.walk(versionDir)) {
      for (Path f : files.filter(f -> !f.startsWith(versionDir.resolve("report"))).toList()) {
        Path target = copy.resolve(versionDir.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    new se.vardag.report.ReportRenderer(config).render(SparkTestSupport.spark(), copy, D,
        new se.vardag.report.ReportRenderer.Earlier(D.minusDays(1), earlierDir));
    for (String name : List.of("report.txt", "report.html", "report.pdf")) {
      assertThat(Files.readAllBytes(copy.resolve("report").resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(versionDir.resolve("report").resolve(name)));
    }
  }
}
