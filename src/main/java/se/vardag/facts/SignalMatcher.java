package se.vardag.facts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vardag.model.Initiative;

/**
 * Turns usage facts (per person, source and action) into each initiative's usage (per person):
 * the days on which the person had an event that signals the initiative, i.e. whose source
 * equals a signal's source and whose action equals the signal's action or the signal's action is
 * {@code *}. Sources and actions are already lower-case on both sides.
 */
public final class SignalMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Receives one initiative's days for one person. */
  public interface Emitter {
    void emit(String initiativeId, long pid, int firstWord, long[] words);
  }

  /** source → action → initiatives; action "*" holds the initiatives that take any action of the source. */
  private final Map<String, Map<String, List<String>>> index = new HashMap<>();

  public SignalMatcher(List<Initiative> initiatives) {
    for (Initiative i : initiatives) {
      for (Initiative.Signal s : i.usageSignals()) {
        List<String> ids = index.computeIfAbsent(s.source(), k -> new HashMap<>())
            .computeIfAbsent(s.action(), k -> new ArrayList<>());
        if (!ids.contains(i.id())) {
          ids.add(i.id());
        }
      }
    }
  }

  /**
   * Matches the facts of a group of people. Facts of one person must be consecutive (they are
   * sorted by pseudonym), so one person's days per initiative are merged before they are emitted.
   */
  public void match(Iterable<DayFactsFile.Fact> facts, Emitter out) {
    long current = 0;
    boolean any = false;
    Map<String, DaySet> days = new LinkedHashMap<>();
    for (DayFactsFile.Fact f : facts) {
      if (any && f.pid() != current) {
        flush(current, days, out);
      }
      current = f.pid();
      any = true;
      Map<String, List<String>> byAction = index.get(f.source());
      if (byAction == null) {
        continue;
      }
      add(byAction.get(f.action()), f, days);
      if (!f.action().equals("*")) {
        add(byAction.get("*"), f, days);
      }
    }
    if (any) {
      flush(current, days, out);
    }
  }

  private static void add(List<String> initiatives, DayFactsFile.Fact f, Map<String, DaySet> days) {
    if (initiatives == null) {
      return;
    }
    for (String id : initiatives) {
      days.computeIfAbsent(id, k -> new DaySet()).or(f.firstWord(), f.words());
    }
  }

  private static void flush(long pid, Map<String, DaySet> days, Emitter out) {
    for (Map.Entry<String, DaySet> e : days.entrySet()) {
      DaySet d = e.getValue();
      if (!d.isEmpty()) {
        out.emit(e.getKey(), pid, d.firstWord(), d.words());
      }
    }
    days.clear();
  }
}
