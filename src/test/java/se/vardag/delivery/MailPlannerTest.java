package se.vardag.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.report.ReportFixtures.flag;
import static se.vardag.report.ReportFixtures.init;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.config.VardagConfig;
import se.vardag.report.InitiativeRow;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportData;
import se.vardag.report.ReportFixtures;
import se.vardag.report.ReportRenderer;
import se.vardag.report.ReportVariants;
import se.vardag.report.Scope;

/**
 * Who receives what (SPEC section 7), on four initiatives whose answers are read off by hand:
 * <pre>
 *   I-A  Ärendeflöde   IT/Service Desk  owner E1 (a@firma.se)     on track (Mon) -> at risk (Tue)
 *   I-B  Budgetstöd    Ekonomi          owner E2, left            on track       -> on track, OWNER_LEFT raised (high)
 *   I-C  Driftlogg     IT/Drift         owner E1 (a@firma.se)     at risk        -> at risk
 *   I-D  Avtalskoll    Juridik          owner E4 (d@firma.se)     on track       -> on track
 * </pre>
 * D is Tuesday 2026-11-03; the earlier published dates are Monday 11-02 and Monday 10-26.
 */
class MailPlannerTest {
  static final LocalDate D = ReportFixtures.D;
  static final LocalDate MONDAY = D.minusDays(1);
  static final LocalDate WEEK_BEFORE = D.minusDays(8);

  @TempDir
  Path out;

  static ReportData day(LocalDate d, boolean today) {
    List<InitiativeRow> rows = List.of(
        init("I-A", "Ärendeflöde", today ? "at_risk" : "on_track").set("target_org_units", "IT/Service Desk")
            .owner("E1", true, true).set("owner_name", "Anna Berg").set("owner_email", "a@firma.se").row(),
        init("I-B", "Budgetstöd", "on_track").set("target_org_units", "Ekonomi").owner("E2", false, true)
            .set("owner_name", "Bo Ek").row(),
        init("I-C", "Driftlogg", "at_risk").set("target_org_units", "IT/Drift").owner("E1", true, true)
            .set("owner_name", "Anna Berg").set("owner_email", "A@firma.se").row(),
        init("I-D", "Avtalskoll", "on_track").set("target_org_units", "Juridik").owner("E4", true, true)
            .set("owner_name", "Dan Ö").set("owner_email", "d@firma.se").row());
    List<ReportData.FlagRow> flags = today
        ? List.of(flag("I-B", "Budgetstöd", "OWNER_LEFT", "ownership", "high", "on_track", "owner E2 left",
            "owner_id", "E2", "owner_status", "left", "date", "2026-10-31"))
        : List.of();
    return new ReportData(d, rows, flags, List.of(), List.of(), ReportFixtures.quality(0, List.of()));
  }

  VardagConfig config(String... kv) throws Exception {
    Path recipients = out.resolve("recipients.csv");
    Files.writeString(recipients, "email,scope\nchef.it@firma.se,IT\nLEDNING@firma.se,all\nhr@firma.se,HR\n"
        + "jurist@firma.se,Juridik\n", StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(Map.of("VARDAG_MAIL_TO", "ledning@firma.se", "VARDAG_MAIL_OWNERS", "true",
        "VARDAG_MAIL_RECIPIENTS_FILE", recipients.toString()));
    for (int i = 0; i + 1 < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return ReportFixtures.config("en", env);
  }

  MailPlan plan(VardagConfig config) {
    ReportVariants variants = ReportVariants.inMemory(new ReportRenderer(config), day(D, true),
        Map.of(MONDAY, day(MONDAY, false), WEEK_BEFORE, day(WEEK_BEFORE, false)));
    return new MailPlanner(config, out).plan(D, out.resolve("version"), variants, MONDAY, MONDAY);
  }

  void sent(LocalDate d, String recipient, String kind) throws Exception {
    Ledger ledger = new Ledger(out.resolve(Mailer.DELIVERY_DIR));
    ledger.append(new Ledger.Event(Instant.parse("2026-10-01T00:00:00Z"), d, recipient, Ledger.INTENT, "<m>", "smtp",
        null, 0, null, kind));
    ledger.append(new Ledger.Event(Instant.parse("2026-10-01T00:00:01Z"), d, recipient, Ledger.SENT, "<m>", "smtp",
        null, 1, null, kind));
  }

  static MailPlan.Item item(MailPlan plan, String recipient) {
    return plan.items().stream().filter(i -> i.recipient().equalsIgnoreCase(recipient)).findFirst().orElseThrow();
  }

  RenderedReport rendered(MailPlan.Item item) {
    return RenderedReport.load(out.resolve("version").resolve(item.folder()));
  }

  @Test
  void everyRecipientOnceWithTheUnionOfItsScopesAndNoOwnerWhoLeft() throws Exception {
    List<MailPlanner.Member> members = MailPlanner.members(config().audience(), day(D, true).initiatives());
    assertThat(members).extracting(MailPlanner.Member::email)
        .containsExactly("ledning@firma.se", "chef.it@firma.se", "hr@firma.se", "jurist@firma.se", "a@firma.se",
            "d@firma.se");
    assertThat(members.get(0).roles()).containsExactly("leadership", "recipients_file");
    assertThat(members.get(0).scope().isAll()).isTrue();
    // IT covers IT/Service Desk and IT/Drift; the owner's two initiatives come as one mail.
    assertThat(members.get(1).scope().initiativeIds()).containsExactly("I-A", "I-C");
    assertThat(members.get(2).scope().isEmpty()).isTrue();
    assertThat(members.get(4).scope()).isEqualTo(Scope.ownerOf(List.of("I-A", "I-C")));
    assertThat(members.get(5).scope().initiativeIds()).containsExactly("I-D");
  }

  @Test
  void dailyEveryoneGetsTheFullReportOfTheirScopeComparedWithThePreviousDate() throws Exception {
    MailPlan plan = plan(config());
    assertThat(plan.items()).extracting(MailPlan.Item::kind).containsExactly(MailPlan.Kind.REPORT,
        MailPlan.Kind.REPORT, MailPlan.Kind.NONE, MailPlan.Kind.REPORT, MailPlan.Kind.REPORT, MailPlan.Kind.REPORT);
    assertThat(item(plan, "ledning@firma.se").folder()).isEqualTo("report"); // the version's own report
    assertThat(item(plan, "hr@firma.se").reason()).isEqualTo("no initiative in the register on 2026-11-03 targets HR");
    MailPlan.Item owner = item(plan, "a@firma.se");
    assertThat(owner.comparedWith()).isEqualTo(MONDAY);
    assertThat(owner.folder()).startsWith("mail/report-s").endsWith("-2026-11-02");
    RenderedReport own = rendered(owner);
    String csv = new String(own.csv(), StandardCharsets.UTF_8);
    assertThat(csv).contains("I-A").contains("I-C").doesNotContain("I-B").doesNotContain("I-D");
    assertThat(own.fileHtml()).contains("your initiatives as owner");
    assertThat(own.text()).contains("YOUR INITIATIVES AS OWNER").contains("Ärendeflöde")
        .contains("Worse: Ärendeflöde: On track → At risk").doesNotContain("Budgetstöd").doesNotContain("Avtalskoll");
    assertThat(own.pdf()).isPresent();
    assertThat(rendered(item(plan, "chef.it@firma.se")).text()).contains("THE INITIATIVES FOR IT")
        .doesNotContain("Budgetstöd");
    // The plan is on disk for the delivery after the switch.
    assertThat(MailPlan.load(out.resolve("version/mail/plan.json"))).isEqualTo(plan);
  }

  @Test
  void weeklyTheOtherDaysBringAnAlertOnlyWhenSomethingGotWorse() throws Exception {
    VardagConfig weekly = config("VARDAG_REPORT_CADENCE", "monday");
    for (String r : List.of("ledning@firma.se", "chef.it@firma.se", "jurist@firma.se", "a@firma.se", "d@firma.se")) {
      sent(MONDAY, r, Ledger.REPORT);
    }
    MailPlan plan = plan(weekly);
    MailPlan.Item leadership = item(plan, "ledning@firma.se");
    assertThat(leadership.kind()).isEqualTo(MailPlan.Kind.ALERT);
    assertThat(leadership.comparedWith()).isEqualTo(MONDAY);
    RenderedReport alert = rendered(leadership);
    assertThat(alert.subject()).isEqualTo("Vardag 3 November 2026: alert – Ärendeflöde slipped to at risk");
    assertThat(alert.text()).contains("2 things have got worse since your mail of 2 November 2026")
        .contains("- Worse: Ärendeflöde: On track → At risk").contains("Owner: Anna Berg (E1)")
        .contains("New serious flag: Budgetstöd: Owner gone").contains("Next step: The steering group appoints a new owner")
        .contains("The full report comes on Monday, 9 November 2026.");
    assertThat(alert.pdf()).isEmpty();
    assertThat(alert.charts()).isEmpty();
    // The owner's alert holds their own initiative alone.
    RenderedReport own = rendered(item(plan, "a@firma.se"));
    assertThat(own.text()).contains("Ärendeflöde").doesNotContain("Budgetstöd");
    // Nothing got worse in Juridik: no mail, and the reason says so.
    assertThat(item(plan, "d@firma.se").kind()).isEqualTo(MailPlan.Kind.NONE);
    assertThat(item(plan, "jurist@firma.se").reason()).isEqualTo("not the weekday of report.cadence = monday, and no "
        + "verdict got worse and no high flag was raised since 2026-11-02");
  }

  @Test
  void anAlertComparesWithTheLastMailAndAReportWithTheLastReport() throws Exception {
    VardagConfig weekly = config("VARDAG_REPORT_CADENCE", "monday");
    sent(WEEK_BEFORE.plusDays(1), "ledning@firma.se", Ledger.REPORT); // Tuesday 10-27: within six days? No: 7 days
    MailPlan plan = plan(weekly);
    // The last full report (10-27) is more than six days before D: a missed Monday is made up for.
    MailPlan.Item catchUp = item(plan, "ledning@firma.se");
    assertThat(catchUp.kind()).isEqualTo(MailPlan.Kind.REPORT);
    assertThat(catchUp.reason()).isEqualTo("no full report since 2026-10-27");
    // 10-27 is not published: compared with the previous published date instead.
    assertThat(catchUp.comparedWith()).isEqualTo(MONDAY);
    // Someone with a full report on 10-28 (six days before D) and an alert on Monday: an alert since Monday.
    sent(D.minusDays(6), "d@firma.se", Ledger.REPORT);
    sent(MONDAY, "d@firma.se", Ledger.ALERT);
    sent(D.minusDays(6), "a@firma.se", Ledger.REPORT);
    sent(WEEK_BEFORE, "a@firma.se", Ledger.REPORT);
    MailPlan again = plan(weekly);
    assertThat(item(again, "d@firma.se").kind()).isEqualTo(MailPlan.Kind.NONE);
    assertThat(item(again, "d@firma.se").comparedWith()).isEqualTo(MONDAY);
    // The owner's last mail is the report of 10-28 (not published): the alert counts from Monday.
    assertThat(item(again, "a@firma.se").kind()).isEqualTo(MailPlan.Kind.ALERT);
    assertThat(item(again, "a@firma.se").comparedWith()).isEqualTo(MONDAY);
  }

  @Test
  void aFullReportComparesWithTheRecipientsLastReportWhenItIsStillPublished() throws Exception {
    sent(WEEK_BEFORE, "chef.it@firma.se", Ledger.REPORT);
    MailPlan plan = plan(config());
    MailPlan.Item chef = item(plan, "chef.it@firma.se");
    assertThat(chef.comparedWith()).isEqualTo(WEEK_BEFORE);
    assertThat(chef.folder()).endsWith("-2026-10-26");
    assertThat(rendered(chef).text()).contains("Changes since 26 October 2026");
    // Leadership never had a mail: compared with the previous published date, the version's own report.
    assertThat(item(plan, "ledning@firma.se").folder()).isEqualTo("report");
  }

  @Test
  void alertsOffMeansNoMailBetweenTheWeeklyReports() throws Exception {
    sent(MONDAY, "ledning@firma.se", Ledger.REPORT);
    MailPlan plan = plan(config("VARDAG_REPORT_CADENCE", "monday", "VARDAG_REPORT_ALERTS", "false"));
    assertThat(item(plan, "ledning@firma.se").kind()).isEqualTo(MailPlan.Kind.NONE);
    assertThat(item(plan, "ledning@firma.se").reason())
        .isEqualTo("not the weekday of report.cadence = monday, and report.alerts = false");
  }

  /** A message an earlier run left pending for 11-03 to someone who is not in the plan at hand. */
  void pendingFor(String recipient) throws Exception {
    Path delivery = out.resolve(Mailer.DELIVERY_DIR);
    Path eml = delivery.resolve("pending/2026-11-03/left.eml");
    Files.createDirectories(eml.getParent());
    Files.writeString(eml, "Subject: pending\r\n\r\nbody\r\n", StandardCharsets.US_ASCII);
    new Ledger(delivery).append(new Ledger.Event(Instant.parse("2026-11-04T01:00:00Z"), D, recipient, Ledger.INTENT,
        "<p>", "outbox", "pending/2026-11-03/left.eml", 0, null, Ledger.REPORT));
  }

  @Test
  void onlyTheNewestDatesPlanDropsThePendingMailOfSomeoneItDoesNotName() throws Exception {
    Mailer mailer = new Mailer(config(), out, java.time.Clock.fixed(Instant.parse("2026-11-05T01:00:00Z"),
        java.time.ZoneOffset.UTC));
    pendingFor("former@firma.se");
    // report --as-of an older date: its plan does not say who the recipients are now; the mail goes out.
    DeliveryResult older = mailer.deliverAll(WEEK_BEFORE, out.resolve("version"), new MailPlan(WEEK_BEFORE, List.of()),
        false, false);
    assertThat(older.sent()).extracting(DeliveryResult.Entry::recipient).containsExactly("former@firma.se");
    pendingFor("former@firma.se");
    DeliveryResult newest = mailer.deliverAll(D, out.resolve("version"), new MailPlan(D, List.of()), false, true);
    assertThat(newest.entries()).extracting(DeliveryResult.Entry::status)
        .containsExactly(DeliveryResult.Status.CANCELLED);
  }
}
