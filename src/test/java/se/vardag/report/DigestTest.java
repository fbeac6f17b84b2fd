package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mail is a digest (SPEC section 5): the headline, the changes, the needs-action list with each
 * initiative's reasons in a few lines, the ingredients chart and the overview table; the three
 * questions, the weekly charts and the units are in the PDF.
 */
class DigestTest {
  private static final String FIRST = "ITIL-incidenthantering i servicedesken";

  @Test
  void theDigestListsEachHeadlineInitiativeWithItsThreeMostSevereFlagsAndLeavesTheQuestionsToThePdf() {
    RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.sample());
    String text = r.mailText();
    // I-001 has nine flags; five are high. In page order (question 1: ownership, strategy, follow-up;
    // question 2: competence, time; question 3: usage, effect), high before medium: OWNER_LEFT,
    // FOLLOW_UP_OVERDUE, TRAINED_NOT_USING are the three shown; six more are in the PDF.
    int at = text.indexOf("\u25a0 " + FIRST);
    assertThat(at).isPositive();
    String item = text.substring(at, text.indexOf("\u25a0", at + 1));
    assertThat(item).contains("[Saknar förankring]", "Ägare: E1042", "+ 6 till i PDF:en");
    assertThat(Pattern.compile("^   \\[HÖG\\] ", Pattern.MULTILINE).matcher(item).results().count()).isEqualTo(3);
    assertThat(item.indexOf("Ägaren har slutat")).isLessThan(item.indexOf("Uppföljningen är försenad"));
    assertThat(item.indexOf("Uppföljningen är försenad")).isLessThan(item.indexOf("Utbildade men använder det inte"));
    assertThat(item).doesNotContain("Låg vardagsanvändning", "Inget strategiskt mål");

    for (String mail : new String[] {r.mailText(), r.mailHtml()}) {
      assertThat(mail).contains(FIRST, "Kräver åtgärd", "Övriga initiativ", "Datakvalitet",
          "initiativrapport-2026-11-03.pdf", "initiativmått-2026-11-03.csv")
          .doesNotContain("Vem äger det här när piloten är slut", "Nästa steg", "Aktiva användare per vecka");
    }
    // The whole report keeps every question, next step and weekly chart.
    assertThat(r.fileHtml()).contains("Vem äger det här när piloten är slut", "Nästa steg", "weekly-01.png");
    assertThat(r.text()).contains("Vem äger det här när piloten är slut", "Nästa steg");
  }

  @Test
  void aLargeOrganisationsDigestShowsTwentyInitiativesInDetailAndAHundredRowsThenCountsTheRest() {
    // 200 initiatives, 3 in 8 in the headline: 75 need action, 125 do not. The digest details the first
    // 20, gives the next 55 a row each, then 45 of the others (100 rows in all): 80 are left to the PDF.
    RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.large(200));
    String html = r.mailHtml();
    assertThat(count(html, "border-left:4px solid")).isEqualTo(20);
    assertThat(html).contains("55 initiativ till kräver åtgärd: en rad vardera nedan, i sin helhet i PDF:en.",
        "+ 80 initiativ till i PDF:en och i den bifogade CSV-filen.");
    // Rows of the two compact tables (plain and zebra): 55 + 45 initiatives.
    assertThat(count(html, "<tr><td>") + count(html, "<tr bgcolor=\"#f9fafb\"><td>")).isEqualTo(100);
    assertThat(r.mailText()).contains("+ 80 initiativ till i PDF:en och i den bifogade CSV-filen.");
    // The English digest says the same.
    RenderedReport en = ReportRendererTest.render("en", ReportFixtures.large(200));
    assertThat(en.mailHtml()).contains("55 more initiatives need action: a line each below, in full in the PDF.",
        "+ 80 more initiatives in the PDF and in the attached CSV.");
  }

  @Test
  void theDigestStaysUnderGmailsClippingLimitAtAnySize() {
    for (int n : new int[] {8, 200, 1000}) {
      RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.large(n));
      int bytes = r.mailHtml().getBytes(StandardCharsets.UTF_8).length;
      System.out.printf("digest of %d initiatives: HTML %d bytes, text %d bytes; whole report HTML %d bytes%n", n,
          bytes, r.mailText().getBytes(StandardCharsets.UTF_8).length,
          r.fileHtml().getBytes(StandardCharsets.UTF_8).length);
      assertThat(bytes).as("digest HTML of %d initiatives", n).isLessThan(100_000);
    }
  }

  @Test
  void aPhoneGetsNarrowMarginsAndTheOverviewWithoutThePeopleColumns() {
    RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.sample());
    String html = r.mailHtml();
    assertThat(html).contains("<table class=\"vd-wrap\" role=\"presentation\" width=\"680\"");
    // Målgrupp and Utbildade (columns 3 and 4) carry the class the media query hides.
    Matcher header = Pattern.compile("<tr bgcolor=\"#eaecf0\">(.*?)</tr>").matcher(html);
    assertThat(header.find()).isTrue();
    assertThat(header.group(1)).isEqualTo("<th align=\"left\">Initiativ</th><th align=\"left\">Bedömning</th>"
        + "<th align=\"left\">Ägare</th><th class=\"vd-opt\" align=\"right\">Målgrupp</th>"
        + "<th class=\"vd-opt\" align=\"right\">Utbildade</th><th align=\"right\">Vardags\u00adanvändning</th>"
        + "<th align=\"left\">Brister</th>");
    assertThat(r.mailText()).contains("Vardagsanvändning: ").doesNotContain("\u00ad");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }
}
