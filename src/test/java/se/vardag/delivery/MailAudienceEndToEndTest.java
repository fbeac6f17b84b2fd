package se.vardag.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.delivery.DeliveryTestSupport.bytes;
import static se.vardag.delivery.DeliveryTestSupport.env;
import static se.vardag.delivery.DeliveryTestSupport.leaves;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.config.VardagConfig;
import se.vardag.report.ReportFixtures;
import se.vardag.run.Pipeline;

/**
 * Tried as leadership and owners would (issue 11): data-samples, nightly runs for two dates a week
 * apart (both run on 28 November, when the usage files of both are in) and a rerun, delivered to a real SMTP server (GreenMail). Leadership gets a digest that names the date it
 * compares with and carries the PDF; each owner employed at D gets their own initiatives only; the
 * owner of INI-004, who left on 2026-09-30, gets nothing; the head of IT (recipients file, scope IT)
 * gets INI-001, INI-002 and INI-007 (targets IT/Service Desk Nord, IT/Service Desk Syd, IT/Drift and
 * IT/Utveckling); nobody gets a second copy on the rerun. With {@code report.cadence = monday}, the week
 * INI-004's owner leaves: Monday's full report, then an alert exactly on the days DuckDB finds a verdict
 * worse or a high flag raised since the recipient's last mail.
 */
class MailAudienceEndToEndTest {
  static final LocalDate WEEK_1 = LocalDate.of(2026, 11, 20);
  static final LocalDate WEEK_2 = LocalDate.of(2026, 11, 27);
  static final String LEADERSHIP = "ledningsgruppen@vardagsverket.example";
  static final String IT_HEAD = "it-chef@vardagsverket.example";
  /** The owners employed at both dates with an email in data-samples' roster, and their initiatives. */
  static final List<String[]> OWNERS = List.of(
      new String[] {"leyla.lindqvist@vardagsverket.example", "INI-001"},
      new String[] {"sofia.arvidsson@vardagsverket.example", "INI-005"},
      new String[] {"britt-marie.jonsson@vardagsverket.example", "INI-006"},
      new String[] {"viktor.hansson@vardagsverket.example", "INI-007"},
      new String[] {"ahmed.gustafsson@vardagsverket.example", "INI-008"},
      new String[] {"lars.bergstrom@vardagsverket.example", "INI-009"});
  static final String LEFT = "mattias.lind@vardagsverket.example";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir
  static Path dir;

  static Path samples;

  @BeforeAll
  static void setUp() {
    SparkTestSupport.spark();
    samples = Path.of(System.getProperty("vardag.project.dir", ".")).resolve("data-samples");
  }

  static VardagConfig config() throws Exception {
    Path recipients = dir.resolve("recipients.csv");
    Files.writeString(recipients, "email,scope\n" + IT_HEAD + ",IT\n", StandardCharsets.UTF_8);
    return DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", LEADERSHIP, "VARDAG_MAIL_OWNERS", "true",
        "VARDAG_MAIL_RECIPIENTS_FILE", recipients.toString(), "VARDAG_MAIL_SMTP_HOST", "127.0.0.1",
        "VARDAG_MAIL_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort())));
  }

  static ExitCode nightly(VardagConfig config, Path out, LocalDate d, String clock) {
    Clock c = Clock.fixed(Instant.parse(clock), ZoneOffset.UTC);
    return new Pipeline(config, new Pipeline.Options(samples, out, null, false), c, dir.resolve("home"),
        se.vardag.cli.TestStages.reportAndDelivery(config, out, c)).nightly(Optional.of(d));
  }

  static List<MimeMessage> to(String recipient) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
        out.add(m);
      }
    }
    return out;
  }

  static Part part(MimeMessage m, String type) throws Exception {
    for (Part p : leaves(m)) {
      if (p.isMimeType(type)) {
        return p;
      }
    }
    return null;
  }

  /** The initiative ids in a message's CSV attachment. */
  static TreeSet<String> ids(MimeMessage m) throws Exception {
    String csv = new String(bytes(part(m, "text/csv")), StandardCharsets.UTF_8);
    TreeSet<String> ids = new TreeSet<>();
    Matcher matcher = Pattern.compile("(?m)^\"?(INI-\\d{3})").matcher(csv.replace("\uFEFF", ""));
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  static String text(MimeMessage m) throws Exception {
    return new String(bytes(part(m, "text/plain")), StandardCharsets.UTF_8);
  }

  @Test
  void twoRunsAWeekApartAndARerunSendEachRecipientTheirOwnScopeOncePerDate() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    VardagConfig config = config();
    Path out = dir.resolve("out");
    assertThat(nightly(config, out, WEEK_1, "2026-11-28T01:15:00Z")).isEqualTo(ExitCode.OK);
    assertThat(greenMail.getReceivedMessages()).hasSize(2 + OWNERS.size());
    assertThat(nightly(config, out, WEEK_2, "2026-11-28T02:15:00Z")).isEqualTo(ExitCode.OK);
    assertThat(greenMail.getReceivedMessages()).hasSize(2 * (2 + OWNERS.size()));

    // Leadership: a digest for 27 November that compares with 20 November, the whole report as a PDF.
    List<MimeMessage> leadership = to(LEADERSHIP);
    assertThat(leadership).hasSize(2);
    MimeMessage second = leadership.get(1);
    assertThat(second.getSubject()).startsWith("Vardag 27 november 2026: ");
    assertThat(text(leadership.get(0))).doesNotContain("Förändringar sedan");
    assertThat(text(second)).contains("== Förändringar sedan 20 november 2026 ==");
    Part pdf = part(second, "application/pdf");
    assertThat(pdf).isNotNull();
    assertThat(pdf.getFileName()).isEqualTo("initiativrapport-2026-11-27.pdf");
    assertThat(new String(bytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(ids(second)).hasSize(9);

    // Each owner: their own initiative, both weeks, and the second compares with the first.
    for (String[] owner : OWNERS) {
      List<MimeMessage> mails = to(owner[0]);
      assertThat(mails).as(owner[0]).hasSize(2);
      for (MimeMessage m : mails) {
        assertThat(ids(m)).as(owner[0]).containsExactly(owner[1]);
        assertThat(text(m)).as(owner[0]).contains("DINA INITIATIV SOM ÄGARE");
      }
      assertThat(text(mails.get(1))).contains("Förändringar sedan 20 november 2026");
      assertThat(part(mails.get(1), "application/pdf")).isNotNull();
    }
    // INI-004's owner left on 2026-09-30: no mail at all.
    assertThat(to(LEFT)).isEmpty();
    // The head of IT: the initiatives whose targets lie under IT.
    List<MimeMessage> itHead = to(IT_HEAD);
    assertThat(itHead).hasSize(2);
    assertThat(ids(itHead.get(1))).containsExactly("INI-001", "INI-002", "INI-007");
    assertThat(text(itHead.get(1))).contains("INITIATIVEN FÖR IT").doesNotContain("Ekonomi");

    // The rerun of 27 November sends nobody a second copy.
    assertThat(nightly(config, out, WEEK_2, "2026-11-28T03:15:00Z")).isEqualTo(ExitCode.OK);
    assertThat(greenMail.getReceivedMessages()).hasSize(2 * (2 + OWNERS.size()));
    String ledger = Files.readString(out.resolve("_delivery/ledger.jsonl"), StandardCharsets.UTF_8);
    assertThat(ledger).contains("\"kind\":\"report\"").doesNotContain(LEFT);
    assertThat(out.resolve("reports/as_of=" + WEEK_2)).exists();

    // 'jobs/vardag report --as-of D' re-renders and re-plans from the published tables alone: still no
    // second copy; with --resend everyone gets D's mail again. Each run leaves its manifest.
    se.vardag.run.ReportRun report = new se.vardag.run.ReportRun(config, out, null,
        Clock.fixed(Instant.parse("2026-11-28T04:15:00Z"), ZoneOffset.UTC));
    assertThat(report.run(WEEK_2, false)).isEqualTo(ExitCode.OK);
    assertThat(greenMail.getReceivedMessages()).hasSize(2 * (2 + OWNERS.size()));
    assertThat(report.run(WEEK_2, true)).isEqualTo(ExitCode.OK);
    assertThat(greenMail.getReceivedMessages()).hasSize(3 * (2 + OWNERS.size()));
    assertThat(ids(to(OWNERS.get(0)[0]).get(2))).containsExactly(OWNERS.get(0)[1]);
    List<String> reportRuns = new ArrayList<>();
    try (var files = Files.list(out.resolve("runs"))) {
      for (Path f : files.toList()) {
        String json = Files.readString(f, StandardCharsets.UTF_8);
        if (json.contains("\"command\" : \"report\"")) {
          reportRuns.add(json);
        }
      }
    }
    assertThat(reportRuns).hasSize(2).allSatisfy(j -> assertThat(j).contains("\"exit_code\" : 0", "\"delivery\""));
  }

  @Test
  void aReportForADateThatIsNotPublishedIsRefusedWithItsRemedy() throws Exception {
    Path out = dir.resolve("empty");
    Files.createDirectories(out);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new se.vardag.run.ReportRun(config(), out, null,
        Clock.systemUTC()).run(WEEK_1, false))
        .isInstanceOfSatisfying(se.vardag.VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot re-render the report for 2026-11-20: nothing is published for 2026-11-20 under " + out
            + ". Run 'jobs/vardag nightly --as-of 2026-11-20' first.");
  }

  /**
   * Whether, between two published dates, a verdict in {@code ids} got worse or a high flag was raised
   * (SPEC section 7's alert), read from the published tables with DuckDB: an independent reading of
   * the rule the planner applies.
   */
  static boolean worse(Path out, LocalDate from, LocalDate to, List<String> ids) throws Exception {
    String in = ids.stream().map(i -> "'" + i + "'").reduce((x, y) -> x + "," + y).orElseThrow();
    String adoption = "read_parquet('" + out.resolve("initiative_adoption") + "/*/*.parquet', hive_partitioning = true)";
    String flags = "read_parquet('" + out.resolve("follow_through_flags") + "/*/*.parquet', hive_partitioning = true)";
    String rank = "CASE %s WHEN 'lacks_follow_through' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'in_pilot' THEN 2 "
        + "WHEN 'on_track' THEN 3 END";
    String sql = "SELECT (SELECT count(*) FROM " + adoption + " a JOIN " + adoption + " b USING (initiative_id) "
        + "WHERE a.as_of = DATE '" + from + "' AND b.as_of = DATE '" + to + "' AND initiative_id IN (" + in + ") "
        + "AND a.verdict <> 'stopped' AND b.verdict <> 'stopped' AND " + String.format(rank, "b.verdict") + " < "
        + String.format(rank, "a.verdict") + ") + (SELECT count(*) FROM " + flags + " f WHERE f.as_of = DATE '" + to
        + "' AND f.severity = 'high' AND f.initiative_id IN (" + in + ") AND f.initiative_id IN (SELECT initiative_id "
        + "FROM " + adoption + " WHERE as_of = DATE '" + from + "') AND NOT EXISTS (SELECT 1 FROM " + flags
        + " e WHERE e.as_of = DATE '" + from + "' AND e.initiative_id = f.initiative_id AND e.code = f.code))";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  @Test
  void aWeeklyCadenceSendsTheReportOnMondayAndBetweenOnlyAlertsForWhatGotWorse() throws Exception {
    VardagConfig weekly = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "vecka@vardagsverket.example",
        "VARDAG_MAIL_OWNERS", "true", "VARDAG_REPORT_CADENCE", "monday", "VARDAG_MAIL_SMTP_HOST", "127.0.0.1",
        "VARDAG_MAIL_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort())));
    greenMail.purgeEmailFromAllMailboxes();
    Path out = dir.resolve("weekly");
    // The week INI-004's owner leaves (Wednesday 30 September): OWNER_LEFT is raised, a high flag.
    LocalDate monday = LocalDate.of(2026, 9, 28);
    for (int k = 0; k < 5; k++) {
      assertThat(nightly(weekly, out, monday.plusDays(k), "2026-11-28T01:15:00Z")).isEqualTo(ExitCode.OK);
    }
    List<String> all = new ArrayList<>();
    for (int n = 1; n <= 9; n++) {
      all.add(String.format("INI-%03d", n));
    }
    Map<String, List<String>> scopes = new java.util.LinkedHashMap<>();
    scopes.put("vecka@vardagsverket.example", all);
    for (String[] owner : OWNERS) {
      scopes.put(owner[0], List.of(owner[1]));
    }
    int alerts = 0;
    for (Map.Entry<String, List<String>> e : scopes.entrySet()) {
      // Expected: Monday's full report, then an alert on each day something got worse since the last mail.
      List<String> expected = new ArrayList<>(List.of("report " + monday));
      LocalDate lastMail = monday;
      for (int k = 1; k < 5; k++) {
        LocalDate d = monday.plusDays(k);
        if (worse(out, lastMail, d, e.getValue())) {
          expected.add("alert " + d);
          lastMail = d;
        }
      }
      List<String> got = new ArrayList<>();
      for (MimeMessage m : to(e.getKey())) {
        String date = m.getHeader("X-Vardag-As-Of")[0];
        got.add((m.getSubject().contains(": larm – ") ? "alert " : "report ") + date);
        if (m.getSubject().contains(": larm – ")) {
          assertThat(part(m, "application/pdf")).as("an alert has no PDF").isNull();
          assertThat(ids(m)).isSubsetOf(e.getValue());
        }
      }
      assertThat(got).as(e.getKey()).isEqualTo(expected);
      alerts += expected.size() - 1;
    }
    assertThat(alerts).as("data-samples has something that got worse in the week of 28 September").isPositive();
  }
}
