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

  /** The whole report as text (report.txt). */
  String render(ReportModel r) {
    StringBuilder t = new StringBuilder(16_384);
    open(t, r);
    heading(t, r.headlineHeading());
    line(t, "", r.headlineIntro());
    for (InitiativeSection s : r.headline()) {
      section(t, s);
    }
    if (!r.overviewText().isEmpty()) {
      heading(t, m.raw("overview.heading"));
      for (String l : r.overviewText().split("\n")) {
        line(t, "  ", "    ", l);
      }
    }
    close(t, r, r.others() == null ? 0 : r.others().rows().size(), 0, List.of(r.attachmentNote()));
    return t.toString();
  }

  /** The mail's plain-text alternative: the digest of {@link HtmlRenderer#digest}, in the same order. */
  String digest(ReportModel r, String detailNote) {
    StringBuilder t = new StringBuilder(8_192);
    open(t, r);
    heading(t, r.headlineHeading());
    line(t, "", r.headlineIntro());
    if (!r.headline().isEmpty()) {
      line(t, "", detailNote);
    }
    HtmlRenderer.Digest d = HtmlRenderer.Digest.of(r);
    for (InitiativeSection s : r.headline().subList(0, d.detailed())) {
      t.append('\n');
      line(t, "", "\u25a0 " + s.name());
      String owner = s.meta().isEmpty() ? "" : " \u00b7 " + s.meta().get(0).label() + ": " + s.meta().get(0).value();
      line(t, "   ", "[" + s.verdictLabel() + "] " + s.why() + owner);
      List<FlagLine> flags = HtmlRenderer.flagsOf(s);
      for (FlagLine f : flags.subList(0, Math.min(HtmlRenderer.DIGEST_FLAGS, flags.size()))) {
        line(t, "   [" + f.severityLabel().toUpperCase(m.locale()) + "] ", "     ", f.title() + ". " + f.text());
      }
      if (flags.size() > HtmlRenderer.DIGEST_FLAGS) {
        line(t, "   ", m.get("digest.more_flags", (long) (flags.size() - HtmlRenderer.DIGEST_FLAGS)));
      }
    }
    if (d.headlineRows() > 0) {
      t.append('\n');
      line(t, "", m.get("digest.more_headline", (long) (r.headline().size() - d.detailed())));
      rows(t, r.headlineTable(), d.detailed(), d.headlineRows(), "- ", "  ");
    }
    close(t, r, d.otherRows(), d.left(), List.of(detailNote, r.attachmentNote()));
    return t.toString();
  }

  private void open(StringBuilder t, ReportModel r) {
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
  }

  private void section(StringBuilder t, InitiativeSection s) {
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
        rows(t, q.table(), 0, q.table().rows().size(), "       - ", "         ");
      }
    }
  }

  /**
   * The ingredients, the first {@code otherRows} other initiatives (and how many more, {@code left},
   * when the digest leaves some to the PDF), data quality and the {@code notes}.
   */
  private void close(StringBuilder t, ReportModel r, int otherRows, int left, List<String> notes) {
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
      rows(t, r.others(), 0, otherRows, "- ", "  ");
    }
    if (left > 0) {
      line(t, "", m.get("digest.more_rows", (long) left));
    }
    heading(t, r.footerHeading());
    for (String l : r.footerLines()) {
      line(t, "", l);
    }
    for (String note : notes) {
      t.append('\n');
      line(t, "", note);
    }
  }

  /** A table row by row: the first cell, then "header value" pairs. */
  private void rows(StringBuilder t, Table table, int from, int count, String first, String rest) {
    for (List<Cell> row : table.rows().subList(from, from + count)) {
      List<String> parts = new ArrayList<>();
      for (int c = 1; c < row.size(); c++) {
        Cell cell = row.get(c);
        if (cell.text().isEmpty()) {
          continue;
        }
        // A note in place of a figure ("too small to report on") stands alone, once.
        boolean note = cell.muted() && (cell.text().equals(m.raw("value.too_small_short"))
            || cell.text().equals(m.raw("value.unit.too_small")) || cell.text().equals(m.raw("value.unit.complementary")));
        // A header's soft hyphen (where a phone may break it in the HTML) has no place in plain text.
        String part = note ? cell.text() : table.header().get(c).replace("\u00ad", "") + ": " + cell.text();
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
