package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.vardag.Checksums;
import se.vardag.model.Columns;

/**
 * Which initiatives one recipient's report covers: all of them, or a set of initiative ids (an owner's
 * own initiatives, the initiatives whose targets lie under an org-unit prefix). Resolved against D's
 * published rows; a scoped report holds those initiatives' rows and nothing of the others.
 */
public final class Scope {
  private static final Scope ALL = new Scope(null, false, List.of());

  private final Set<String> initiativeIds;
  private final boolean owner;
  private final List<String> units;

  /** {@code owner}, {@code units}: what the report's title says it covers (an owner's, the units'). */
  private Scope(Set<String> initiativeIds, boolean owner, List<String> units) {
    this.initiativeIds = initiativeIds == null ? null : Set.copyOf(new TreeSet<>(initiativeIds));
    this.owner = owner;
    this.units = List.copyOf(new TreeSet<>(units));
  }

  /** The whole organisation. */
  public static Scope all() {
    return ALL;
  }

  /** Exactly these initiatives. */
  public static Scope of(Collection<String> initiativeIds) {
    requireNonNull(initiativeIds, "initiativeIds is null");
    return new Scope(Set.copyOf(initiativeIds), false, List.of());
  }

  /** The initiatives an owner owns. */
  public static Scope ownerOf(Collection<String> initiativeIds) {
    requireNonNull(initiativeIds, "initiativeIds is null");
    return new Scope(Set.copyOf(initiativeIds), true, List.of());
  }

  /**
   * The initiatives of {@code rows} with a target that lies under {@code prefix}: equal to it, or below it
   * segment by segment ({@code IT} covers {@code IT} and {@code IT/Service Desk}, not {@code ITX}).
   */
  public static Scope underOrgUnit(String prefix, List<InitiativeRow> rows) {
    requireNonNull(prefix, "prefix is null");
    Set<String> ids = new TreeSet<>();
    for (InitiativeRow r : rows) {
      String targets = r.str(Columns.TARGET_ORG_UNITS);
      if (targets == null) {
        continue;
      }
      for (String t : targets.split(";")) {
        String target = t.trim();
        if (target.equals(prefix) || target.startsWith(prefix + "/")) {
          ids.add(r.id());
          break;
        }
      }
    }
    return new Scope(ids, false, List.of(prefix));
  }

  public boolean isAll() {
    return initiativeIds == null;
  }

  public boolean includes(String initiativeId) {
    return initiativeIds == null || initiativeIds.contains(initiativeId);
  }

  /** The initiative ids (sorted); empty for {@link #all()}, see {@link #isAll()}. */
  public Set<String> initiativeIds() {
    return initiativeIds == null ? Set.of() : new TreeSet<>(initiativeIds);
  }

  public boolean isEmpty() {
    return initiativeIds != null && initiativeIds.isEmpty();
  }

  /** The scope covering both. */
  public Scope union(Scope other) {
    if (isAll() || other.isAll()) {
      return ALL;
    }
    Set<String> ids = new TreeSet<>(initiativeIds);
    ids.addAll(other.initiativeIds);
    List<String> both = new java.util.ArrayList<>(units);
    both.addAll(other.units);
    return new Scope(ids, owner || other.owner, both);
  }

  /** True when the scope holds an owner's own initiatives. */
  public boolean owner() {
    return owner;
  }

  /** The org-unit prefixes the scope was made of, sorted. */
  public List<String> units() {
    return units;
  }

  /** A short stable name for folders: {@code all}, or a hash of the sorted ids and the title's parts. */
  public String key() {
    if (isAll()) {
      return "all";
    }
    String joined = String.join("\n", new TreeSet<>(initiativeIds)) + "\n\n" + owner + "\n" + String.join("\n", units);
    return "s" + HexFormat.of().formatHex(Checksums.sha256().digest(joined.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scope s && java.util.Objects.equals(initiativeIds, s.initiativeIds) && owner == s.owner
        && units.equals(s.units);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(initiativeIds, owner, units);
  }

  /** "all", or the ids with what they were made of: "[INI-001, INI-004] (owner, IT/Service Desk)". */
  @Override
  public String toString() {
    if (isAll()) {
      return "all";
    }
    List<String> parts = new java.util.ArrayList<>();
    if (owner) {
      parts.add("owner");
    }
    parts.addAll(units);
    return new TreeSet<>(initiativeIds) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }
}
