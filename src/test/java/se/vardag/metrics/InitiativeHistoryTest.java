package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vardag.config.FlagThresholds;
import se.vardag.facts.DaySet;
import se.vardag.model.Initiative;

/**
 * initiative_history (SPEC section 3): for k = 0 … 11 the initiative as evaluated as of D-7k. Ten
 * target employees use it every day from 2026-09-01 to 2026-10-31 and then stop; the owner left on
 * 2026-10-01; no course and no practice allocation; no optional file delivered. D = 2026-11-27.
 */
class InitiativeHistoryTest {
  private static final int D = day("2026-11-27");

  @Test
  void eachWeekIsEvaluatedAsOfItsWeekEnd() {
    TestInitiatives t = initiative();
    t.courses = List.of();
    t.practiceHours = null;
    Initiative i = t.build();
    InitiativeCalculator calc = new InitiativeCalculator(i);
    DaySet used = new DaySet();
    for (int d = day("2026-09-01"); d <= day("2026-10-31"); d++) {
      used.add(d);
    }
    for (long p = 1; p <= 10; p++) {
      calc.target(p, "IT", day("2020-01-01"), null);
      calc.activity(p, used.firstWord(), used.words());
    }
    int[] weekEnds = new int[12];
    for (int k = 0; k < 12; k++) {
      weekEnds[k] = D - 7 * k;
    }
    Map<Integer, Adoption> byDay = new HashMap<>();
    calc.compute(weekEnds).forEach(r -> byDay.put(r.adoption().asOf(), r.adoption()));
    List<LocalDate> eventDates = new java.util.ArrayList<>();
    used.forEachIn(day("2026-09-01"), day("2026-10-31"), d -> eventDates.add(LocalDate.ofEpochDay(d)));
    UsageSources sources = UsageSources.ofDates(Map.of("servicenow", eventDates));
    FollowThrough.Owner owner = new FollowThrough.Owner(true, day("2019-01-01"), day("2026-10-01"), "Karin Berg");
    FollowThrough evaluator = new FollowThrough(FlagThresholds.specDefaults(), 5);
    Deliveries none = new Deliveries(false, false, false, false);

    List<Map<String, Object>> rows = AdoptionTables.history(i, D,
        d -> evaluator.evaluate(i, byDay.get(d), owner, null, none, sources));

    assertThat(rows).hasSize(12);
    assertThat(rows).extracting(r -> r.get("week_end")).containsExactly(LocalDate.parse("2026-11-27"),
        LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-13"), LocalDate.parse("2026-11-06"),
        LocalDate.parse("2026-10-30"), LocalDate.parse("2026-10-23"), LocalDate.parse("2026-10-16"),
        LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-09-25"),
        LocalDate.parse("2026-09-18"), LocalDate.parse("2026-09-11"));
    assertThat(rows).extracting(r -> r.get("week_index")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    // Silent since 2026-10-31 from 11-13 on (no event in W-6 … W): USAGE_DATA_MISSING; OWNER_LEFT from 10-02 on.
    assertThat(rows).extracting(r -> r.get("flag_count")).containsExactly(4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2);
    assertThat(rows).extracting(r -> r.get("high_flag_count")).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0);
    assertThat(rows).extracting(r -> r.get("verdict")).containsExactly("lacks_follow_through",
        "lacks_follow_through", "lacks_follow_through", "lacks_follow_through", "lacks_follow_through",
        "lacks_follow_through", "lacks_follow_through", "lacks_follow_through", "lacks_follow_through", "at_risk",
        "at_risk", "at_risk");
    // Sustained = active in 3 of the 4 buckets before the week end: 11-27 has 1 bucket, 11-20 2, 09-11 2.
    assertThat(rows).extracting(r -> r.get("sustained_rate")).containsExactly(0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0,
        1.0, 1.0, 1.0, 1.0, 0.0);
    assertThat(rows).extracting(r -> r.get("adoption_rate")).containsOnly(1.0);
    assertThat(rows).extracting(r -> r.get("suppressed")).containsOnly(false);
    assertThat(rows.get(0)).containsEntry("initiative_id", "I1").containsEntry("name", "ITIL incident process");
  }
}
