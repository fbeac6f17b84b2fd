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
 */
final class HtmlRenderer {
  static final String FONT = "Arial,Helvetica,sans-serif";
  static final int CONTENT = 624;
  static final int CARD_CONTENT = 580;

  private final Messages m;

  HtmlRenderer(Messages m) {
    this.m = m;
  }

  /** The HTML, with each chart's {@code src} given by {@code src} (a cid: URL or a relative file path). */
  String render(ReportModel r, Function<ChartRef, String> src) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(html(r.language())).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light only\">\n")
        .append("<title>").append(html(r.subject())).append("</title>\n</head>\n")
        .append("<body style=\"margin:0;padding:0;background-color:#f2f4f7;\">\n")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"background-color:#f2f4f7;\">\n<tr><td align=\"center\" style=\"padding:24px 8px;\">\n")
        .append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"width:680px;max-width:100%;background-color:#ffffff;border:1px solid #e4e7ec;")
        .append("font-family:").append(FONT).append(";color:#1f2933;font-size:14px;line-height:1.45;\">\n");

    // Heading and headline sentence.
    h.append("<tr><td style=\"padding:24px 28px 6px 28px;\">")
        .append("<div style=\"font-size:12px;letter-spacing:0.04em;text-transform:uppercase;color:#667085;\">")
        .append(html(r.title())).append("</div>")
        .append("<h1 style=\"margin:8px 0 0 0;font-size:22px;line-height:1.3;color:#101828;font-family:")
        .append(FONT).append(";\">").append(html(r.headlineSentence())).append("</h1></td></tr>\n");

    // Verdict counts.
    if (!r.verdictCounts().isEmpty()) {
      h.append("<tr><td style=\"padding:12px 28px 4px 28px;\"><table role=\"presentation\" cellpadding=\"0\" ")
          .append("cellspacing=\"0\" border=\"0\"><tr>");
      for (Stat s : r.verdictCounts()) {
        h.append("<td style=\"padding:0 6px 6px 0;\">").append(pill(m.count(s.count()) + " " + s.label(),
            s.verdict(), 13)).append("</td>");
      }
      h.append("</tr></table></td></tr>\n");
    }

    // Register rows that could not be read: leadership must know an initiative is missing (SPEC section 7).
    if (r.registerHeading() != null) {
      h.append("<tr><td style=\"padding:14px 28px 0 28px;\">")
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
      h.append("<tr><td style=\"padding:14px 28px 0 28px;\">").append(h2(r.changesHeading()));
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

    // The headline list.
    h.append("<tr><td style=\"padding:18px 28px 0 28px;\">").append(h2(r.headlineHeading()))
        .append("<p style=\"margin:0 0 4px 0;color:#475467;\">").append(html(r.headlineIntro())).append("</p></td></tr>\n");
    for (InitiativeSection s : r.headline()) {
      section(h, s, src);
    }

    // Overview chart.
    if (r.overview() != null) {
      h.append("<tr><td style=\"padding:18px 28px 0 28px;\">").append(h2(m.raw("overview.heading")))
          .append(img(r.overview(), src, CONTENT)).append("</td></tr>\n");
    }

    // The ingredients chart: Org B's thesis in this organisation, with its figures as text.
    if (r.ingredients() != null) {
      h.append("<tr><td style=\"padding:18px 28px 0 28px;\">").append(h2(m.raw("ingredients.heading")))
          .append("<p style=\"margin:0 0 6px 0;color:#475467;\">").append(html(r.ingredientsIntro())).append("</p>")
          .append(img(r.ingredients(), src, CONTENT));
      for (String line : r.ingredientsLines()) {
        h.append("<p style=\"margin:4px 0 0 0;font-size:13px;\">").append(html(line)).append("</p>");
      }
      h.append("</td></tr>\n");
    }

    // Every other initiative.
    h.append("<tr><td style=\"padding:18px 28px 8px 28px;\">").append(h2(r.othersHeading()))
        .append("<p style=\"margin:0 0 8px 0;color:#475467;\">").append(html(r.othersIntro())).append("</p>");
    if (r.others() != null) {
      table(h, r.others(), 13);
    }
    h.append("</td></tr>\n");

    // Data quality and the attachment.
    h.append("<tr><td style=\"padding:18px 28px 22px 28px;background-color:#f9fafb;border-top:1px solid #e4e7ec;")
        .append("font-size:12px;color:#475467;\">")
        .append("<h2 style=\"margin:0 0 6px 0;font-size:14px;color:#344054;font-family:").append(FONT).append(";\">")
        .append(html(r.footerHeading())).append("</h2>");
    for (String line : r.footerLines()) {
      h.append("<p style=\"margin:0 0 6px 0;\">").append(html(line)).append("</p>");
    }
    h.append("<p style=\"margin:10px 0 0 0;\">").append(html(r.attachmentNote())).append("</p>");
    h.append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
    return h.toString();
  }

  private void section(StringBuilder h, InitiativeSection s, Function<ChartRef, String> src) {
    String color = Charts.hex(Charts.verdictColor(s.verdict()));
    h.append("<tr><td style=\"padding:10px 28px 8px 28px;\">")
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
        h.append(" &nbsp;&middot;&nbsp; ");
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
            .append("background-color:").append(c).append(";font-size:1px;line-height:1px;\">&nbsp;</td>");
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
          h.append("<br><span style=\"color:#344054;\"><em>").append(html(m.raw("flag.next.label")))
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
        + "px;height:auto;border:0;outline:none;text-decoration:none;\">";
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
