package se.vardag.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.vardag.Text;
import se.vardag.report.ReportModel.Cell;
import se.vardag.report.ReportModel.Fact;
import se.vardag.report.ReportModel.FlagLine;
import se.vardag.report.ReportModel.InitiativeSection;
import se.vardag.report.ReportModel.PillarFlags;
import se.vardag.report.ReportModel.Question;
import se.vardag.report.ReportModel.Table;

/**
 * The plain-text alternative: the same content as the HTML, wrapped at {@link #WIDTH} characters, with
 * each chart replaced by its figures. Text from the inputs is put on one line (no CR/LF of its own).
 */
final class TextRenderer {
  static final int WIDTH = 76;

  private final Messages m;

  TextRenderer(Messages m) {
    this.m = m;
  }

  String render(ReportModel r) {
    StringBuilder t = new StringBuilder(16_384);
    line(t, "", r.title().toUpperCase(m.locale()));
    line(t, "", r.headlineSentence());
    if (!r.verdictCounts().isEmpty()) {
      t.append('\n');
      line(t, "", r.verdictCounts().stream().map(s -> m.count(s.count()) + " " + s.label())
          .collect(Collectors.joining(" \u00b7 ")));
    }
    if (r.registerHeading() != null) {
      heading(t, "! " + r.registerHeading());
      List<String> lines = r.registerLines();
      line(t, "", lines.get(0));
      for (String l : lines.subList(1, lines.size())) {
        line(t, "- ", "  ", l);
      }
    }
    if (r.changesHeading() != null) {
      heading(t, r.changesHeading());
      List<String> lines = r.changesLines();
      for (String l : lines) {
        line(t, lines.size() == 1 ? "" : "- ", lines.size() == 1 ? "" : "  ", l);
      }
    }
    heading(t, r.headlineHeading());
    line(t, "", r.headlineIntro());
    for (InitiativeSection s : r.headline()) {
      t.append('\n');
      line(t, "", "\u25a0 " + s.name());
      line(t, "   ", "[" + s.verdictLabel() + "] " + s.why());
      line(t, "   ", s.meta().stream().map(f -> f.label() + ": " + f.value()).collect(Collectors.joining(" \u00b7 ")));
      if (s.suppressedNote() != null) {
        line(t, "   ", s.suppressedNote());
      }
      for (Question q : s.questions()) {
        t.append('\n');
        line(t, "   ", q.title());
        for (Fact f : q.facts()) {
          line(t, "     - ", "       ", f.label() + ": " + f.value() + (f.attention() ? " (!)" : ""));
        }
        for (PillarFlags p : q.pillars()) {
          line(t, "     ", p.label() + ":");
          for (FlagLine f : p.flags()) {
            line(t, "       [" + f.severityLabel().toUpperCase(m.locale()) + "] ", "         ",
                f.title() + ". " + f.text());
            if (f.nextStep() != null) {
              line(t, "         ", "         ", m.raw("flag.next.label") + ": " + f.nextStep());
            }
          }
        }
        if (q.chartText() != null) {
          line(t, "     ", "       ", q.chartText());
        }
        if (q.table() != null) {
          line(t, "     ", q.tableHeading() + ":");
          rows(t, q.table(), "       - ", "         ");
        }
      }
    }
    if (!r.overviewText().isEmpty()) {
      heading(t, m.raw("overview.heading"));
      for (String l : r.overviewText().split("\n")) {
        line(t, "  ", "    ", l);
      }
    }
    if (r.ingredients() != null) {
      heading(t, m.raw("ingredients.heading"));
      line(t, "", r.ingredientsIntro());
      for (String l : r.ingredientsLines()) {
        line(t, "  ", "    ", l);
      }
    }
    heading(t, r.othersHeading());
    line(t, "", r.othersIntro());
    if (r.others() != null) {
      t.append('\n');
      rows(t, r.others(), "- ", "  ");
    }
    heading(t, r.footerHeading());
    for (String l : r.footerLines()) {
      line(t, "", l);
    }
    t.append('\n');
    line(t, "", r.attachmentNote());
    return t.toString();
  }

  /** A table row by row: the first cell, then "header value" pairs. */
  private void rows(StringBuilder t, Table table, String first, String rest) {
    for (List<Cell> row : table.rows()) {
      List<String> parts = new ArrayList<>();
      for (int c = 1; c < row.size(); c++) {
        Cell cell = row.get(c);
        if (cell.text().isEmpty()) {
          continue;
        }
        // A note in place of a figure ("too small to report on") stands alone, once.
        boolean note = cell.muted() && (cell.text().equals(m.raw("value.too_small_short"))
            || cell.text().equals(m.raw("value.unit.too_small")) || cell.text().equals(m.raw("value.unit.complementary")));
        String part = note ? cell.text() : table.header().get(c) + ": " + cell.text();
        if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part)) {
          parts.add(part);
        }
      }
      line(t, first, rest, row.get(0).text() + (parts.isEmpty() ? "" : " \u2014 " + String.join(" \u00b7 ", parts)));
    }
  }

  private void heading(StringBuilder t, String text) {
    t.append('\n');
    String h = "== " + Text.oneLine(text) + " ==";
    t.append(h).append('\n');
  }

  private static void line(StringBuilder t, String indent, String text) {
    line(t, indent, indent, text);
  }

  /** Word-wraps {@code text} (made one line first) with a first-line and a continuation indent. */
  static void line(StringBuilder t, String firstIndent, String restIndent, String text) {
    String s = Text.oneLine(text);
    String indent = firstIndent;
    int[] cps = s.codePoints().toArray();
    int start = 0;
    if (cps.length == 0) {
      t.append(indent.stripTrailing()).append('\n');
      return;
    }
    while (start < cps.length) {
      int room = Math.max(20, WIDTH - indent.length());
      int end = Math.min(cps.length, start + room);
      if (end < cps.length) {
        int cut = end;
        while (cut > start && cps[cut] != ' ') {
          cut--;
        }
        if (cut > start) {
          end = cut;
        }
      }
      t.append(indent).append(new String(cps, start, end - start).stripTrailing()).append('\n');
      start = end;
      while (start < cps.length && cps[start] == ' ') {
        start++;
      }
      indent = restIndent;
    }
  }
}
