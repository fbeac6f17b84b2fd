package se.vardag.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vardag.Text;
import se.vardag.report.ReportData.FlagRow;

/** The changes since an earlier report in words: the report's list, the subject's lead and the alert's items. */
final class ChangeWords {
  private final Messages m;
  private final EvidenceText evidence;
  private final Labels labels;

  ChangeWords(Messages m, EvidenceText evidence, Labels labels) {
    this.m = m;
    this.evidence = evidence;
    this.labels = labels;
  }

  /** One item of an alert: the change, the owner, and for a raised flag its evidence and next step (null: none). */
  record AlertItem(String line, String owner, String evidence, String nextStep) {}

  /**
   * The alert's items (SPEC section 7): the verdicts that got worse and the high flags raised since the
   * earlier report, most important first; empty when there is nothing to compare with or nothing worse.
   */
  List<AlertItem> alertItems(ReportData data) {
    if (data.earlier() == null) {
      return List.of();
    }
    Changes changes = Changes.between(data.earlier(), data.initiatives(), data.flags());
    Map<String, InitiativeRow> byId = new LinkedHashMap<>();
    data.initiatives().forEach(i -> byId.put(i.id(), i));
    List<AlertItem> out = new ArrayList<>();
    for (Changes.Change c : changes.changes()) {
      InitiativeRow i = byId.get(c.initiativeId());
      if (c.kind() == Changes.Kind.WORSE) {
        out.add(new AlertItem(changeLine(c), ownerText(i), null, null));
      } else if (c.kind() == Changes.Kind.RAISED && c.high()) {
        FlagRow f = data.flags().stream()
            .filter(x -> x.initiativeId().equals(c.initiativeId()) && x.code().equals(c.flag())).findFirst().orElse(null);
        out.add(new AlertItem(changeLine(c), ownerText(i), f == null ? null : evidence.text(f, labels.ownerLabelFor(i, f)),
            labels.nextStep(c.flag())));
      }
    }
    return out;
  }

  /** The alert's subject: the date and its most important item. */
  String alertSubject(ReportData data) {
    Changes changes = Changes.between(data.earlier(), data.initiatives(), data.flags());
    Changes.Change first = changes.changes().stream()
        .filter(c -> c.kind() == Changes.Kind.WORSE || (c.kind() == Changes.Kind.RAISED && c.high()))
        .findFirst().orElseThrow(() -> new IllegalStateException("Cannot word an alert without a change for the worse"));
    return Text.oneLine(m.get("alert.subject", m.date(data.asOf()), subjectLead(first)));
  }

  String ownerText(InitiativeRow i) {
    String label = i == null ? null : labels.ownerLabel(i);
    return m.get("alert.owner", label == null ? m.raw("value.no_owner") : label);
  }

  /** Most changes a report lists; the rest are counted in one line (the CSV has every initiative). */
  static final int MAX_CHANGE_LINES = 15;

  /** The changes since the earlier report, one line each, most important first; one line when none. */
  List<String> changeLines(Changes changes) {
    if (changes.none()) {
      return List.of(m.get("changes.none", m.date(changes.comparedWith())));
    }
    List<String> out = new ArrayList<>();
    List<Changes.Change> all = changes.changes();
    for (Changes.Change c : all.subList(0, Math.min(MAX_CHANGE_LINES, all.size()))) {
      out.add(changeLine(c));
    }
    if (all.size() > MAX_CHANGE_LINES) {
      out.add(m.get("changes.more", (long) (all.size() - MAX_CHANGE_LINES)));
    }
    return out;
  }

  String changeLine(Changes.Change c) {
    String name = Text.oneLine(c.name());
    switch (c.kind()) {
      case WORSE:
      case BETTER:
      case CHANGED:
        return m.get("changes." + c.kind().name().toLowerCase(java.util.Locale.ROOT), name,
            m.raw("verdict." + c.from()), m.raw("verdict." + c.to()));
      case NEW:
        return m.get("changes.new", name, m.raw("verdict." + c.to()));
      case GONE:
        return m.get("changes.gone", name, m.raw("verdict." + c.from()));
      case RAISED:
        return m.get(c.high() ? "changes.raised_high" : "changes.raised", name, labels.flagTitle(c.flag()));
      case RESOLVED:
        return m.get("changes.resolved", name, labels.flagTitle(c.flag()));
      default:
        throw new IllegalStateException("Cannot word a change of kind " + c.kind());
    }
  }

  /** The subject's lead: the most important change, in a few words. */
  String subjectLead(Changes.Change c) {
    String name = ReportBuilder.truncate(c.name(), ReportBuilder.SUBJECT_NAME_CHARS);
    switch (c.kind()) {
      case WORSE:
      case BETTER:
      case CHANGED:
      case NEW:
        return m.get("subject.change." + c.kind().name().toLowerCase(java.util.Locale.ROOT), name,
            m.raw("verdict." + c.to()).toLowerCase(m.locale()));
      case RAISED:
        return m.get("subject.change.raised", name, labels.flagTitle(c.flag()));
      case RESOLVED:
        return m.get("subject.change.resolved", name, labels.flagTitle(c.flag()));
      case GONE:
        return m.get("subject.change.gone", name);
      default:
        throw new IllegalStateException("Cannot word a change of kind " + c.kind());
    }
  }
}
