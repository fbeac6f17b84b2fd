package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF is the whole report, read back with PDFBox as a reader's viewer would. */
class PdfReportTest {

  @Test
  void thePdfHoldsTheWholeReportInAnEmbeddedFontThatPrintsSwedish() throws Exception {
    RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.sample());
    assertThat(r.pdfName()).isEqualTo("initiativrapport-2026-11-03.pdf");
    try (PDDocument doc = Loader.loadPDF(r.pdf().orElseThrow())) {
      assertThat(doc.getNumberOfPages()).isBetween(3, 20);
      PDPage first = doc.getPage(0);
      // A4: 595 x 842 points.
      assertThat(Math.round(first.getMediaBox().getWidth())).isEqualTo(595);
      assertThat(Math.round(first.getMediaBox().getHeight())).isEqualTo(842);
      String text = new PDFTextStripper().getText(doc);
      for (ReportModelNames n : ReportModelNames.values()) {
        assertThat(text).contains(n.text);
      }
      // Every initiative of the sample is named: the headline ones in full, the others in the table.
      for (var i : ReportFixtures.sample().initiatives()) {
        assertThat(text.replaceAll("\\s+", " ")).contains(i.name());
      }
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).contains("LiberationSans");
        }
      }
      // The charts are in it: three weekly charts, the overview and the ingredients chart.
      int images = 0;
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().isImageXObject(name)) {
            images++;
          }
        }
      }
      assertThat(images).isEqualTo(5);
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(r.subject());
      Calendar created = doc.getDocumentInformation().getCreationDate();
      created.setTimeZone(TimeZone.getTimeZone("UTC"));
      assertThat(created.get(Calendar.YEAR)).isEqualTo(2026);
      assertThat(created.get(Calendar.MONTH)).isEqualTo(Calendar.NOVEMBER);
      assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(3);
    }
  }

  @Test
  void aLongReportIsLaidOutInTwoPartsWhosePagesFollowEachOtherNumberedThroughout() throws Exception {
    ReportData large = ReportFixtures.large(200);
    se.vardag.config.VardagConfig config = ReportFixtures.config("sv", Map.of());
    Messages m = new Messages(config.reportLocale());
    ReportModel model = new ReportBuilder(m, config.organisation(), config.minGroupSize(), config.flags()).build(large);
    HtmlRenderer html = new HtmlRenderer(m);
    String whole = html.render(model, c -> "", true);
    assertThat(html.printParts(model, c -> "", Integer.MAX_VALUE)).containsExactly(whole);
    List<String> parts = html.printParts(model, c -> "", ReportRenderer.PDF_SPLIT_ABOVE);
    assertThat(parts).hasSize(2);
    // The first part is the report up to a headline initiative, the second the rest, each a whole document.
    String end = "</table>\n</td></tr>\n</table>\n</body>\n</html>\n";
    String wrapped = "text-align:left;\">\n";
    String head = whole.substring(0, whole.indexOf(wrapped) + wrapped.length());
    assertThat(parts.get(0)).startsWith(head).endsWith(end);
    assertThat(parts.get(1)).startsWith(head).endsWith(end);
    String first = parts.get(0).substring(0, parts.get(0).length() - end.length());
    assertThat(parts.get(1).substring(head.length())).startsWith(HtmlRenderer.CONTINUATION);
    String second = parts.get(1).substring(head.length() + HtmlRenderer.CONTINUATION.length());
    assertThat(first + second).isEqualTo(whole);
    assertThat(second).startsWith("<tr><td class=\"vd-pad\" style=\"padding:10px 28px 8px 28px;");
    // Split where the halves are nearest in size.
    assertThat((double) first.length() / second.length()).isBetween(0.8, 1.25);

    RenderedReport r = new ReportRenderer(ReportFixtures.config("sv", Map.of())).render(large);
    try (PDDocument doc = Loader.loadPDF(r.pdf().orElseThrow())) {
      int n = doc.getNumberOfPages();
      assertThat(n).isGreaterThan(20);
      PDFTextStripper pages = new PDFTextStripper();
      for (int page : new int[] {1, n / 2, n / 2 + 1, n}) {
        pages.setStartPage(page);
        pages.setEndPage(page);
        assertThat(pages.getText(doc)).as("page %d", page).contains(page + " / " + n);
      }
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      for (var s : model.headline()) {
        assertThat(text).contains(s.name().replaceAll("\\s+", " "));
      }
      for (PDPage page : doc.getPages()) {
        for (COSName f : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(f).isEmbedded()).isTrue();
        }
      }
    }
  }

  /** Text that only the whole report has: the questions, a next step, a unit, a figure with a minus sign. */
  private enum ReportModelNames {
    QUESTION("Vem äger det här när piloten är slut"),
    NEXT_STEP("Nästa steg"),
    UNIT("IT/Support/Kväll"),
    WEEKLY("Aktiva användare per vecka"),
    PAGE("1 / ");

    final String text;

    ReportModelNames(String text) {
      this.text = text;
    }
  }

  @Test
  void theVerdictTrajectoryPrintsItsArrowsInTheEmbeddedFont() throws Exception {
    // Liberation Sans has the arrow; the PDF's standard fonts would print it as nothing or '#'.
    ReportData sample = ReportFixtures.sample();
    InitiativeRow first = sample.initiatives().get(0);
    java.util.List<ReportData.HistoryRow> history = new java.util.ArrayList<>();
    for (int k = 0; k < 12; k++) {
      history.add(new ReportData.HistoryRow(first.id(), k, sample.asOf().minusDays(7L * k),
          k < 4 ? first.verdict() : "on_track"));
    }
    ReportData data = new ReportData(sample.asOf(), sample.initiatives(), sample.flags(), sample.weeks(),
        sample.units(), sample.quality(), null, history);
    try (PDDocument doc = Loader.loadPDF(ReportRendererTest.render("sv", data).pdf().orElseThrow())) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
          .contains("På rätt spår (8 v) \u2192 Saknar förankring (4 v)");
    }
  }

  @Test
  void hostileNamesAndCodePointsThatAreNotCharactersStillGiveAPdf() throws Exception {
    // A lone surrogate and a noncharacter cannot be in XML; markup in a name must stay text.
    String odd = "Pilot \uD800 med \uFFFF och <b>fet</b> & " + ReportFixtures.HOSTILE_NAME;
    ReportData sample = ReportFixtures.sample();
    java.util.List<InitiativeRow> rows = new java.util.ArrayList<>(sample.initiatives());
    java.util.Map<String, Object> v = new java.util.LinkedHashMap<>(rows.get(0).values());
    v.put("name", odd);
    rows.set(0, new InitiativeRow(v));
    RenderedReport r = ReportRendererTest.render("sv", new ReportData(sample.asOf(), rows, sample.flags(),
        sample.weeks(), sample.units(), sample.quality()));
    assertThat(r.fileHtml()).contains("Pilot \uFFFD med \uFFFD och &lt;b&gt;fet&lt;/b&gt; &amp; ");
    try (PDDocument doc = Loader.loadPDF(r.pdf().orElseThrow())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("och <b>fet</b> &");
    }
  }

  @Test
  void theBundledFontsAreEmbeddedWithoutTheirGlyphSubstitutionsAndOtherwiseWhole() throws Exception {
    for (String style : java.util.List.of("Regular", "Bold", "Italic", "BoldItalic")) {
      byte[] original;
      try (var in = PdfRenderer.class.getResourceAsStream("/se/vardag/report/fonts/LiberationSans-" + style + ".ttf")) {
        original = in.readAllBytes();
      }
      byte[] stripped = PdfRenderer.withoutTable(original, "GSUB");
      assertThat(stripped).hasSize(original.length - 16);
      try (var before = new org.apache.fontbox.ttf.TTFParser().parse(
              new org.apache.pdfbox.io.RandomAccessReadBuffer(original));
          var after = new org.apache.fontbox.ttf.TTFParser().parse(
              new org.apache.pdfbox.io.RandomAccessReadBuffer(stripped))) {
        assertThat(before.getTableMap()).containsKey("GSUB");
        assertThat(after.getTableMap().keySet()).isEqualTo(without(before.getTableMap().keySet(), "GSUB"));
        for (String tag : after.getTableMap().keySet()) {
          assertThat(after.getTableBytes(after.getTableMap().get(tag))).as(style + " " + tag)
              .isEqualTo(before.getTableBytes(before.getTableMap().get(tag)));
        }
        assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
        assertThat(after.getUnicodeCmapLookup().getGlyphId('å'))
            .isEqualTo(before.getUnicodeCmapLookup().getGlyphId('å'));
      }
      // A font without the table comes back as it is.
      assertThat(PdfRenderer.withoutTable(stripped, "GSUB")).isSameAs(stripped);
    }
  }

  private static java.util.Set<String> without(java.util.Set<String> tags, String tag) {
    java.util.Set<String> out = new java.util.TreeSet<>(tags);
    out.remove(tag);
    return out;
  }

  @Test
  void theSameTablesGiveTheSamePdfByteForByte() {
    byte[] a = ReportRendererTest.render("en", ReportFixtures.sample()).pdf().orElseThrow();
    byte[] b = ReportRendererTest.render("en", ReportFixtures.sample()).pdf().orElseThrow();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void theReportFolderKeepsThePdfAndTheDigestAndLoadsThemBack(@TempDir Path tmp) throws Exception {
    RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.sample());
    Path dir = tmp.resolve("report");
    r.writeTo(dir);
    assertThat(Files.readAllBytes(dir.resolve("report.pdf"))).isEqualTo(r.pdf().orElseThrow());
    assertThat(Files.readString(dir.resolve("mail.html"))).isEqualTo(r.mailFileHtml());
    RenderedReport back = RenderedReport.load(dir);
    assertThat(back.pdf().orElseThrow()).isEqualTo(r.pdf().orElseThrow());
    assertThat(back.pdfName()).isEqualTo(r.pdfName());
    assertThat(back.mailHtml()).isEqualTo(r.mailHtml());
    assertThat(back.mailText()).isEqualTo(r.mailText());
    assertThat(back.text()).isEqualTo(r.text());
  }

  @Test
  void aReportFolderWrittenBeforeTheDigestLoadsWithTheWholeReportAsItsMail(@TempDir Path tmp) throws Exception {
    RenderedReport r = ReportRendererTest.render("sv", ReportFixtures.sample());
    Path dir = tmp.resolve("report");
    r.writeTo(dir);
    Files.delete(dir.resolve("mail.html"));
    Files.delete(dir.resolve("mail.txt"));
    Files.delete(dir.resolve("report.pdf"));
    String meta = Files.readString(dir.resolve("report.json")).replaceAll(",\\s*\"pdf_name\" : \"[^\"]*\"", "");
    Files.writeString(dir.resolve("report.json"), meta);
    RenderedReport old = RenderedReport.load(dir);
    assertThat(old.pdf()).isEmpty();
    assertThat(old.mailText()).isEqualTo(r.text());
    assertThat(old.mailCharts()).hasSize(r.charts().size());
  }
}
