package se.vardag.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.vardag.model.Columns;
import se.vardag.model.Verdict;

/**
 * Org B's thesis, tested in this organisation (SPEC sections 1 and 3): among the initiatives past
 * their pilot (not stopped) whose everyday use is measured (usage signals, not suppressed), the
 * median {@code sustained_rate} per number of ingredients ({@code ingredient_count}, 0 to 5).
 * It shows an association, not a cause.
 */
final class Ingredients {
  private Ingredients() {}

  /** One group: how many ingredients, how many initiatives, their median everyday use. */
  record Group(int ingredients, int initiatives, double medianSustainedRate) {}

  /** The groups that have at least one initiative, by number of ingredients. */
  static List<Group> groups(List<InitiativeRow> initiatives) {
    Map<Integer, List<Double>> by = new TreeMap<>();
    for (InitiativeRow i : initiatives) {
      Long count = i.lng(Columns.INGREDIENT_COUNT);
      Double rate = i.dbl(Columns.SUSTAINED_RATE);
      if (i.isTrue(Columns.POST_PILOT) && !Verdict.STOPPED.code().equals(i.verdict()) && !i.suppressed()
          && i.str(Columns.USAGE_SIGNALS) != null && count != null && rate != null) {
        by.computeIfAbsent(count.intValue(), k -> new ArrayList<>()).add(rate);
      }
    }
    List<Group> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Double>> e : by.entrySet()) {
      out.add(new Group(e.getKey(), e.getValue().size(), median(e.getValue())));
    }
    return out;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
