package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.report.ReportFixtures.D;
import static se.vardag.report.ReportFixtures.init;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import se.vardag.report.ReportData.DataQuality;
import se.vardag.report.ReportData.RegisterRejection;
import se.vardag.report.ReportData.UsageSource;

/** What revision 2 of the spec changes in the report, in both languages, in HTML, plain text and CSV. */
class ReportRevision2Test {
  static RenderedReport render(String locale, ReportData data) {
    return ReportRendererTest.render(locale, data);
  }

  private static int count(String haystack, String needle) {
    return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  /** The HTML (or text) of one headline initiative: from its name to the next section's or the overview. */
  private static String section(String doc, String name, String next) {
    int from = doc.indexOf(name);
    int to = doc.indexOf(next, from + name.length());
    assertThat(from).as(name).isPositive();
    assertThat(to).as(next).isGreaterThan(from);
    return doc.substring(from, to);
  }

  // ---- SPEC section 7: unreadable register rows, at the top ----

  @Test
  void unreadableRegisterRowsAreNamedAtTheTopBeforeTheHeadlineList() {
    ReportData data = ReportFixtures.sampleRevision2();
    RenderedReport sv = render("sv", data);
    String html = sv.fileHtml();
    int notice = html.indexOf("Initiativ som saknas i rapporten");
    assertThat(notice).isPositive().isLessThan(html.indexOf("Kräver åtgärd"));
    assertThat(html).contains("2 rader i initiativregistret (initiatives.csv) kunde inte läsas, så de initiativen "
        + "saknas i rapporten. Rätta registret, så kommer de med i nästa körning.",
        "<li style=\"margin:0 0 3px 0;\">Rad 14: I-017 ”Digital signering &lt;beta&gt;” – pilot_start: expected a "
            + "date YYYY-MM-DD, got &#39;2026-13-01&#39;</li>",
        "<li style=\"margin:0 0 3px 0;\">Okänd rad: id och namn kunde inte läsas – wrong field count: expected 14 "
            + "fields, got 9</li>");
    assertThat(html).doesNotContain("<beta>");
    String text = sv.text();
    assertThat(text.indexOf("== ! Initiativ som saknas i rapporten ==")).isPositive()
        .isLessThan(text.indexOf("== Kräver åtgärd =="));
    assertThat(text).contains("- Rad 14: I-017 ”Digital signering <beta>” – pilot_start: expected a date\n"
        + "  YYYY-MM-DD, got '2026-13-01'\n");

    RenderedReport en = render("en", data);
    assertThat(en.fileHtml().indexOf("Initiatives missing from this report")).isPositive()
        .isLessThan(en.fileHtml().indexOf("Needs action"));
    assertThat(en.fileHtml()).contains("2 rows of the initiative register (initiatives.csv) could not be read, so "
        + "those initiatives are missing from this report. Correct the register and they will be in the next run.",
        "Line 14: I-017 “Digital signering &lt;beta&gt;” – pilot_start:",
        "Unknown line: id and name could not be read – wrong field count");
  }

  @Test
  void aRegisterRowIsNamedByWhatCouldBeReadOfIt() {
    ReportData base = ReportFixtures.sample();
    DataQuality q = base.quality().withRegisterRejections(List.of(
        new RegisterRejection(7L, "name is empty", "I-031", null),
        new RegisterRejection(8L, "initiative_id is empty", null, "Ny e-tjänst")));
    ReportData data = new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(), q);
    assertThat(render("sv", data).fileHtml()).contains("2 rader i initiativregistret (initiatives.csv) kunde inte läsas, så de initiativen",
        "Rad 7: I-031 (namnet kunde inte läsas) – name is empty",
        "Rad 8: ”Ny e-tjänst” (id kunde inte läsas) – initiative_id is empty");
    assertThat(render("en", data).fileHtml()).contains("Line 7: I-031 (name could not be read) – name is empty",
        "Line 8: “Ny e-tjänst” (id could not be read) – initiative_id is empty");

    DataQuality one = base.quality().withRegisterRejections(List.of(new RegisterRejection(3L, "x", "I-1", "A")));
    assertThat(render("sv", new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(), one))
        .fileHtml()).contains("En rad i initiativregistret (initiatives.csv) kunde inte läsas, så det initiativet "
            + "saknas i rapporten. Rätta registret, så kommer det med i nästa körning.");
  }

  @Test
  void aManifestWithoutTheRegisterRowsStillSaysThatInitiativesAreMissing() {
    ReportData base = ReportFixtures.sample();
    Map<String, Long> by = new HashMap<>(base.quality().rejectedByFile());
    by.put("initiatives.csv", 1L);
    DataQuality q = new DataQuality(true, base.quality().inputs(), 15, by, List.of());
    ReportData data = new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(), q);
    String html = render("sv", data).fileHtml();
    assertThat(html.indexOf("Initiativ som saknas i rapporten")).isPositive().isLessThan(html.indexOf("Kräver åtgärd"));
    assertThat(html).contains("En rad i initiativregistret (initiatives.csv) kunde inte läsas, så ett initiativ "
        + "saknas i rapporten. Datateamet hittar raden i karantänen.");
    by.put("initiatives.csv", 3L);
    assertThat(render("en", new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(),
        new DataQuality(true, base.quality().inputs(), 17, by, List.of()))).fileHtml()).contains(
            "3 rows of the initiative register (initiatives.csv) could not be read, so initiatives are missing "
                + "from this report. The data team finds them in the quarantine.");
    // Nothing rejected from the register: no notice at all.
    assertThat(render("sv", base).fileHtml()).doesNotContain("Initiativ som saknas");
    assertThat(render("sv", base).text()).doesNotContain("== !");
  }

  // ---- SPEC section 4: silent sources ----

  @Test
  void silentSourcesAreListedWithTheirLastEventDateInTheDataQualitySection() {
    ReportData data = ReportFixtures.sampleRevision2();
    String footerSv = render("sv", data).fileHtml().substring(render("sv", data).fileHtml().indexOf("Datakvalitet"));
    assertThat(footerSv).contains("2 användningskällor har tystnat (ingen händelse de senaste 7 dagarna): jira "
        + "(ingen händelse alls) och servicenow (senaste händelse 20 oktober 2026). Initiativ som bara mäts med dem "
        + "får inga användningsbrister förrän loggarna kommer igen.");
    assertThat(footerSv).doesNotContain("copilot");
    String footerEn = render("en", data).fileHtml().substring(render("en", data).fileHtml().indexOf("Data quality"));
    assertThat(footerEn).contains("2 usage sources have gone silent (no event in the last 7 days): jira (no event "
        + "ever) and servicenow (last event 20 October 2026). Initiatives measured by them alone get no usage flags "
        + "until the logs arrive again.");

    ReportData base = ReportFixtures.sample();
    ReportData one = new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(),
        base.quality().withUsageSources(List.of(new UsageSource("<hr>", LocalDate.of(2026, 10, 1), true),
            new UsageSource("jira", D, false))));
    assertThat(render("sv", one).fileHtml()).contains("En användningskälla har tystnat (ingen händelse de senaste 7 "
        + "dagarna): &lt;hr&gt; (senaste händelse 1 oktober 2026). Initiativ som bara mäts med den får");
    ReportData none = new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(),
        base.quality().withUsageSources(List.of(new UsageSource("jira", D, false))));
    assertThat(render("en", none).fileHtml()).contains(
        "Every usage source the initiatives are measured by has events in the last 7 days.");
    // A manifest from before revision 2 (no usage_sources): nothing said either way.
    assertThat(render("en", base).fileHtml()).doesNotContain("usage source");
  }

  // ---- SPEC section 5: owners by display name and id ----

  @Test
  void ownersAreNamedByDisplayNameAndIdAndByIdWhenThereIsNoName() {
    ReportData data = ReportFixtures.sampleRevision2();
    RenderedReport sv = render("sv", data);
    String html = sv.fileHtml();
    String ai = section(html, "AI-assistent för ärendehandläggning", "Kunskapsbank i kundtjänst");
    assertThat(ai).contains("Ägare: <span style=\"color:#1f2933;\">Anna Svensson (E2210)</span>",
        ">Anna Svensson (E2210), anställd<",
        "Ägaren Anna Svensson (E2210) har inte mandat att ändra arbetssättet.");
    // Names are input text: escaped in HTML, as is in plain text.
    assertThat(html).contains(">Per &lt;Pelle&gt; Öberg (E0317)<").doesNotContain("<Pelle>");
    assertThat(sv.text()).contains("Ägare: Per <Pelle>\n  Öberg (E0317)");
    // No name in the table (not in the roster, or an older date): the id.
    String itil = section(html, "ITIL-incidenthantering i servicedesken", "AI-assistent för ärendehandläggning");
    assertThat(itil).contains("Ägare: <span style=\"color:#b42318;font-weight:bold;\">E1042</span>",
        "Ägaren E1042 slutade 30 september 2026.");
    RenderedReport en = render("en", data);
    assertThat(en.fileHtml()).contains(">Anna Svensson (E2210), employed<",
        "Owner Anna Svensson (E2210) has no mandate", ">Per &lt;Pelle&gt; Öberg (E0317)<",
        "The register does not say whether owner Anna Svensson (E1019) has a mandate.");
  }

  // ---- SPEC section 4: the new flags and same-side figures, in the report ----

  @Test
  void theNewFlagsAndFiguresNextToTheirThresholdsReadInTheReport() {
    ReportData data = ReportFixtures.sampleRevision2();
    String sv = section(render("sv", data).fileHtml(), "Kunskapsbank i kundtjänst", "Nytt intranät: Insidan");
    assertThat(sv).contains("<strong>Inget slutdatum för piloten.</strong> Registret anger status ”skalas upp”, "
        + "alltså är piloten över, men inget slutdatum för piloten är satt.",
        "<strong>Användningsdata saknas.</strong> Källorna servicenow (senaste händelse 20 oktober 2026) och jira "
            + "(ingen händelse alls) har tystnat",
        // 0.3004 over "more than 30 %", 0.4995 under "at least 50 %": never 30 % or 50 %.
        "11 av de 36 som utbildats och kunnat använda det i minst 28 dagar (30,04\u00a0%)",
        "har inte använt det de senaste 28 dagarna (30,04\u00a0%).",
        "49,95\u00a0% av de 40 senaste mätningarna bättre än före");
    String en = section(render("en", data).fileHtml(), "Kunskapsbank i kundtjänst", "Nytt intranät: Insidan");
    assertThat(en).contains("<strong>No pilot end date.</strong> The register gives the status “scaling up”",
        "<strong>Usage data missing.</strong> The sources servicenow (last event 20 October 2026) and jira (no event "
            + "ever) have gone silent", "(30.04%)", "49.95% of the 40 latest observations");

    // An everyday-use rate of 0.395 under the 40 % line reads 39,5 % in the detail, overview and table.
    ReportData base = ReportFixtures.sample();
    List<InitiativeRow> rows = new java.util.ArrayList<>(base.initiatives());
    rows.replaceAll(i -> !i.id().equals("I-008") ? i : row(i, "sustained_rate", 0.395));
    String html = render("sv", new ReportData(D, rows, base.flags(), base.weeks(), base.units(), base.quality()))
        .fileHtml();
    String others = html.substring(html.indexOf("Övriga initiativ"));
    assertThat(others).contains(">39,5\u00a0%<");
    assertThat(render("sv", new ReportData(D, rows, base.flags(), base.weeks(), base.units(), base.quality())).text())
        .contains("Självservice för lönefrågor: 39,5\u00a0%");
  }

  private static InitiativeRow row(InitiativeRow i, String column, Object value) {
    Map<String, Object> v = new HashMap<>(i.values());
    v.put(column, value);
    return new InitiativeRow(v);
  }

  // ---- SPEC sections 2 and 3: nulls read as what they are ----

  @Test
  void anInitiativeWithoutUsageSignalsSaysSoInsteadOfZeroes() {
    InitiativeRow none = init("I-1", "Nya mötesrutiner", "lacks_follow_through").owner("E1", false, true)
        .set("course_ids", "MOTE").people(30, 20, 0, 0).set("active_users", null).set("adoption_rate", null)
        .set("sustained_users", null).set("sustained_rate", null).set("flag_count", 2).row();
    ReportData data = new ReportData(D, List.of(none), List.of(), List.of(), List.of(),
        ReportFixtures.quality(0, List.of()));
    RenderedReport sv = render("sv", data);
    String html = sv.fileHtml();
    assertThat(html).contains(
        ">Vardagsanvändning (aktiva minst 3 av de senaste 4 veckorna)</td><td style=\"padding:3px 0;vertical-align:"
            + "top;color:#b42318;font-weight:bold;\">Syns inte: ingen användningssignal är angiven<",
        ">Utbildade som inte använder det</td><td style=\"padding:3px 0;vertical-align:top;color:#1f2933;\">Syns "
            + "inte: ingen användningssignal är angiven<");
    assertThat(html).doesNotContain("Ingen har ännu utbildats").doesNotContain(">0 av 30")
        .doesNotContain("aktiva denna vecka");
    assertThat(sv.text()).contains("Nya mötesrutiner: ingen användningssignal");
    RenderedReport en = render("en", data);
    assertThat(en.fileHtml()).contains("Cannot be seen: no usage signal is defined")
        .doesNotContain("Nobody has yet been trained");
  }

  @Test
  void aMissingFileIsNamedOncePerQuestionAndTheRegistersFactsStillShow() {
    ReportData base = ReportFixtures.sampleRevision2();
    ReportData data = new ReportData(D, base.initiatives(), base.flags(), base.weeks(), base.units(),
        ReportFixtures.quality(0, List.of("learning_activities.csv", "follow_ups.csv")));
    String sv = section(render("sv", data).fileHtml(), "AI-assistent för ärendehandläggning",
        "Kunskapsbank i kundtjänst");
    assertThat(count(sv, "Kan inte besvaras: learning_activities.csv levererades inte")).isEqualTo(1);
    assertThat(count(sv, "Kan inte besvaras: follow_ups.csv levererades inte")).isEqualTo(1);
    assertThat(sv).contains(">Övningstid som används, workshoppar, kollegialt lärande, coachning</td>",
        ">1 timmar per person och vecka avsatta<", ">Uppföljning i ordinarie styrning</td>");
    String en = section(render("en", data).fileHtml(), "AI-assistent för ärendehandläggning",
        "Kunskapsbank i kundtjänst");
    assertThat(count(en, "Cannot be answered: learning_activities.csv was not delivered")).isEqualTo(1);
    assertThat(en).contains(">Practice time used, workshops, peer learning, coaching</td>");
  }

  @Test
  void theCsvLeavesAnEmptyFigureEmptyAndSaysWhy() throws Exception {
    RenderedReport r = render("sv", ReportFixtures.sampleRevision2());
    byte[] csv = r.csv();
    Map<String, CSVRecord> byId = new HashMap<>();
    try (CSVParser p = CsvExport.format().builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))) {
      assertThat(p.getHeaderNames()).last().isEqualTo("empty_because");
      for (CSVRecord rec : p.getRecords()) {
        byId.put(rec.get("initiative_id"), rec);
      }
    }
    CSVRecord noSignal = byId.get("I-010");
    assertThat(noSignal.get("sustained_rate")).isEmpty();
    assertThat(noSignal.get("active_users")).isEmpty();
    assertThat(noSignal.get("follow_ups_90d")).isEmpty();
    assertThat(noSignal.get("empty_because")).isEqualTo("no usage signal defined; follow_ups.csv not delivered");
    assertThat(byId.get("I-005").get("empty_because")).isEqualTo(
        "suppressed: target group under the minimum group size; follow_ups.csv not delivered");
    assertThat(byId.get("I-002").get("empty_because")).isEqualTo("follow_ups.csv not delivered");
    assertThat(byId.get("I-009").get("trained_not_using_rate")).isEqualTo("0.3004");

    // goals.csv counts only for a set goal_id, outcomes.csv only for a set kpi.
    ReportData base = ReportFixtures.sample();
    byte[] two = CsvExport.write(base.initiatives(), List.of("goals.csv", "outcomes.csv"));
    String text = new String(two, 3, two.length - 3, StandardCharsets.UTF_8);
    try (CSVParser p = CsvExport.format().builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text))) {
      Map<String, String> why = new HashMap<>();
      for (CSVRecord rec : p.getRecords()) {
        why.put(rec.get("initiative_id"), rec.get("empty_because"));
      }
      assertThat(why.get("I-001")).isEqualTo("outcomes.csv not delivered"); // kpi, no goal
      assertThat(why.get("I-002")).isEqualTo("goals.csv not delivered; outcomes.csv not delivered");
      assertThat(why.get("I-003")).isEqualTo("goals.csv not delivered"); // goal, no kpi
      assertThat(why.get("I-007")).isEqualTo("no usage signal defined");
    }
  }
}
