package se.vardag.report;

import java.util.Objects;
import se.vardag.Text;
import se.vardag.model.Columns;
import se.vardag.report.ReportData.FlagRow;

/** How every part of the report words an owner, a flag's title and next step, and a share. */
final class Labels {
  private final Messages m;

  Labels(Messages m) {
    this.m = Objects.requireNonNull(m, "m is null");
  }

  /**
   * The owner by display name and id ("Anna Svensson (E1019)"), by id alone when the table has no name
   * (an owner not in the roster, or a date published before revision 2); null without an owner.
   */
  String ownerLabel(InitiativeRow i) {
    String id = i.str(Columns.OWNER_ID);
    if (id == null) {
      return null;
    }
    String name = Text.oneLine(i.str(Columns.OWNER_NAME));
    return name.isEmpty() ? id : m.get("value.owner_name", name, id);
  }

  /** The owner's label for a flag's evidence, when the flag names this initiative's owner; else null (the id). */
  String ownerLabelFor(InitiativeRow i, FlagRow f) {
    String id = f.evidenceArgs().get(Columns.OWNER_ID);
    return id != null && id.equals(i.str(Columns.OWNER_ID)) ? ownerLabel(i) : null;
  }

  /** The flag's next step in the report's language; null for a flag this version has no words for. */
  String nextStep(String code) {
    String key = "flag." + code + ".next";
    return m.has(key) ? m.raw(key) : null;
  }

  String flagTitle(String code) {
    try {
      return m.raw("flag." + code + ".title");
    } catch (IllegalStateException e) {
      return code; // a flag this version has no words for (published by a later one)
    }
  }

  /** A share quoted next to the threshold it is judged by (same side, SPEC section 4); "–" for null. */
  String pct(Double d, double threshold) {
    return d == null ? m.raw("value.none") : m.percent(d, threshold);
  }
}
