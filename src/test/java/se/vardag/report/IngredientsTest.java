package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ingredients chart's groups and words, computed by hand for seven initiatives. */
class IngredientsTest {
  private static InitiativeRow row(String id, String verdict, boolean postPilot, Integer ingredients, Double sustained,
      boolean suppressed, String signals) {
    Map<String, Object> v = new HashMap<>();
    v.put("initiative_id", id);
    v.put("name", "Name " + id);
    v.put("verdict", verdict);
    v.put("post_pilot", postPilot);
    v.put("ingredient_count", ingredients);
    v.put("sustained_rate", sustained);
    v.put("suppressed", suppressed);
    v.put("usage_signals", signals);
    return new InitiativeRow(v);
  }

  /**
   * A, B: 1 ingredient, 0.10 and 0.30 (median 0.20); C, D, E: 4 ingredients, 0.50, 0.70, 0.90
   * (median 0.70). Left out: F in its pilot, G stopped, H suppressed, I without usage signals.
   */
  static List<InitiativeRow> rows() {
    return List.of(row("A", "lacks_follow_through", true, 1, 0.10, false, "s:a"),
        row("B", "at_risk", true, 1, 0.30, false, "s:a"),
        row("C", "on_track", true, 4, 0.90, false, "s:a"),
        row("D", "on_track", true, 4, 0.50, false, "s:a"),
        row("E", "on_track", true, 4, 0.70, false, "s:a"),
        row("F", "in_pilot", false, 5, 0.99, false, "s:a"),
        row("G", "stopped", true, 0, 0.0, false, "s:a"),
        row("H", "at_risk", true, 2, null, true, "s:a"),
        row("I", "at_risk", true, 2, null, false, null));
  }

  @Test
  void mediansPerNumberOfIngredientsOverTheInitiativesPastTheirPilotWithMeasuredUse() {
    assertThat(Ingredients.groups(rows())).containsExactly(new Ingredients.Group(1, 2, 0.2),
        new Ingredients.Group(4, 3, 0.7));
  }

  @Test
  void theFiguresAsTextAndWordedAsAnAssociation() {
    ReportBuilder sv = new ReportBuilder(new Messages("sv"), "", 5, ReportFixtures.config("sv", Map.of()).flags());
    assertThat(sv.ingredientsLines(Ingredients.groups(rows())).stream().map(l -> l.replace('\u00a0', ' ')))
        .containsExactly(
        "1 ingrediens: median 20 % (2 initiativ)",
        "4 ingredienser: median 70 % (3 initiativ)",
        "I den här organisationen används initiativ med fler ingredienser mer i vardagen: median 70 % med 4"
            + " ingredienser, mot 20 % med 1. Det är ett samband, inte ett bevis för orsak.");
    ReportBuilder en = new ReportBuilder(new Messages("en"), "", 5, ReportFixtures.config("en", Map.of()).flags());
    assertThat(en.ingredientsLines(List.of(new Ingredients.Group(3, 1, 0.45))).stream()
        .map(l -> l.replace('\u00a0', ' '))).containsExactly(
        "3 ingredients: median 45% (1 initiative)",
        "Too few initiatives past their pilot have measured use to compare groups.");
  }
}
