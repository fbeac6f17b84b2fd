package se.vardag.report;

import static se.vardag.Text.html;

import java.util.List;
import java.util.function.Function;
import se.vardag.Text;
import se.vardag.report.ReportModel.Cell;
import se.vardag.report.ReportModel.ChartRef;
import se.vardag.report.ReportModel.Fact;
import se.vardag.report.ReportModel.FlagLine;
import se.vardag.report.ReportModel.InitiativeSection;
import se.vardag.report.ReportModel.PillarFlags;
import se.vardag.report.ReportModel.Question;
import se.vardag.report.ReportModel.Stat;
import se.vardag.report.ReportModel.Table;

/**
 * The report as an HTML e-mail body: table layout, every style inline, no script, no external resource
 * (images are {@code cid:} parts in the mail, {@code charts/*.png} beside the file). Every piece of text
 * goes through {@link Text#html}, so nothing from the inputs can become markup.
 *
 * <p>Why one file of ~480 lines: the full report, the print variant and the digest are one document
 * whose parts share the same inline styles, pills and tables; kept together, a style is changed once
 * and the three stay alike. The words are {@link ReportBuilder}'s; this class only lays them out.
 */
final class HtmlRenderer {
  static final String FONT = "Arial,Helvetica,sans-serif";
  static final int CONTENT = 624;
  static final int CARD_CONTENT = 580;

  private final Messages m;

  HtmlRenderer(Messages m) {
    this.m = m;
  }

  /**
   * The whole report (report.html, and the source of the PDF): every headline initiative in full detail,
   * with each chart's {@code src} given by {@code src} (a cid: URL, a relative file path or a data: URL).
   */
  String render(ReportModel r, Function<ChartRef, String> src) {
    return render(r, src, false);
  }

  /** As {@link #render(ReportModel, Function)}; {@code print} adds the page rules of the PDF. */
  String render(ReportModel r, Function<ChartRef, String> src, boolean print) {
    StringBuilder h = new StringBuilder(65_536);
    head(h, r, print);
    opening(h, r);
    headlineHeading(h, r);
    for (InitiativeSection s : r.headline()) {
      section(h, s, src);
    }
    rest(h, r, src);
    return h.toString();
  }

  /**
   * The PDF's HTML ({@link #render(ReportModel, Function, boolean)} with {@code print}) as documents to be
   * laid out side by side and their pages put one after the other ({@link PdfRenderer#render}): one
   * document while the report is smaller than {@code splitAbove} characters of text and markup (charts
   * not counted) or has fewer than two headline initiatives; otherwise two, the second starting at the
   * headline initiative that halves that size most nearly, on a page of its own.
   */
  List<String> printParts(ReportModel r, Function<ChartRef, String> src, int splitAbove) {
    List<InitiativeSection> sections = r.headline();
    Function<ChartRef, String> none = c -> "";
    long[] weights = new long[sections.size()];
    long total = weigh(h -> {
      opening(h, r);
      headlineHeading(h, r);
    }) + weigh(h -> rest(h, r, none));
    for (int k = 0; k < sections.size(); k++) {
      InitiativeSection s = sections.get(k);
      weights[k] = weigh(h -> section(h, s, none));
      total += weights[k];
    }
    int split = -1;
    if (total > splitAbove && sections.size() >= 2) {
      long before = weigh(h -> {
        opening(h, r);
        headlineHeading(h, r);
      });
      long best = Long.MAX_VALUE;
      for (int k = 1; k < sections.size(); k++) {
        before += weights[k - 1];
        long gap = Math.abs(total - 2 * before);
        if (gap < best) {
          best = gap;
          split = k;
        }
      }
    }
    if (split < 0) {
      return List.of(render(r, src, true));
    }
    StringBuilder first = new StringBuilder(65_536);
    head(first, r, true);
    opening(first, r);
    headlineHeading(first, r);
    for (InitiativeSection s : sections.subList(0, split)) {
      section(first, s, src);
    }
    end(first);
    StringBuilder second = new StringBuilder(65_536);
    head(second, r, true);
    // An empty first row: laid out with a tall initiative's row first, the paginated table took OpenHTMLtoPDF
    // about three times as long (measured on the 200-initiative report: 1.06 s against 0.39 s, warm).
    second.append(CONTINUATION);
    for (InitiativeSection s : sections.subList(split, sections.size())) {
      section(second, s, src);
    }
    rest(second, r, src);
    return List.of(first.toString(), second.toString());
  }

  /** The second part's first row, of no height (see {@link #printParts}). */
  static final String CONTINUATION = "<tr><td style=\"padding:0;height:0;\"></td></tr>\n";

  private static long weigh(java.util.function.Consumer<StringBuilder> part) {
    StringBuilder h = new StringBuilder();
    part.accept(h);
    return h.length();
  }

  private void headlineHeading(StringBuilder h, ReportModel r) {
    h.append("<tr><td class=\"vd-pad\" style=\"padding:18px 28px 0 28px;\">").append(h2(r.headlineHeading()))
        .append("<p style=\"margin:0 0 4px 0;color:#475467;\">").append(html(r.headlineIntro())).append("</p></td></tr>\n");
  }

  /** After the headline initiatives: the overview chart, the ingredients, the other initiatives, the footer. */
  private void rest(StringBuilder h, ReportModel r, Function<ChartRef, String> src) {
    if (r.overview() != null) {
      h.append("<tr><td class=\"vd-pad\" style=\"padding:18px 28px 0 28px;\">").append(h2(m.raw("overview.heading")))
          .append(img(r.overview(), src, CONTENT)).append("</td></tr>\n");
    }
    ingredients(h, r, src);
    others(h, r, null);
    close(h, r, List.of(r.attachmentNote()));
  }

  /**
   * The mail body, a digest that stays small at any size (SPEC section 5): the headline, the changes,
   * the needs-action list with each initiative's reasons in a few lines ({@link #DIGEST_FLAGS} flags,
   * then how many more), the ingredients chart and the overview table of every other initiative. The
   * full detail is in the attached PDF, named by {@code detailNote}.
   */
  String digest(ReportModel r, Function<ChartRef, String> src, String detailNote) {
    StringBuilder h = new StringBuilder(32_768);
    head(h, r, false);
    opening(h, r);
    h.append("<tr><td class=\"vd-pad\" style=\"padding:18px 28px 0 28px;\">").append(h2(r.headlineHeading()))
        .append("<p style=\"margin:0 0 4px 0;color:#475467;\">").append(html(r.headlineIntro())).append("</p>");
    if (!r.headline().isEmpty()) {
      h.append("<p style=\"margin:0 0 4px 0;color:#475467;\">").append(html(detailNote)).append("</p>");
    }
    h.append("</td></tr>\n");
    Digest d = Digest.of(r);
    for (InitiativeSection s : r.headline().subList(0, d.detailed())) {
      digestItem(h, s);
    }
    if (d.headlineRows() > 0) {
      h.append("<tr><td class=\"vd-pad\" style=\"padding:8px 28px 0 28px;\"><p style=\"margin:0 0 6px 0;color:#475467;\">")
          .append(html(m.get("digest.more_headline", (long) (r.headline().size() - d.detailed())))).append("</p>");
      compactTable(h, r.headlineTable(), d.detailed(), d.headlineRows(), ReportBuilder.OVERVIEW_PHONE_HIDDEN);
      h.append("</td></tr>\n");
    }
    ingredients(h, r, src);
    others(h, r, d);
    close(h, r, List.of(detailNote, r.attachmentNote()));
    return h.toString();
  }

  /** How many of an initiative's raised flags the digest lists (high before medium, as in the PDF). */
  static final int DIGEST_FLAGS = 3;
  /** How many headline initiatives the digest shows with their reasons; the rest as table rows. */
  static final int DIGEST_DETAILED = 20;
  /** How many table rows the digest shows in all, so that it stays small at any size. */
  static final int DIGEST_ROWS = 100;

  /**
   * What the digest of a report shows: the first {@code detailed} headline initiatives with their
   * reasons, {@code headlineRows} more of them as rows, {@code otherRows} of the other initiatives, and
   * how many initiatives it {@code left} to the PDF and the CSV.
   */
  record Digest(int detailed, int headlineRows, int otherRows, int left) {
    static Digest of(ReportModel r) {
      int detailed = Math.min(DIGEST_DETAILED, r.headline().size());
      int headlineRows = Math.min(DIGEST_ROWS, r.headline().size() - detailed);
      int others = r.others() == null ? 0 : r.others().rows().size();
      int otherRows = Math.min(DIGEST_ROWS - headlineRows, others);
      return new Digest(detailed, headlineRows, otherRows,
          r.headline().size() - detailed - headlineRows + others - otherRows);
    }
  }

  /** The flags of a section in the order of its pages: question by question, pillar by pillar. */
  static List<FlagLine> flagsOf(InitiativeSection s) {
    List<FlagLine> all = new java.util.ArrayList<>();
    for (Question q : s.questions()) {
      for (PillarFlags p : q.pillars()) {
        all.addAll(p.flags());
      }
    }
    all.sort(java.util.Comparator.comparing((FlagLine f) -> !"high".equals(f.severity())));
    return all;
  }

  private void digestItem(StringBuilder h, InitiativeSection s) {
    String color = Charts.hex(Charts.verdictColor(s.verdict()));
    h.append("<tr><td class=\"vd-pad\" style=\"padding:8px 28px 4px 28px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-left:4px solid ").append(color)
        .append(";\"><tr><td style=\"padding:2px 0 2px 12px;font-size:13px;\">")
        .append("<strong style=\"font-size:15px;color:#101828;\">").append(html(s.name())).append("</strong> ")
        .append("<span style=\"color:").append(color).append(";font-weight:bold;\">").append(html(s.verdictLabel()))
        .append("</span><br />").append(html(s.why()));
    if (!s.meta().isEmpty()) {
      Fact owner = s.meta().get(0);
      h.append(" &#183; ").append(html(owner.label())).append(": ")
          .append(owner.attention() ? "<span style=\"color:#b42318;font-weight:bold;\">" : "<span>")
          .append(html(owner.value())).append("</span>");
    }
    List<FlagLine> flags = flagsOf(s);
    for (FlagLine f : flags.subList(0, Math.min(DIGEST_FLAGS, flags.size()))) {
      h.append("<br />").append("high".equals(f.severity()) ? "<b style=\"color:#b42318;\">" : "<b>")
          .append(html(f.severityLabel())).append("</b> ").append(html(f.title())).append(". ")
          .append(html(f.text()));
    }
    if (flags.size() > DIGEST_FLAGS) {
      h.append("<br /><span style=\"color:#667085;\">").append(html(m.get("digest.more_flags",
          (long) (flags.size() - DIGEST_FLAGS)))).append("</span>");
    }
    h.append("</td></tr></table></td></tr>\n");
  }

  /** The document's head and the wrapping tables' start; {@code print}: the PDF's page rules. */
  private void head(StringBuilder h, ReportModel r, boolean print) {
    String page = print ? "#ffffff" : "#f2f4f7";
    h.append("<!DOCTYPE html>\n<html lang=\"").append(html(r.language())).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\" />\n")
        .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .append("<meta name=\"color-scheme\" content=\"light only\" />\n")
        .append("<title>").append(html(r.subject())).append("</title>\n");
    if (!print) {
      // Phones (clients that read a style block): narrower margins, and the overview table without the
      // columns of people and trained people (they are in the PDF and the CSV), so it fits the screen.
      h.append("<style>@media only screen and (max-width: 620px) { ")
          .append(".vd-wrap { width: 100% !important; } .vd-pad { padding-left: 12px !important; padding-right: 12px !important; } ")
          .append(".vd-opt { display: none !important; } }</style>\n");
    }
    if (print) {
      // A4 pages; the 680 px mail column fits the 190 mm between the margins. Text in the bundled font.
      // Page numbers are stamped on the pages afterwards (PdfRenderer), as the PDF may be laid out in parts.
      h.append("<style>@page { size: A4; margin: 12mm 10mm 14mm 10mm; } ")
          .append("body, table, td, h1, h2, h3, h4, div, p, span { font-family: '").append(PdfRenderer.FONT_FAMILY)
          .append("', Arial, sans-serif !important; } table { -fs-table-paginate: paginate; } ")
          .append("tr { page-break-inside: avoid; }</style>\n");
    }
    h.append("</head>\n")
        .append("<body style=\"margin:0;padding:0;background-color:").append(page).append(";\">\n")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"background-color:").append(page).append(";\">\n<tr><td align=\"center\" style=\"padding:")
        .append(print ? "0" : "24px 8px").append(";\">\n")
        .append("<table class=\"vd-wrap\" role=\"presentation\" width=\"").append(print ? "100%" : "680")
        .append("\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:").append(print ? "100%" : "680px")
        .append(";max-width:100%;background-color:#ffffff;border:").append(print ? "0" : "1px solid #e4e7ec").append(";")
        .append("font-family:").append(FONT).append(";color:#1f2933;font-size:14px;line-height:1.45;")
        .append("text-align:left;\">\n");
  }

  /** The report's opening: heading, verdict counts, register rows, changes. */
  private void opening(StringBuilder h, ReportModel r) {
    // Heading and headline sentence.
    h.append("<tr><td class=\"vd-pad\" style=\"padding:24px 28px 6px 28px;\">")
        .append("<div style=\"font-size:12px;letter-spacing:0.04em;text-transform:uppercase;color:#667085;\">")
        .append(html(r.title())).append("</div>")
        .append("<h1 style=\"margin:8px 0 0 0;font-size:22px;line-height:1.3;color:#101828;font-family:")
        .append(FONT).append(";\">").append(html(r.headlineSentence())).append("</h1></td></tr>\n");

    // Verdict counts: pills that wrap onto a second line on a phone.
    if (!r.verdictCounts().isEmpty()) {
      h.append("<tr><td class=\"vd-pad\" style=\"padding:12px 28px 0 28px;line-height:2.1;\">");
      for (Stat s : r.verdictCounts()) {
        h.append(pill(m.count(s.count()) + " " + s.label(), s.verdict(), 13)).append(' ');
      }
      h.append("</td></tr>\n");
    }

    // Register rows that could not be read: leadership must know an initiative is missing (SPEC section 7).
    if (r.registerHeading() != null) {
      h.append("<tr><td class=\"vd-pad\" style=\"padding:14px 28px 0 28px;\">")
          .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
          .append("style=\"border:1px solid #fda29b;background-color:#fef3f2;\"><tr><td style=\"padding:10px 14px;")
          .append("font-size:13px;color:#7a271a;\">")
          .append("<h2 style=\"margin:0 0 6px 0;font-size:15px;line-height:1.3;color:#b42318;font-family:").append(FONT)
          .append(";\">").append(html(r.registerHeading())).append("</h2>");
      List<String> lines = r.registerLines();
      h.append("<p style=\"margin:0 0 4px 0;\">").append(html(lines.get(0))).append("</p>");
      if (lines.size() > 1) {
        h.append("<ul style=\"margin:4px 0 0 0;padding:0 0 0 18px;\">");
        for (String line : lines.subList(1, lines.size())) {
          h.append("<li style=\"margin:0 0 3px 0;\">").append(html(line)).append("</li>");
        }
        h.append("</ul>");
      }
      h.append("</td></tr></table></td></tr>\n");
    }

    // What changed since the previous report, most important first (SPEC section 5).
    if (r.changesHeading() != null) {
      h.append("<tr><td class=\"vd-pad\" style=\"padding:14px 28px 0 28px;\">").append(h2(r.changesHeading()));
      List<String> lines = r.changesLines();
      if (lines.size() == 1) {
        h.append("<p style=\"margin:0;\">").append(html(lines.get(0))).append("</p>");
      } else {
        h.append("<ul style=\"margin:0;padding:0 0 0 18px;\">");
        for (String line : lines) {
          h.append("<li style=\"margin:0 0 3px 0;\">").append(html(line)).append("</li>");
        }
        h.append("</ul>");
      }
      h.append("</td></tr>\n");
    }
  }

  /** The ingredients chart: Org B's thesis in this organisation, with its figures as text. */
  private void ingredients(StringBuilder h, ReportModel r, Function<ChartRef, String> src) {
    if (r.ingredients() != null) {
      h.append("<tr><td class=\"vd-pad\" style=\"padding:18px 28px 0 28px;\">").append(h2(m.raw("ingredients.heading")))
          .append("<p style=\"margin:0 0 6px 0;color:#475467;\">").append(html(r.ingredientsIntro())).append("</p>")
          .append(img(r.ingredients(), src, CONTENT));
      for (String line : r.ingredientsLines()) {
        h.append("<p style=\"margin:4px 0 0 0;font-size:13px;\">").append(html(line)).append("</p>");
      }
      h.append("</td></tr>\n");
    }
  }

  /**
   * Every other initiative, in a table: all of them ({@code digest} null), or the digest's compact
   * rows and how many it leaves to the PDF.
   */
  private void others(StringBuilder h, ReportModel r, Digest digest) {
    h.append("<tr><td class=\"vd-pad\" style=\"padding:18px 28px 8px 28px;\">").append(h2(r.othersHeading()))
        .append("<p style=\"margin:0 0 8px 0;color:#475467;\">").append(html(r.othersIntro())).append("</p>");
    if (r.others() != null) {
      if (digest == null) {
        table(h, r.others(), 13);
      } else {
        compactTable(h, r.others(), 0, digest.otherRows(), ReportBuilder.OVERVIEW_PHONE_HIDDEN);
      }
    }
    if (digest != null && digest.left() > 0) {
      h.append("<p style=\"margin:6px 0 0 0;color:#475467;\">")
          .append(html(m.get("digest.more_rows", (long) digest.left()))).append("</p>");
    }
    h.append("</td></tr>\n");
  }

  /** Data quality and the attachments, then the end of the document. */
  private void close(StringBuilder h, ReportModel r, List<String> notes) {
    h.append("<tr><td class=\"vd-pad\" style=\"padding:18px 28px 22px 28px;background-color:#f9fafb;border-top:1px solid #e4e7ec;")
        .append("font-size:12px;color:#475467;\">")
        .append("<h2 style=\"margin:0 0 6px 0;font-size:14px;color:#344054;font-family:").append(FONT).append(";\">")
        .append(html(r.footerHeading())).append("</h2>");
    for (String line : r.footerLines()) {
      h.append("<p style=\"margin:0 0 6px 0;\">").append(html(line)).append("</p>");
    }
    for (String note : notes) {
      h.append("<p style=\"margin:10px 0 0 0;\">").append(html(note)).append("</p>");
    }
    h.append("</td></tr>\n");
    end(h);
  }

  /** The wrapping tables' end and the document's. */
  private static void end(StringBuilder h) {
    h.append("</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
  }

  /**
   * A table in about a quarter of {@link #table}'s bytes: attributes instead of per-cell styles, zebra
   * rows instead of cell borders; a verdict cell is still coloured.
   */
  private void compactTable(StringBuilder h, Table t, int from, int count, java.util.Set<Integer> phoneHidden) {
    h.append("<table width=\"100%\" cellpadding=\"4\" cellspacing=\"0\" border=\"0\" style=\"font-size:12px;")
        .append("border-collapse:collapse;\"><tr bgcolor=\"#eaecf0\">");
    for (int c = 0; c < t.header().size(); c++) {
      h.append("<th").append(phoneHidden.contains(c) ? " class=\"vd-opt\"" : "")
          .append(t.numeric().get(c) ? " align=\"right\">" : " align=\"left\">").append(html(t.header().get(c)))
          .append("</th>");
    }
    h.append("</tr>");
    int n = 0;
    for (List<Cell> row : t.rows().subList(from, from + count)) {
      h.append(n++ % 2 == 1 ? "<tr bgcolor=\"#f9fafb\">" : "<tr>");
      for (int c = 0; c < row.size(); c++) {
        Cell cell = row.get(c);
        h.append("<td").append(phoneHidden.contains(c) ? " class=\"vd-opt\"" : "")
            .append(t.numeric().get(c) ? " align=\"right\">" : ">");
        if (cell.verdict() != null) {
          h.append("<span style=\"color:").append(Charts.hex(Charts.verdictColor(cell.verdict()))).append(";\"><b>")
              .append(html(cell.text())).append("</b></span>");
        } else if (cell.muted()) {
          h.append("<i style=\"color:#667085;\">").append(html(cell.text())).append("</i>");
        } else {
          h.append(html(cell.text()));
        }
        h.append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
  }

  private void section(StringBuilder h, InitiativeSection s, Function<ChartRef, String> src) {
    String color = Charts.hex(Charts.verdictColor(s.verdict()));
    h.append("<tr><td class=\"vd-pad\" style=\"padding:10px 28px 8px 28px;\">")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"border:1px solid #e4e7ec;border-left:4px solid ").append(color).append(";\">")
        .append("<tr><td style=\"padding:14px 16px 12px 16px;\">")
        .append(pill(s.verdictLabel(), s.verdict(), 12))
        .append("<h3 style=\"margin:8px 0 2px 0;font-size:18px;line-height:1.3;color:#101828;font-family:")
        .append(FONT).append(";\">").append(html(s.name())).append("</h3>")
        .append("<div style=\"color:").append(color).append(";font-size:13px;font-weight:bold;\">")
        .append(html(s.why())).append("</div>");
    h.append("<div style=\"margin:6px 0 0 0;font-size:13px;color:#475467;\">");
    for (int i = 0; i < s.meta().size(); i++) {
      Fact f = s.meta().get(i);
      if (i > 0) {
        h.append(" &#160;&#183;&#160; ");
      }
      h.append(html(f.label())).append(": <span style=\"color:")
          .append(f.attention() ? "#b42318;font-weight:bold" : "#1f2933").append(";\">")
          .append(html(f.value())).append("</span>");
    }
    h.append("</div>");
    if (!s.trajectory().isEmpty()) {
      // The 12-week verdict strip, oldest first: opaque table cells (Outlook draws no flexbox), the same
      // figures as text in the line above.
      h.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"2\" border=\"0\" ")
          .append("style=\"margin:6px 0 0 0;\"><tr>");
      for (String v : s.trajectory()) {
        String c = Charts.hex(Charts.verdictColor(v));
        h.append("<td width=\"18\" height=\"10\" bgcolor=\"").append(c).append("\" style=\"width:18px;height:10px;")
            .append("background-color:").append(c).append(";font-size:1px;line-height:1px;\">&#160;</td>");
      }
      h.append("</tr></table>");
    }
    if (s.suppressedNote() != null) {
      h.append("<div style=\"margin:10px 0 0 0;padding:8px 10px;background-color:#f2f4f7;color:#475467;")
          .append("font-size:13px;\">").append(html(s.suppressedNote())).append("</div>");
    }
    for (Question q : s.questions()) {
      question(h, q, src);
    }
    h.append("</td></tr></table></td></tr>\n");
  }

  private void question(StringBuilder h, Question q, Function<ChartRef, String> src) {
    h.append("<h4 style=\"margin:16px 0 6px 0;font-size:14px;line-height:1.35;color:#101828;font-family:")
        .append(FONT).append(";\">").append(html(q.title())).append("</h4>");
    h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"font-size:13px;\">");
    for (Fact f : q.facts()) {
      h.append("<tr><td width=\"38%\" style=\"width:38%;padding:3px 10px 3px 0;vertical-align:top;color:#475467;\">")
          .append(html(f.label())).append("</td><td style=\"padding:3px 0;vertical-align:top;")
          .append(f.attention() ? "color:#b42318;font-weight:bold;" : "color:#1f2933;").append("\">")
          .append(html(f.value())).append("</td></tr>");
    }
    h.append("</table>");
    for (PillarFlags p : q.pillars()) {
      h.append("<div style=\"margin:10px 0 3px 0;font-size:11px;font-weight:bold;letter-spacing:0.05em;")
          .append("text-transform:uppercase;color:#667085;\">").append(html(p.label())).append("</div>");
      h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
          .append("style=\"font-size:13px;\">");
      for (FlagLine f : p.flags()) {
        h.append("<tr><td width=\"64\" style=\"width:64px;padding:3px 8px 3px 0;vertical-align:top;\">")
            .append(severityPill(f)).append("</td><td style=\"padding:3px 0;vertical-align:top;\">")
            .append("<strong>").append(html(f.title())).append(".</strong> ").append(html(f.text()));
        if (f.nextStep() != null) {
          h.append("<br /><span style=\"color:#344054;\"><em>").append(html(m.raw("flag.next.label")))
              .append(":</em> ").append(html(f.nextStep())).append("</span>");
        }
        h.append("</td></tr>");
      }
      h.append("</table>");
    }
    if (q.chart() != null) {
      h.append("<div style=\"margin:12px 0 0 0;\">").append(img(q.chart(), src, CARD_CONTENT)).append("</div>");
      if (q.chartText() != null) {
        h.append("<div style=\"margin:2px 0 0 0;font-size:11px;color:#667085;\">").append(html(q.chartText()))
            .append("</div>");
      }
    }
    if (q.table() != null) {
      h.append("<div style=\"margin:12px 0 4px 0;font-size:13px;font-weight:bold;color:#344054;\">")
          .append(html(q.tableHeading())).append("</div>");
      table(h, q.table(), 12);
    }
  }

  private void table(StringBuilder h, Table t, int fontSize) {
    h.append("<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;")
        .append("font-size:").append(fontSize).append("px;\"><tr>");
    for (int c = 0; c < t.header().size(); c++) {
      h.append("<th style=\"text-align:").append(t.numeric().get(c) ? "right" : "left")
          .append(";padding:6px 6px;border-bottom:2px solid #d0d5dd;color:#344054;font-weight:bold;\">")
          .append(html(t.header().get(c))).append("</th>");
    }
    h.append("</tr>");
    for (List<Cell> row : t.rows()) {
      h.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        Cell cell = row.get(c);
        h.append("<td style=\"text-align:").append(t.numeric().get(c) ? "right" : "left")
            .append(";padding:5px 6px;border-bottom:1px solid #eaecf0;vertical-align:top;");
        if (c > 0 && cell.text().length() <= 20) {
          h.append("white-space:nowrap;");
        }
        if (cell.verdict() != null) {
          h.append("color:").append(Charts.hex(Charts.verdictColor(cell.verdict()))).append(";font-weight:bold;");
        } else if (cell.muted()) {
          h.append("color:#667085;font-style:italic;");
        }
        h.append("\">").append(html(cell.text())).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
  }

  private String img(ChartRef c, Function<ChartRef, String> src, int width) {
    int height = Math.round(c.height() * (width / (float) c.width()));
    return "<img src=\"" + html(src.apply(c)) + "\" width=\"" + width + "\" height=\"" + height + "\" alt=\""
        + html(c.alt()) + "\" style=\"display:block;width:100%;max-width:" + width
        + "px;height:auto;border:0;outline:none;text-decoration:none;\" />";
  }

  private static String h2(String text) {
    return "<h2 style=\"margin:0 0 6px 0;font-size:17px;line-height:1.3;color:#101828;font-family:" + FONT + ";\">"
        + html(text) + "</h2>";
  }

  private static String pill(String text, String verdict, int size) {
    String color = Charts.hex(Charts.verdictColor(verdict));
    return "<span style=\"display:inline-block;padding:3px 10px;border:1px solid " + color + ";border-radius:12px;color:"
        + color + ";font-weight:bold;font-size:" + size + "px;white-space:nowrap;\">" + html(text) + "</span>";
  }

  private static String severityPill(FlagLine f) {
    boolean high = "high".equals(f.severity());
    String bg = high ? "#b42318" : "#fffaeb";
    String fg = high ? "#ffffff" : "#93370d";
    String border = high ? "#b42318" : "#fedf89";
    return "<span style=\"display:inline-block;min-width:44px;text-align:center;padding:1px 6px;border:1px solid "
        + border + ";border-radius:3px;background-color:" + bg + ";color:" + fg
        + ";font-size:11px;font-weight:bold;text-transform:uppercase;\">" + html(f.severityLabel()) + "</span>";
  }
}
