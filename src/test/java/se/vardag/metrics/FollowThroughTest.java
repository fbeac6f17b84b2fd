package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vardag.config.FlagThresholds;
import se.vardag.ingest.Initiative;

/**
 * Rates, suppression, every flag at its threshold, verdicts and the headline (SPEC sections 3, 4
 * and 6). D is 2026-11-27; the default initiative ended its pilot on 2026-08-31 and raises nothing.
 */
class FollowThroughTest {
  private static final int D = day("2026-11-27");
  private static final FollowThrough.Owner EMPLOYED = new FollowThrough.Owner(true, day("2019-01-01"), null);
  private final FollowThrough evaluator = new FollowThrough(FlagThresholds.specDefaults(), 5);
  /** The default initiative's signal source had events up to D: not silent. */
  private static final UsageSources LIVE = UsageSources.ofDates(Map.of("servicenow", List.of(LocalDate.ofEpochDay(D))));

  /** A healthy initiative's figures: 40 people, well trained, sustained use, recent follow-up, KPI improved. */
  private static Builder healthy() {
    return new Builder();
  }

  private static final class Builder {
    int asOf = D;
    long population = 40;
    long trained = 36;
    long active = 34;
    long sustained = 30;
    long tnu = 2;
    long tnuBase = 30;
    Double median = 3.0;
    long wau = 30;
    Long peak = 32L;
    double practiceHours = 40 * 4 * 1.5; // 1.5 h per person and week
    long sessions = 6;
    Integer lastFollowUp = day("2026-11-10");
    long followUps90 = 3;
    Integer maturity = 4;
    Double baseline = 8.0;
    long baselineN = 50;
    Double current = 5.0;
    long currentN = 20;
    long improved = 15;
    long outside = 0;

    Adoption build() {
      return new Adoption(asOf, population, trained, active, sustained, tnu, tnuBase, median, wau, peak,
          practiceHours, sessions, lastFollowUp, followUps90, maturity, baseline, baselineN, current, currentN,
          improved, outside);
    }
  }

  private FollowThrough.Evaluation eval(Initiative i, Adoption a) {
    return evaluator.evaluate(i, a, EMPLOYED, "Bättre incidenthantering", Deliveries.ALL, LIVE);
  }

  private static List<FlagCode> codes(FollowThrough.Evaluation e) {
    return e.flags().stream().map(Flag::code).toList();
  }

  @Test
  void aFollowedThroughInitiativeIsOnTrackWithExactRates() {
    FollowThrough.Evaluation e = eval(initiative().build(), healthy().build());
    assertThat(e.flags()).isEmpty();
    assertThat(e.verdict()).isEqualTo("on_track");
    assertThat(e.headline()).isFalse();
    Map<String, Object> r = e.row();
    assertThat(r.get("training_coverage")).isEqualTo(0.9);
    assertThat(r.get("adoption_rate")).isEqualTo(0.85);
    assertThat(r.get("sustained_rate")).isEqualTo(0.75);
    assertThat(r.get("trained_not_using_rate")).isEqualTo(2.0 / 30);
    assertThat(r.get("post_pilot_retention")).isEqualTo(30.0 / 32);
    assertThat(r.get("practice_hours_per_person_week")).isEqualTo(1.5);
    assertThat(r.get("practice_time_ratio")).isEqualTo(0.75);
    assertThat(r.get("days_since_follow_up")).isEqualTo(17);
    assertThat(r.get("follow_up_adherence")).isEqualTo(1.0); // min(1, 3 / (90 / 30))
    assertThat(r.get("kpi_change")).isEqualTo(-0.375); // (5 - 8) / 8
    assertThat(r.get("kpi_improved_share")).isEqualTo(0.75);
    assertThat(r.get("goal_linked")).isEqualTo(true);
    assertThat(r.get("owner_active")).isEqualTo(true);
    assertThat(r.get("post_pilot")).isEqualTo(true);
    assertThat(r.get("pilot_end")).isEqualTo(LocalDate.parse("2026-08-31"));
    assertThat(r.get("suppressed")).isEqualTo(false);
    assertThat(r.get("flag_count")).isEqualTo(0);
    assertThat(r.get("flag_codes")).isNull();
  }

  @Test
  void adherenceIsCappedAtOneAndProportionalBelow() {
    Builder b = healthy();
    b.followUps90 = 2;
    assertThat(eval(initiative().build(), b.build()).row().get("follow_up_adherence")).isEqualTo(2.0 / 3);
  }

  @Test
  void ratesWithAZeroDenominatorAreNullNeverZero() {
    TestInitiatives t = initiative();
    t.practiceHours = null;
    Builder b = healthy();
    b.population = 0;
    b.trained = 0;
    b.active = 0;
    b.sustained = 0;
    b.tnu = 0;
    b.tnuBase = 0;
    b.peak = 0L;
    b.wau = 0;
    b.practiceHours = 0;
    b.currentN = 0;
    b.current = null;
    b.improved = 0;
    // Without suppression, so the raw nulls are visible.
    FollowThrough.Evaluation e = new FollowThrough(FlagThresholds.specDefaults(), 0).evaluate(t.build(), b.build(),
        EMPLOYED, "Goal", Deliveries.ALL, LIVE);
    Map<String, Object> r = e.row();
    for (String column : List.of("training_coverage", "adoption_rate", "sustained_rate", "trained_not_using_rate",
        "post_pilot_retention", "practice_hours_per_person_week", "practice_time_ratio", "kpi_change",
        "kpi_improved_share")) {
      assertThat(r.get(column)).as(column).isNull();
    }
  }

  @Test
  void aSmallGroupIsSuppressedAndRaisesNoFlagThatRestsOnItsPeople() {
    Builder b = healthy();
    b.population = 4;
    b.trained = 1;
    b.active = 0;
    b.sustained = 0;
    b.tnu = 4;
    b.tnuBase = 4;
    b.wau = 0;
    b.peak = 4L;
    b.practiceHours = 0;
    b.outside = 3;
    FollowThrough.Evaluation e = eval(initiative().build(), b.build());
    Map<String, Object> r = e.row();
    assertThat(r.get("suppressed")).isEqualTo(true);
    assertThat(r.get("target_population")).isEqualTo(4L);
    for (String column : FollowThrough.SUPPRESSED_COLUMNS) {
      assertThat(r.get(column)).as(column).isNull();
    }
    assertThat(r.get("outside_target_users")).isNull(); // 1 … 4 are suppressed too
    assertThat(r.get("kpi_current_median")).isEqualTo(5.0); // KPI figures stay
    assertThat(r.get("follow_ups_90d")).isEqualTo(3L);
    assertThat(codes(e)).doesNotContain(FlagCode.TRAINED_NOT_USING, FlagCode.LOW_TRAINING_COVERAGE,
        FlagCode.PRACTICE_TIME_UNUSED, FlagCode.LOW_ADOPTION, FlagCode.ADOPTION_DECAY);
    assertThat(e.flags()).allSatisfy(f -> assertThat(f.evidence()).doesNotContain("4 of", "1 of"));
  }

  @Test
  void outsideTargetUsersAreShownFromTheMinimumGroupSizeAndWhenZero() {
    Builder b = healthy();
    b.outside = 5;
    assertThat(eval(initiative().build(), b.build()).row().get("outside_target_users")).isEqualTo(5L);
    b.outside = 0;
    assertThat(eval(initiative().build(), b.build()).row().get("outside_target_users")).isEqualTo(0L);
    b.outside = 1;
    assertThat(eval(initiative().build(), b.build()).row().get("outside_target_users")).isNull();
  }

  @Test
  void noOwnerIsRaisedAfterThePilotAndWhenItEndsWithin30Days() {
    TestInitiatives t = initiative();
    t.ownerId = null;
    t.mandate = null;
    FollowThrough.Evaluation post = eval(t.build(), healthy().build());
    assertThat(codes(post)).containsExactly(FlagCode.NO_OWNER);
    assertThat(post.flags().get(0).evidence())
        .isEqualTo("no owner is named for after the pilot, which ended on 2026-08-31");
    assertThat(post.verdict()).isEqualTo("lacks_follow_through");
    assertThat(post.headline()).isTrue();

    t.pilot("2026-10-01", "2026-12-27"); // D + 30: ending soon
    FollowThrough.Evaluation soon = eval(t.build(), healthy().build());
    assertThat(codes(soon)).contains(FlagCode.NO_OWNER);
    assertThat(soon.verdict()).isEqualTo("in_pilot");
    assertThat(soon.headline()).isTrue(); // in pilot, ending soon, with a high flag
    assertThat(soon.row().get("ending_soon")).isEqualTo(true);

    t.pilot("2026-10-01", "2026-12-28"); // D + 31: not yet
    FollowThrough.Evaluation later = eval(t.build(), healthy().build());
    assertThat(codes(later)).doesNotContain(FlagCode.NO_OWNER);
    assertThat(later.headline()).isFalse();

    t.pilot("2026-10-01", "2026-11-27"); // ends on D: ending soon, not yet post-pilot
    FollowThrough.Evaluation onD = eval(t.build(), healthy().build());
    assertThat(onD.row().get("post_pilot")).isEqualTo(false);
    assertThat(onD.row().get("ending_soon")).isEqualTo(true);
    assertThat(onD.verdict()).isEqualTo("in_pilot");
  }

  @Test
  void ownerLeftSaysWhen() {
    Initiative i = initiative().build();
    FollowThrough.Evaluation left = evaluator.evaluate(i, healthy().build(),
        new FollowThrough.Owner(true, day("2019-01-01"), day("2026-09-30")), "Goal", Deliveries.ALL, LIVE);
    assertThat(codes(left)).containsExactly(FlagCode.OWNER_LEFT);
    assertThat(left.flags().get(0).evidence()).isEqualTo("owner E1 left on 2026-09-30");
    assertThat(left.flags().get(0).args()).containsExactly(Map.entry("owner_id", "E1"),
        Map.entry("owner_status", "left"), Map.entry("date", "2026-09-30"));
    assertThat(left.row().get("owner_active")).isEqualTo(false);

    FollowThrough.Evaluation leavesOnD = evaluator.evaluate(i, healthy().build(),
        new FollowThrough.Owner(true, day("2019-01-01"), D), "Goal", Deliveries.ALL, LIVE);
    assertThat(codes(leavesOnD)).containsExactly(FlagCode.OWNER_LEFT);

    FollowThrough.Evaluation leavesTomorrow = evaluator.evaluate(i, healthy().build(),
        new FollowThrough.Owner(true, day("2019-01-01"), D + 1), "Goal", Deliveries.ALL, LIVE);
    assertThat(leavesTomorrow.flags()).isEmpty();

    FollowThrough.Evaluation unknown = evaluator.evaluate(i, healthy().build(), FollowThrough.Owner.NOT_IN_ROSTER,
        "Goal", Deliveries.ALL, LIVE);
    assertThat(unknown.flags().get(0).evidence()).isEqualTo("owner E1 is not in the HR roster");

    FollowThrough.Evaluation future = evaluator.evaluate(i, healthy().build(),
        new FollowThrough.Owner(true, day("2027-01-01"), null), "Goal", Deliveries.ALL, LIVE);
    assertThat(future.flags().get(0).evidence()).isEqualTo("owner E1 is not employed until 2027-01-01");
  }

  @Test
  void noMandateWhenTheRegisterSaysNoOrNothing() {
    TestInitiatives t = initiative();
    t.mandate = false;
    FollowThrough.Evaluation no = eval(t.build(), healthy().build());
    assertThat(codes(no)).containsExactly(FlagCode.NO_MANDATE);
    assertThat(no.verdict()).isEqualTo("at_risk");
    t.mandate = null;
    assertThat(eval(t.build(), healthy().build()).flags().get(0).args()).containsEntry("mandate", "unknown");
  }

  @Test
  void noGoalWhenMissingOrNotInGoals() {
    TestInitiatives t = initiative();
    t.goalId = null;
    assertThat(codes(eval(t.build(), healthy().build()))).containsExactly(FlagCode.NO_GOAL);
    FollowThrough.Evaluation notFound = evaluator.evaluate(initiative().build(), healthy().build(), EMPLOYED, null, Deliveries.ALL, LIVE);
    assertThat(notFound.flags().get(0).evidence()).isEqualTo("goal G1 is not in goals.csv");
    assertThat(notFound.row().get("goal_linked")).isEqualTo(false);
  }

  @Test
  void followUpCadenceAndOverdueAtOneAndAHalfTimesTheCadence() {
    TestInitiatives t = initiative();
    t.cadence = null;
    assertThat(codes(eval(t.build(), healthy().build()))).containsExactly(FlagCode.NO_FOLLOW_UP_CADENCE);

    Builder b = healthy();
    b.lastFollowUp = D - 45; // 45 = 1.5 × 30: not overdue
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.lastFollowUp = D - 46;
    FollowThrough.Evaluation overdue = eval(initiative().build(), b.build());
    assertThat(codes(overdue)).containsExactly(FlagCode.FOLLOW_UP_OVERDUE);
    assertThat(overdue.flags().get(0).evidence())
        .isEqualTo("last follow-up on 2026-10-12, 46 days ago; agreed every 30 days (overdue after 45)");
    assertThat(overdue.verdict()).isEqualTo("lacks_follow_through");
    b.lastFollowUp = null;
    assertThat(eval(initiative().build(), b.build()).flags().get(0).evidence())
        .isEqualTo("no follow-up held yet; agreed every 30 days");
  }

  @Test
  void practiceTimeMissingOrUnusedBelowHalfOfTheAllocation() {
    TestInitiatives t = initiative();
    t.practiceHours = 0.0;
    assertThat(codes(eval(t.build(), healthy().build()))).containsExactly(FlagCode.NO_PRACTICE_TIME);

    Builder b = healthy();
    b.practiceHours = 40 * 4 * 1.0; // 1 h of 2 h: ratio 0.5, not below
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.practiceHours = 40 * 4 * 0.9;
    FollowThrough.Evaluation unused = eval(initiative().build(), b.build());
    assertThat(codes(unused)).containsExactly(FlagCode.PRACTICE_TIME_UNUSED);
    assertThat(unused.flags().get(0).evidence())
        .isEqualTo("0.9 h of practice per person and week in the last 4 weeks, of 2 h allocated (45%)");

    // Not before pilot_start + 27.
    TestInitiatives early = initiative().pilot("2026-10-31", "2027-01-31");
    assertThat(codes(eval(early.build(), b.build()))).contains(FlagCode.PRACTICE_TIME_UNUSED);
    early.pilot("2026-11-01", "2027-01-31");
    assertThat(codes(eval(early.build(), b.build()))).doesNotContain(FlagCode.PRACTICE_TIME_UNUSED);
  }

  @Test
  void trainingPlanAndCoverage() {
    TestInitiatives t = initiative();
    t.courses = List.of();
    assertThat(codes(eval(t.build(), healthy().build()))).containsExactly(FlagCode.NO_TRAINING_PLAN);
    Builder b = healthy();
    b.trained = 20; // exactly half: not below
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.trained = 19;
    FollowThrough.Evaluation low = eval(initiative().build(), b.build());
    assertThat(codes(low)).containsExactly(FlagCode.LOW_TRAINING_COVERAGE);
    assertThat(low.flags().get(0).evidence()).isEqualTo("19 of 40 target employees trained (48%)");
    // Only after the pilot.
    assertThat(codes(eval(initiative().pilot("2026-10-01", "2027-01-31").build(), b.build())))
        .doesNotContain(FlagCode.LOW_TRAINING_COVERAGE);
  }

  @Test
  void trainedNotUsingAboveThirtyPercentWithEnoughPeople() {
    Builder b = healthy();
    b.tnuBase = 30;
    b.tnu = 9; // 0.3: not above
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.tnu = 10;
    FollowThrough.Evaluation high = eval(initiative().build(), b.build());
    assertThat(codes(high)).containsExactly(FlagCode.TRAINED_NOT_USING);
    assertThat(high.flags().get(0).evidence())
        .isEqualTo("10 of 30 people trained 28 days ago or more have not used it in 28 days (33%)");
    b.tnuBase = 4; // below min_group_size: not judged
    b.tnu = 4;
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
  }

  @Test
  void learningFollowUpUsageSignalAndEffectMeasure() {
    Builder b = healthy();
    b.sessions = 0;
    assertThat(codes(eval(initiative().build(), b.build()))).containsExactly(FlagCode.NO_LEARNING_FOLLOW_UP);
    TestInitiatives t = initiative();
    t.signals = List.of();
    assertThat(codes(eval(t.build(), healthy().build()))).containsExactly(FlagCode.NO_USAGE_SIGNAL);
    TestInitiatives k = initiative();
    k.kpi = null;
    assertThat(codes(eval(k.build(), healthy().build()))).containsExactly(FlagCode.NO_EFFECT_MEASURE);
  }

  @Test
  void lowAdoptionTwentyEightDaysAfterThePilot() {
    Builder b = healthy();
    b.sustained = 16; // 0.4: not below
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.sustained = 15;
    FollowThrough.Evaluation low = eval(initiative().build(), b.build());
    assertThat(codes(low)).containsExactly(FlagCode.LOW_ADOPTION);
    assertThat(low.flags().get(0).evidence())
        .isEqualTo("15 of 40 target employees used it in at least 3 of the last 4 weeks (38%)");
    // pilot_end = D-28 still counts; D-27 does not.
    assertThat(codes(eval(initiative().pilot("2026-06-01", "2026-10-30").build(), b.build())))
        .contains(FlagCode.LOW_ADOPTION);
    assertThat(codes(eval(initiative().pilot("2026-06-01", "2026-10-31").build(), b.build())))
        .doesNotContain(FlagCode.LOW_ADOPTION);
  }

  @Test
  void adoptionDecayBelowSeventyPercentOfThePilotPeak() {
    Builder b = healthy();
    b.peak = 40L;
    b.wau = 28; // 0.7: not below
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.wau = 27;
    FollowThrough.Evaluation decay = eval(initiative().build(), b.build());
    assertThat(codes(decay)).containsExactly(FlagCode.ADOPTION_DECAY);
    assertThat(decay.flags().get(0).evidence()).isEqualTo("27 weekly users now against 40 at the pilot's peak (68%)");
    // Retention only exists once pilot_end <= D-7.
    FollowThrough.Evaluation recent = eval(initiative().pilot("2026-06-01", "2026-11-21").build(), b.build());
    assertThat(recent.row().get("post_pilot_retention")).isNull();
    FollowThrough.Evaluation weekAgo = eval(initiative().pilot("2026-06-01", "2026-11-20").build(), b.build());
    assertThat(weekAgo.row().get("post_pilot_retention")).isEqualTo(27.0 / 40);
  }

  @Test
  void noEffectWithoutBaselineWithoutCurrentOrWhenFewerThanHalfImprove() {
    Builder b = healthy();
    b.improved = 10; // 10 of 20: not below 0.5
    assertThat(eval(initiative().build(), b.build()).flags()).isEmpty();
    b.improved = 9;
    FollowThrough.Evaluation e = eval(initiative().build(), b.build());
    assertThat(codes(e)).containsExactly(FlagCode.NO_EFFECT);
    assertThat(e.flags().get(0).evidence())
        .isEqualTo("45% of the last 28 days' observations of incident_hours are better than the pre-pilot median 8");
    b.baseline = null;
    assertThat(eval(initiative().build(), b.build()).flags().get(0).args()).containsEntry("reason", "no_baseline");
    Builder c = healthy();
    c.currentN = 0;
    c.current = null;
    c.improved = 0;
    assertThat(eval(initiative().build(), c.build()).flags().get(0).args()).containsEntry("reason", "no_current");
  }

  @Test
  void stoppedInitiativesGetNoFlags() {
    TestInitiatives t = initiative();
    t.status = "stopped";
    t.ownerId = null;
    t.goalId = null;
    FollowThrough.Evaluation e = eval(t.build(), healthy().build());
    assertThat(e.flags()).isEmpty();
    assertThat(e.verdict()).isEqualTo("stopped");
    assertThat(e.headline()).isFalse();
  }

  @Test
  void aRunningPilotIsInPilotWhateverItsFlags() {
    TestInitiatives t = initiative().pilot("2026-10-01", "2027-03-01");
    t.goalId = null;
    FollowThrough.Evaluation e = eval(t.build(), healthy().build());
    assertThat(codes(e)).containsExactly(FlagCode.NO_GOAL);
    assertThat(e.verdict()).isEqualTo("in_pilot");
    assertThat(e.headline()).isFalse();
  }

  @Test
  void flagsAreListedInTheSpecOrder() {
    TestInitiatives t = initiative();
    t.ownerId = null;
    t.goalId = null;
    t.courses = List.of();
    t.kpi = null;
    FollowThrough.Evaluation e = eval(t.build(), healthy().build());
    assertThat(codes(e)).containsExactly(FlagCode.NO_OWNER, FlagCode.NO_GOAL, FlagCode.NO_TRAINING_PLAN,
        FlagCode.NO_EFFECT_MEASURE);
    assertThat(e.row().get("flag_codes")).isEqualTo("NO_OWNER;NO_GOAL;NO_TRAINING_PLAN;NO_EFFECT_MEASURE");
    assertThat(e.row().get("flag_count")).isEqualTo(4);
  }

  @Test
  void thresholdsComeFromTheConfiguration() {
    FlagThresholds strict = new FlagThresholds(30, 1.5, 27, 0.5, 0.5, 0.3, 28, 0.9, 0.7, 28, 0.5);
    FollowThrough.Evaluation e = new FollowThrough(strict, 5).evaluate(initiative().build(), healthy().build(),
        EMPLOYED, "Goal", Deliveries.ALL, LIVE);
    assertThat(codes(e)).containsExactly(FlagCode.LOW_ADOPTION); // 0.75 < 0.9
  }
}
