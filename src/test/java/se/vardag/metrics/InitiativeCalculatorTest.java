package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every figure of SPEC section 3 on small hand-made populations. D is 2026-11-27 unless said:
 * W28 = 2026-10-31 … 2026-11-27; b0 = 11-21…11-27, b1 = 11-14…11-20, b2 = 11-07…11-13,
 * b3 = 10-31…11-06; D-28 = 2026-10-30; D-89 = 2026-08-30.
 */
class InitiativeCalculatorTest {
  private static final int D = day("2026-11-27");
  private static final int HIRED = day("2020-01-01");

  private static Adoption adoption(InitiativeCalculator calc) {
    return calc.compute(new int[] {D}).get(0).adoption();
  }

  private static void use(InitiativeCalculator calc, long pid, String... days) {
    for (String d : days) {
      int e = day(d);
      calc.activity(pid, Math.floorDiv(e, 64), new long[] {1L << Math.floorMod(e, 64)});
    }
  }

  @Test
  void activeUsersCountW28InclusiveOfBothEnds() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    for (long p = 1; p <= 5; p++) {
      calc.target(p, "IT/Service Desk", HIRED, null);
    }
    use(calc, 1, "2026-10-31"); // D-27: inside
    use(calc, 2, "2026-10-30"); // D-28: outside
    use(calc, 3, "2026-11-27"); // D: inside
    use(calc, 4, "2026-11-28"); // D+1: outside (after the as-of day)
    Adoption a = adoption(calc);
    assertThat(a.targetPopulation()).isEqualTo(5);
    assertThat(a.activeUsers()).isEqualTo(2);
    assertThat(a.currentWau()).isEqualTo(1); // only the event on D lies in b0
  }

  @Test
  void sustainedMeansAtLeastThreeOfTheFourWeekBuckets() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    for (long p = 1; p <= 4; p++) {
      calc.target(p, "IT", HIRED, null);
    }
    use(calc, 1, "2026-11-21", "2026-11-20", "2026-10-31"); // b0 (D-6), b1 (D-7), b3 (D-27): 3 buckets
    use(calc, 2, "2026-11-27", "2026-11-26", "2026-11-14"); // b0, b0, b1: 2 buckets
    use(calc, 3, "2026-11-13", "2026-11-07", "2026-11-06", "2026-10-31"); // b2, b2, b3, b3: 2 buckets
    use(calc, 4, "2026-11-27", "2026-11-20", "2026-11-13", "2026-11-06"); // all four
    Adoption a = adoption(calc);
    assertThat(a.sustainedUsers()).isEqualTo(2);
    assertThat(a.activeUsers()).isEqualTo(4);
    assertThat(a.currentWau()).isEqualTo(3); // 1, 2 and 4 have a day in 11-21 … 11-27
  }

  @Test
  void employedAtDExcludesLeaversOnDAndFutureHires() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT", HIRED, day("2026-11-27")); // left on D: no longer employed
    calc.target(2, "IT", HIRED, day("2026-11-28")); // leaves tomorrow: employed
    calc.target(3, "IT", day("2026-11-27"), null); // hired on D: employed
    calc.target(4, "IT", day("2026-12-01"), null); // future hire: not yet
    use(calc, 1, "2026-11-20");
    use(calc, 4, "2026-11-20");
    Adoption a = adoption(calc);
    assertThat(a.targetPopulation()).isEqualTo(2);
    assertThat(a.activeUsers()).isZero();
    // The leaver and the future hire used it but are not target employees at D.
    assertThat(a.outsideTargetUsers()).isEqualTo(2);
  }

  @Test
  void outsideTargetUsersCountsEveryOtherActiveIdInW28() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT", HIRED, null);
    use(calc, 1, "2026-11-20");
    use(calc, 100, "2026-11-20"); // not matched to the targets (another unit, or not in the roster)
    use(calc, 101, "2026-10-31");
    use(calc, 102, "2026-10-30"); // before W28
    assertThat(adoption(calc).outsideTargetUsers()).isEqualTo(2);
  }

  @Test
  void trainingUsesTheEarliestCompletionUpToD() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT", HIRED, null);
    calc.target(2, "IT", HIRED, null);
    calc.target(3, "IT", HIRED, null);
    calc.training(1, day("2026-10-01"));
    calc.training(1, day("2026-09-01")); // repeated: the earliest counts
    calc.training(2, day("2026-11-28")); // after D: not trained at D
    calc.training(3, day("2026-11-27")); // on D: trained
    use(calc, 1, "2026-08-15", "2026-09-11", "2026-11-01"); // first use on or after 09-01: 09-11 → 10 days
    use(calc, 3, "2026-11-27"); // 0 days
    Adoption a = adoption(calc);
    assertThat(a.trained()).isEqualTo(2);
    assertThat(a.medianDaysToFirstUse()).isEqualTo(5.0); // (10 + 0) / 2
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    for (long p = 1; p <= 3; p++) {
      calc.target(p, "IT", HIRED, null);
      calc.training(p, day("2026-11-01"));
    }
    use(calc, 1, "2026-11-03"); // 2
    use(calc, 2, "2026-11-21"); // 20
    use(calc, 3, "2026-11-08"); // 7
    assertThat(adoption(calc).medianDaysToFirstUse()).isEqualTo(7.0);
  }

  @Test
  void trainedNotUsingCountsThoseTrainedOnOrBeforeDMinus28() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    for (long p = 1; p <= 4; p++) {
      calc.target(p, "IT", HIRED, null);
    }
    calc.training(1, day("2026-10-30")); // D-28: in the base, not active → counted
    calc.training(2, day("2026-10-31")); // D-27: not in the base
    calc.training(3, day("2026-10-01")); // in the base, active → not counted
    calc.training(4, day("2026-10-01")); // in the base, only used before W28 → counted
    use(calc, 3, "2026-11-27");
    use(calc, 4, "2026-10-30");
    Adoption a = adoption(calc);
    assertThat(a.trainedNotUsingBase()).isEqualTo(3);
    assertThat(a.trainedNotUsing()).isEqualTo(2);
  }

  @Test
  void firstUseIsOnOrAfterTrainingAndNotAfterD() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT", HIRED, null);
    calc.training(1, day("2026-11-20"));
    use(calc, 1, "2026-11-19", "2026-11-28"); // before training, and after D
    assertThat(adoption(calc).medianDaysToFirstUse()).isNull();
  }

  @Test
  void pilotPeakIsTheBusiestSevenDaySpanOfThePilot() {
    // Pilot 2026-06-01 … 2026-06-30: spans end on d = 06-07 … 06-30.
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-06-01", "2026-06-30").build());
    for (long p = 1; p <= 4; p++) {
      calc.target(p, "IT", HIRED, null);
    }
    use(calc, 1, "2026-06-10");
    use(calc, 2, "2026-06-16"); // 10 and 16 share the span 06-10 … 06-16
    use(calc, 3, "2026-06-17"); // 16 and 17 share spans ending 06-17 … 06-22, but 10 is out of those
    use(calc, 4, "2026-05-31", "2026-07-01"); // outside the pilot's spans
    Adoption a = adoption(calc);
    assertThat(a.pilotPeakWau()).isEqualTo(2);
  }

  @Test
  void pilotPeakCountsTheFirstDaysThroughTheFirstSpan() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-06-01", "2026-06-30").build());
    calc.target(1, "IT", HIRED, null);
    calc.target(2, "IT", HIRED, null);
    use(calc, 1, "2026-06-01"); // in span 06-01 … 06-07
    use(calc, 2, "2026-06-30"); // in span 06-24 … 06-30
    assertThat(adoption(calc).pilotPeakWau()).isEqualTo(1);
  }

  @Test
  void pilotPeakIsNullBeforeTheFirstFullSpanAndRunsToDWithoutEnd() {
    TestInitiatives open = initiative().pilot("2026-11-22", null);
    InitiativeCalculator calc = new InitiativeCalculator(open.build());
    calc.target(1, "IT", HIRED, null);
    use(calc, 1, "2026-11-25");
    // D = 11-27 < pilot_start + 6 = 11-28: no 7-day span yet.
    assertThat(adoption(calc).pilotPeakWau()).isNull();
    InitiativeCalculator later = new InitiativeCalculator(open.build());
    later.target(1, "IT", HIRED, null);
    use(later, 1, "2026-11-25");
    assertThat(later.compute(new int[] {day("2026-11-28")}).get(0).adoption().pilotPeakWau()).isEqualTo(1);
  }

  @Test
  void shortPilotUsesItsOwnSpanOnceItHasEnded() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-11-01", "2026-11-03").build());
    calc.target(1, "IT", HIRED, null);
    calc.target(2, "IT", HIRED, null);
    use(calc, 1, "2026-11-01");
    use(calc, 2, "2026-11-03");
    List<InitiativeCalculator.Result> r = calc.compute(new int[] {day("2026-11-02"), day("2026-11-03")});
    assertThat(r.get(0).adoption().pilotPeakWau()).isNull(); // pilot not over on 11-02
    assertThat(r.get(1).adoption().pilotPeakWau()).isEqualTo(2);
  }

  @Test
  void weeklyActiveCountsTwelveWeeksEndingOnD() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT", HIRED, null);
    calc.target(2, "IT", HIRED, null);
    use(calc, 1, "2026-11-27", "2026-11-20"); // week 0 (11-21…27), week 1 (11-14…20)
    use(calc, 2, "2026-09-05"); // week 11 = 09-05 … 09-11 (D - 77 = 09-11)
    use(calc, 2, "2026-09-04"); // before week 11
    long[] weekly = calc.compute(new int[] {D}).get(0).weeklyActive();
    assertThat(weekly).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void practiceHoursCountTargetEmployeesActivitiesInW28Only() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT", HIRED, null);
    calc.target(2, "IT", HIRED, null);
    calc.learning(1, "practice", day("2026-11-27"), 1.5);
    calc.learning(1, "workshop", day("2026-10-31"), 2.0);
    calc.learning(2, "practice", day("2026-10-30"), 4.0); // D-28: outside W28
    calc.learning(99, "practice", day("2026-11-20"), 8.0); // not a target employee
    assertThat(adoption(calc).practiceHours()).isEqualTo(3.5);
  }

  @Test
  void learningSessionsAreDistinctDayAndKindOfWorkshopsPeerLearningAndCoachingIn90Days() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.learning(1, "workshop", day("2026-11-01"), 2);
    calc.learning(2, "workshop", day("2026-11-01"), 2); // same session, another participant
    calc.learning(99, "coaching", day("2026-11-01"), 1); // another kind the same day; anyone's counts
    calc.learning(1, "peer_learning", day("2026-08-30"), 1); // D-89: inside
    calc.learning(1, "peer_learning", day("2026-08-29"), 1); // D-90: outside
    calc.learning(1, "practice", day("2026-11-02"), 1); // practice is not a session
    assertThat(adoption(calc).learningSessions90d()).isEqualTo(3);
  }

  @Test
  void followUpsGiveTheLatestOnOrBeforeDAndTheCountIn90Days() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.followUp(day("2026-08-29"), 2); // D-90: outside the 90 days
    calc.followUp(day("2026-08-30"), 3); // D-89: inside
    calc.followUp(day("2026-10-15"), 4);
    calc.followUp(day("2026-11-10"), null); // latest, without maturity
    calc.followUp(day("2026-12-01"), 5); // after D: ignored
    Adoption a = adoption(calc);
    assertThat(a.lastFollowUp()).isEqualTo(day("2026-11-10"));
    assertThat(a.followUps90d()).isEqualTo(3);
    assertThat(a.lastMaturity()).isEqualTo(4);
  }

  @Test
  void kpiBaselineAndCurrentMediansUseTheirWindows() {
    // pilot_start 2026-06-01: baseline window 2026-03-03 … 2026-05-31.
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-06-01", "2026-08-31").build());
    calc.outcome(1, day("2026-03-02"), 100); // pilot_start-91: outside
    calc.outcome(2, day("2026-03-03"), 10); // pilot_start-90: inside
    calc.outcome(3, day("2026-05-31"), 8);
    calc.outcome(4, day("2026-06-01"), 100); // pilot_start: outside
    calc.outcome(5, day("2026-05-01"), 6);
    calc.outcome(6, day("2026-10-30"), 1); // D-28: outside W28
    calc.outcome(7, day("2026-10-31"), 9);
    calc.outcome(8, day("2026-11-27"), 7);
    calc.outcome(9, day("2026-11-10"), 8); // equal to the baseline: not strictly better
    calc.outcome(10, day("2026-11-11"), 4);
    Adoption a = adoption(calc);
    assertThat(a.kpiBaselineMedian()).isEqualTo(8.0); // {10, 8, 6}
    assertThat(a.kpiBaselineObservations()).isEqualTo(3);
    assertThat(a.kpiCurrentMedian()).isEqualTo(7.5); // {9, 7, 8, 4}
    assertThat(a.kpiCurrentObservations()).isEqualTo(4);
    assertThat(a.kpiImprovedObservations()).isEqualTo(2); // 7 and 4 are below 8
  }

  @Test
  void higherIsBetterCountsObservationsAboveTheBaseline() {
    TestInitiatives t = initiative().pilot("2026-06-01", "2026-08-31");
    t.direction = "higher_is_better";
    InitiativeCalculator calc = new InitiativeCalculator(t.build());
    calc.outcome(1, day("2026-05-01"), 50);
    calc.outcome(2, day("2026-11-01"), 60);
    calc.outcome(3, day("2026-11-02"), 50);
    calc.outcome(4, day("2026-11-03"), 40);
    assertThat(adoption(calc).kpiImprovedObservations()).isEqualTo(1);
  }

  @Test
  void unitsAreCountedPerExactOrgUnit() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().build());
    calc.target(1, "IT/Service Desk", HIRED, null);
    calc.target(2, "IT/Service Desk", HIRED, null);
    calc.target(3, "IT/Drift", HIRED, null);
    calc.training(1, day("2026-01-01"));
    use(calc, 2, "2026-11-27", "2026-11-20", "2026-11-13");
    List<UnitFigures> units = calc.compute(new int[] {D}).get(0).units();
    assertThat(units).containsExactly(
        new UnitFigures("IT/Drift", 1, 0, 0, 0, null),
        new UnitFigures("IT/Service Desk", 2, 1, 1, 1, null));
  }

  @Test
  void anEmptyInitiativeHasZeroCountsAndNullMedians() {
    Adoption a = adoption(new InitiativeCalculator(initiative().build()));
    assertThat(a.targetPopulation()).isZero();
    assertThat(a.medianDaysToFirstUse()).isNull();
    assertThat(a.kpiBaselineMedian()).isNull();
    assertThat(a.lastFollowUp()).isNull();
    assertThat(a.pilotPeakWau()).isEqualTo(0); // the span exists; nobody was active in it
  }

  @Test
  void severalDatesAtOnceEqualOneDateAtATime() {
    TestInitiatives t = initiative();
    int[] days = {day("2026-11-20"), day("2026-11-27")};
    InitiativeCalculator together = new InitiativeCalculator(t.build());
    InitiativeCalculator[] alone = {new InitiativeCalculator(t.build()), new InitiativeCalculator(t.build())};
    for (InitiativeCalculator c : List.of(together, alone[0], alone[1])) {
      c.target(1, "IT", HIRED, day("2026-11-25"));
      c.target(2, "IT", HIRED, null);
      c.training(2, day("2026-10-01"));
      use(c, 1, "2026-11-19");
      use(c, 2, "2026-11-26");
    }
    List<InitiativeCalculator.Result> both = together.compute(days);
    assertThat(both.get(0).adoption()).isEqualTo(alone[0].compute(new int[] {days[0]}).get(0).adoption());
    assertThat(both.get(1).adoption()).isEqualTo(alone[1].compute(new int[] {days[1]}).get(0).adoption());
    assertThat(both.get(0).adoption().targetPopulation()).isEqualTo(2);
    assertThat(both.get(1).adoption().targetPopulation()).isEqualTo(1);
  }

  // Start date = max(training date, pilot_start) (SPEC section 3, revision 2 change 5).
  // Pilot starts 2026-10-30 = D-28 in these tests unless said.

  @Test
  void trainedNotUsingCountsFromTheStartDateWithTheCourseBeforeOnAndAfterPilotStart() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-10-30", "2026-12-31").build());
    for (long p = 1; p <= 3; p++) {
      calc.target(p, "IT", HIRED, null);
    }
    calc.training(1, day("2025-01-10")); // long before pilot_start: start date = 2026-10-30 = D-28
    calc.training(2, day("2026-10-30")); // on pilot_start: start = D-28
    calc.training(3, day("2026-11-02")); // after pilot_start: start = 2026-11-02 > D-28
    Adoption a = adoption(calc);
    assertThat(a.trained()).isEqualTo(3);
    assertThat(a.trainedNotUsingBase()).isEqualTo(2);
    assertThat(a.trainedNotUsing()).isEqualTo(2);

    // One day later pilot start: an old course no longer counts as "not using" a pilot begun D-27.
    InitiativeCalculator later = new InitiativeCalculator(initiative().pilot("2026-10-31", "2026-12-31").build());
    later.target(1, "IT", HIRED, null);
    later.training(1, day("2025-01-10"));
    Adoption b = adoption(later);
    assertThat(b.trained()).isEqualTo(1);
    assertThat(b.trainedNotUsingBase()).isZero();
    assertThat(b.trainedNotUsing()).isZero();
  }

  @Test
  void daysToFirstUseCountFromTheStartDate() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-11-01", "2026-12-31").build());
    for (long p = 1; p <= 3; p++) {
      calc.target(p, "IT", HIRED, null);
    }
    calc.training(1, day("2026-09-01")); // before: start 2026-11-01
    use(calc, 1, "2026-10-20", "2026-11-05"); // a use before the pilot does not count: 4 days
    calc.training(2, day("2026-11-01")); // on pilot_start
    use(calc, 2, "2026-11-01"); // 0 days
    calc.training(3, day("2026-11-10")); // after: start 2026-11-10
    use(calc, 3, "2026-11-05", "2026-11-20"); // 10 days
    assertThat(adoption(calc).medianDaysToFirstUse()).isEqualTo(4.0); // median of 4, 0, 10
  }

  @Test
  void noFirstUseWhenPilotStartIsAfterD() {
    InitiativeCalculator calc = new InitiativeCalculator(initiative().pilot("2026-11-28", "2026-12-31").build());
    calc.target(1, "IT", HIRED, null);
    calc.training(1, day("2026-09-01"));
    use(calc, 1, "2026-11-20");
    Adoption a = adoption(calc);
    assertThat(a.trained()).isEqualTo(1);
    assertThat(a.medianDaysToFirstUse()).isNull();
    assertThat(a.trainedNotUsingBase()).isZero();
  }
}
