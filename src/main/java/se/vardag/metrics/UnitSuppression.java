package se.vardag.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-group suppression of an initiative's units (SPEC section 6): a unit with fewer than
 * {@code minGroupSize} target employees is suppressed; when exactly one unit is, the smallest of
 * the others (ties broken by org unit name) is suppressed too, so that no unit's figures can be
 * recovered by subtracting the others from the initiative's total.
 */
public final class UnitSuppression {
  private UnitSuppression() {}

  public static List<UnitFigures> apply(List<UnitFigures> units, int minGroupSize) {
    List<UnitFigures> out = new ArrayList<>(units.size());
    int small = 0;
    for (UnitFigures u : units) {
      if (u.targetPopulation() < minGroupSize) {
        out.add(u.suppress(UnitFigures.SMALL_GROUP));
        small++;
      } else {
        out.add(u);
      }
    }
    if (small == 1) {
      out.stream()
          .filter(u -> !u.suppressed())
          .min(Comparator.comparingLong(UnitFigures::targetPopulation).thenComparing(UnitFigures::orgUnit))
          .ifPresent(victim -> out.replaceAll(u -> u == victim ? u.suppress(UnitFigures.COMPLEMENTARY) : u));
    }
    out.sort(Comparator.comparing(UnitFigures::orgUnit));
    return out;
  }
}
