package se.vardag.report;

import static java.util.Objects.requireNonNull;
import static se.vardag.Text.html;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short alert of the days between full reports (SPEC section 7, {@code report.cadence}): the
 * verdicts that got worse and the high flags raised since the recipient's last mail, each with its
 * owner, and for a flag its evidence and next step. No charts and no PDF; the scope's CSV is attached.
 * Empty when nothing got worse: then no mail goes out.
 */
final class AlertRenderer {
  private final Messages m;
  private final ReportBuilder builder;

  AlertRenderer(Messages m, ReportBuilder builder) {
    this.m = requireNonNull(m, "m is null");
    this.builder = requireNonNull(builder, "builder is null");
  }

  /**
   * The alert for {@code data} (scoped, compared with the recipient's last mail), or empty when no
   * verdict got worse and no high flag was raised; {@code nextFullReport} is named at its end.
   */
  Optional<RenderedReport> render(ReportData data, Scope scope, LocalDate nextFullReport) {
    List<ChangeWords.AlertItem> items = builder.changeWords().alertItems(data);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    LocalDate d = data.asOf();
    String subject = builder.changeWords().alertSubject(data);
    String title = m.get("alert.title", m.date(d));
    if (!scope.isAll()) {
      title = m.get("report.title.scoped", title, builder.scopeLabel(scope));
    }
    String heading = m.get("alert.heading", (long) items.size(), m.date(data.earlier().asOf()));
    List<String> closing = new ArrayList<>();
    if (nextFullReport != null) {
      closing.add(m.get("alert.full_report", nextFullReport.getDayOfWeek().getDisplayName(TextStyle.FULL, m.locale()),
          m.date(nextFullReport)));
    }
    closing.add(m.raw("alert.why"));
    String attachment = ReportBuilder.attachmentName(m, d);
    closing.add(m.get("attachment.note", attachment));

    StringBuilder t = new StringBuilder();
    t.append(title).append("\n\n").append(heading).append("\n\n");
    for (ChangeWords.AlertItem i : items) {
      t.append("- ").append(i.line()).append('\n').append("  ").append(i.owner()).append('\n');
      if (i.evidence() != null) {
        t.append("  ").append(i.evidence()).append('\n');
      }
      if (i.nextStep() != null) {
        t.append("  ").append(m.get("alert.next", i.nextStep())).append('\n');
      }
    }
    t.append('\n');
    for (String line : closing) {
      t.append(line).append('\n');
    }
    String text = t.toString();

    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"").append(html(m.language())).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\" />\n")
        .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .append("<meta name=\"color-scheme\" content=\"light only\" />\n")
        .append("<title>").append(html(subject)).append("</title>\n</head>\n")
        .append("<body style=\"margin:0;padding:0;background-color:#f2f4f7;\">\n")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"background-color:#f2f4f7;\">\n<tr><td align=\"center\" style=\"padding:24px 8px;\">\n")
        .append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"width:680px;max-width:100%;background-color:#ffffff;border:1px solid #e4e7ec;font-family:")
        .append(HtmlRenderer.FONT).append(";color:#1f2933;font-size:14px;line-height:1.45;text-align:left;\">\n")
        .append("<tr><td style=\"padding:24px 28px 6px 28px;\">")
        .append("<div style=\"font-size:12px;letter-spacing:0.04em;text-transform:uppercase;color:#b42318;\">")
        .append(html(title)).append("</div>")
        .append("<h1 style=\"margin:8px 0 0 0;font-size:20px;line-height:1.3;color:#101828;font-family:")
        .append(HtmlRenderer.FONT).append(";\">").append(html(heading)).append("</h1></td></tr>\n");
    for (ChangeWords.AlertItem i : items) {
      h.append("<tr><td style=\"padding:12px 28px 0 28px;\">")
          .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
          .append("style=\"border-left:4px solid #b42318;\"><tr><td style=\"padding:4px 0 4px 12px;\">")
          .append("<p style=\"margin:0;font-weight:bold;\">").append(html(i.line())).append("</p>")
          .append("<p style=\"margin:2px 0 0 0;color:#475467;font-size:13px;\">").append(html(i.owner())).append("</p>");
      if (i.evidence() != null) {
        h.append("<p style=\"margin:4px 0 0 0;\">").append(html(i.evidence())).append("</p>");
      }
      if (i.nextStep() != null) {
        h.append("<p style=\"margin:4px 0 0 0;\"><strong>").append(html(m.raw("flag.next.label")))
            .append(":</strong> ").append(html(i.nextStep())).append("</p>");
      }
      h.append("</td></tr></table></td></tr>\n");
    }
    h.append("<tr><td style=\"padding:18px 28px 22px 28px;font-size:12px;color:#475467;\">");
    for (String line : closing) {
      h.append("<p style=\"margin:0 0 6px 0;\">").append(html(line)).append("</p>");
    }
    h.append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");

    byte[] csv = CsvExport.write(data.initiatives(), data.quality().missingOptionalInputs());
    return Optional.of(new RenderedReport(d, m.language(), subject, text, h.toString(), csv, attachment, List.of()));
  }
}
