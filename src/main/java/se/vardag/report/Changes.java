package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import se.vardag.model.FlagCode;
import se.vardag.model.Verdict;
import se.vardag.report.ReportData.FlagRow;

/**
 * What changed between the previous report and this one (SPEC section 5): verdicts that moved,
 * initiatives new in or gone from the register, flags raised and resolved. A pure function of
 * the two dates' published rows; the order is the order of importance, most important first.
 */
record Changes(LocalDate comparedWith, List<Change> changes) {
  Changes {
    requireNonNull(comparedWith, "comparedWith is null");
    changes = List.copyOf(changes);
  }

  /** The kinds of change, in the order the report lists them. */
  enum Kind { WORSE, NEW, RAISED, BETTER, CHANGED, RESOLVED, GONE }

  /**
   * One change of one initiative. {@code from}/{@code to} are verdict codes (null where the
   * initiative was not in that report); {@code flag} is the flag code of RAISED and RESOLVED.
   */
  record Change(Kind kind, String initiativeId, String name, String from, String to, String flag, boolean high) {
    Change {
      requireNonNull(kind, "kind is null");
      requireNonNull(initiativeId, "initiativeId is null");
      requireNonNull(name, "name is null");
    }
  }

  /** One earlier report's facts: each initiative's name and verdict, and its raised flags. */
  record Earlier(LocalDate asOf, Map<String, String> names, Map<String, String> verdicts,
      Map<String, Set<String>> flags) {
    Earlier {
      requireNonNull(asOf, "asOf is null");
      names = Map.copyOf(names);
      verdicts = Map.copyOf(verdicts);
      flags = Map.copyOf(flags);
    }

    /** The facts of the initiatives in {@code scope} alone. */
    Earlier scopedTo(Scope scope) {
      java.util.function.Predicate<String> in = scope::includes;
      return new Earlier(asOf, filter(names, in), filter(verdicts, in), filter(flags, in));
    }

    private static <V> Map<String, V> filter(Map<String, V> m, java.util.function.Predicate<String> in) {
      Map<String, V> out = new TreeMap<>();
      m.forEach((k, v) -> {
        if (in.test(k)) {
          out.put(k, v);
        }
      });
      return out;
    }
  }

  boolean none() {
    return changes.isEmpty();
  }

  static Changes between(Earlier earlier, List<InitiativeRow> now, List<FlagRow> nowFlags) {
    Map<String, Set<String>> raisedNow = new TreeMap<>();
    Map<String, Boolean> highNow = new TreeMap<>();
    for (FlagRow f : nowFlags) {
      raisedNow.computeIfAbsent(f.initiativeId(), k -> new TreeSet<>()).add(f.code());
      highNow.put(f.initiativeId() + "/" + f.code(), f.high());
    }
    List<Change> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (InitiativeRow i : now) {
      seen.add(i.id());
      String before = earlier.verdicts().get(i.id());
      if (before == null) {
        out.add(new Change(Kind.NEW, i.id(), i.name(), null, i.verdict(), null, false));
        continue; // a new initiative's flags are news in its line, not one change each
      }
      if (!before.equals(i.verdict())) {
        out.add(new Change(direction(before, i.verdict()), i.id(), i.name(), before, i.verdict(), null, false));
      }
      Set<String> was = earlier.flags().getOrDefault(i.id(), Set.of());
      Set<String> is = raisedNow.getOrDefault(i.id(), Set.of());
      for (String code : is) {
        if (!was.contains(code)) {
          out.add(new Change(Kind.RAISED, i.id(), i.name(), null, null, code,
              highNow.getOrDefault(i.id() + "/" + code, false)));
        }
      }
      for (String code : was) {
        if (!is.contains(code)) {
          out.add(new Change(Kind.RESOLVED, i.id(), i.name(), null, null, code, false));
        }
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(earlier.verdicts()).entrySet()) {
      if (!seen.contains(e.getKey())) {
        out.add(new Change(Kind.GONE, e.getKey(), earlier.names().getOrDefault(e.getKey(), e.getKey()), e.getValue(),
            null, null, false));
      }
    }
    out.sort(Comparator.comparing(Change::kind)
        .thenComparing(c -> rank(c.to()))
        .thenComparing(c -> !c.high())
        .thenComparing(c -> flagRank(c.flag()))
        .thenComparing(Change::initiativeId));
    return new Changes(earlier.asOf(), out);
  }

  /**
   * Worse when the new verdict is more urgent (lacks follow-through, at risk, in pilot, on track);
   * a move to or from {@code stopped} is a decision, neither better nor worse.
   */
  static Kind direction(String from, String to) {
    if (Verdict.STOPPED.code().equals(from) || Verdict.STOPPED.code().equals(to)) {
      return Kind.CHANGED;
    }
    int a = rank(from);
    int b = rank(to);
    return b < a ? Kind.WORSE : b > a ? Kind.BETTER : Kind.CHANGED;
  }

  private static int rank(String verdict) {
    if (verdict == null) {
      return Verdict.values().length;
    }
    for (Verdict v : Verdict.values()) {
      if (v.code().equals(verdict)) {
        return v.ordinal();
      }
    }
    return Verdict.values().length;
  }

  private static int flagRank(String code) {
    if (code == null) {
      return -1;
    }
    for (FlagCode f : FlagCode.values()) {
      if (f.name().equals(code)) {
        return f.ordinal();
      }
    }
    return FlagCode.values().length;
  }
}
