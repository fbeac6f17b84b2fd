package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vardag.model.Initiative;

/**
 * The unit and week rows built from the calculator's result, by column name: no usage signals
 * means null usage figures in units and weeks too; suppressed units show their population alone.
 */
class FactsRowsTest {
  private static final int D = day("2026-11-27");

  /** Six people in IT/Service Desk and {@code small} in IT/Drift, all active on 2026-11-25. */
  private static Facts.Computed computed(Initiative i, int small) {
    InitiativeCalculator calc = new InitiativeCalculator(i);
    int e = day("2026-11-25");
    for (long p = 1; p <= 6 + small; p++) {
      calc.target(p, p <= 6 ? "IT/Service Desk" : "IT/Drift", day("2020-01-01"), null);
      calc.activity(p, Math.floorDiv(e, 64), new long[] {1L << Math.floorMod(e, 64)});
    }
    return Facts.computed(i.id(), calc.compute(new int[] {D}).get(0), true, 5);
  }

  @Test
  void withoutUsageSignalsUnitAndWeekUsageFiguresAreNull() {
    TestInitiatives none = initiative();
    none.signals = List.of();
    Initiative i = none.build();
    Facts.Computed c = computed(i, 0);
    Map<String, Object> unit = AdoptionTables.unitRows(i, c).get(0);
    assertThat(unit.get("target_population")).isEqualTo(6L);
    assertThat(unit.get("active_users")).isNull();
    assertThat(unit.get("sustained_users")).isNull();
    assertThat(unit.get("adoption_rate")).isNull();
    assertThat(unit.get("trained")).isEqualTo(0L);
    assertThat(unit.get("training_coverage")).isEqualTo(0.0);
    List<Map<String, Object>> weeks = AdoptionTables.weekRows(i, c, 5);
    assertThat(weeks).hasSize(12).allSatisfy(w -> assertThat(w.get("active_users")).isNull());
  }

  @Test
  void withUsageSignalsTheyAreCountedAndTheWeeksEndSevenDaysApart() {
    Initiative i = initiative().build();
    Facts.Computed c = computed(i, 0);
    Map<String, Object> unit = AdoptionTables.unitRows(i, c).get(0);
    assertThat(unit.get("org_unit")).isEqualTo("IT/Service Desk");
    assertThat(unit.get("active_users")).isEqualTo(6L);
    assertThat(unit.get("adoption_rate")).isEqualTo(1.0);
    assertThat(unit.get("suppressed")).isEqualTo(false);
    List<Map<String, Object>> weeks = AdoptionTables.weekRows(i, c, 5);
    assertThat(weeks.get(0)).containsEntry("week_index", 0).containsEntry("active_users", 6L)
        .containsEntry("week_start", LocalDate.of(2026, 11, 21)).containsEntry("week_end", LocalDate.of(2026, 11, 27));
    // Week 1 ends 2026-11-20: nobody was active then.
    assertThat(weeks.get(1)).containsEntry("week_end", LocalDate.of(2026, 11, 20)).containsEntry("active_users", 0L);
  }

  @Test
  void aSmallUnitAndItsComplementAreSuppressedToTheirPopulation() {
    Initiative i = initiative().build();
    List<Map<String, Object>> units = AdoptionTables.unitRows(i, computed(i, 2));
    // IT/Drift (2 people) is under 5; the only other unit is suppressed too, or it would give Drift away.
    assertThat(units).extracting(u -> u.get("org_unit")).containsExactly("IT/Drift", "IT/Service Desk");
    assertThat(units.get(0)).containsEntry("suppression", "small_group").containsEntry("target_population", 2L)
        .containsEntry("active_users", null).containsEntry("adoption_rate", null).containsEntry("suppressed", true);
    assertThat(units.get(1)).containsEntry("suppression", "complementary").containsEntry("target_population", 6L)
        .containsEntry("trained", null);
  }

  @Test
  void aHistoryOnlyDayCarriesNoUnitsOrWeeks() {
    Initiative i = initiative().build();
    InitiativeCalculator calc = new InitiativeCalculator(i);
    Facts.Computed c = Facts.computed(i.id(), calc.compute(new int[] {D}).get(0), false, 5);
    assertThat(c.units()).isEmpty();
    assertThat(c.weeklyActive()).isEmpty();
  }
}
