package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Flag;
import se.vardag.model.FlagCode;
import se.vardag.model.Initiative;
import se.vardag.model.Pillar;

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

  // ---- Revision 2 ----

  private static final Deliveries NO_LEARNING = new Deliveries(true, false, true, true);
  private static final Deliveries NO_FOLLOW_UPS = new Deliveries(true, true, false, true);
  private static final Deliveries NO_OUTCOMES = new Deliveries(true, true, true, false);
  private static final Deliveries NO_GOALS = new Deliveries(false, true, true, true);
  private static final Deliveries NOTHING_OPTIONAL = new Deliveries(false, false, false, false);

  private FollowThrough.Evaluation eval(Initiative i, Adoption a, Deliveries deliveries) {
    return evaluator.evaluate(i, a, EMPLOYED, "Bättre incidenthantering", deliveries, LIVE);
  }

  private FollowThrough.Evaluation eval(Initiative i, Adoption a, UsageSources sources) {
    return evaluator.evaluate(i, a, EMPLOYED, "Bättre incidenthantering", Deliveries.ALL, sources);
  }

  private static UsageSources events(String source, String... dates) {
    return UsageSources.ofDates(Map.of(source, java.util.Arrays.stream(dates).map(LocalDate::parse).toList()));
  }

  @Test
  void withoutLearningActivitiesItsFiguresAreNullAndItsFlagsSilent() {
    Builder b = healthy();
    b.sessions = 0;
    b.practiceHours = 0;
    FollowThrough.Evaluation missing = eval(initiative().build(), b.build(), NO_LEARNING);
    assertThat(missing.row().get("practice_hours_per_person_week")).isNull();
    assertThat(missing.row().get("practice_time_ratio")).isNull();
    assertThat(missing.row().get("learning_sessions_90d")).isNull();
    assertThat(missing.flags()).isEmpty();
    assertThat(missing.verdict()).isEqualTo("on_track");

    // Present but without rows: no such records, so 0 and both flags.
    FollowThrough.Evaluation empty = eval(initiative().build(), b.build(), Deliveries.ALL);
    assertThat(empty.row().get("practice_hours_per_person_week")).isEqualTo(0.0);
    assertThat(empty.row().get("practice_time_ratio")).isEqualTo(0.0);
    assertThat(empty.row().get("learning_sessions_90d")).isEqualTo(0L);
    assertThat(codes(empty)).containsExactly(FlagCode.PRACTICE_TIME_UNUSED, FlagCode.NO_LEARNING_FOLLOW_UP);
    assertThat(empty.flags().get(0).evidence())
        .isEqualTo("0 h of practice per person and week in the last 4 weeks, of 2 h allocated (0%)");
    assertThat(empty.flags().get(1).evidence())
        .isEqualTo("no workshop, peer learning or coaching in the last 90 days since the pilot ended on 2026-08-31");

    // Present with rows.
    FollowThrough.Evaluation rows = eval(initiative().build(), healthy().build(), Deliveries.ALL);
    assertThat(rows.row().get("practice_hours_per_person_week")).isEqualTo(1.5);
    assertThat(rows.row().get("learning_sessions_90d")).isEqualTo(6L);
    assertThat(rows.flags()).isEmpty();

    // The register-only flag stays.
    TestInitiatives t = initiative();
    t.practiceHours = null;
    assertThat(codes(eval(t.build(), b.build(), NO_LEARNING))).containsExactly(FlagCode.NO_PRACTICE_TIME);
  }

  @Test
  void withoutFollowUpsItsFiguresAreNullAndOverdueIsNotRaised() {
    Builder b = healthy();
    b.lastFollowUp = null;
    b.followUps90 = 0;
    b.maturity = null;
    FollowThrough.Evaluation missing = eval(initiative().build(), b.build(), NO_FOLLOW_UPS);
    for (String column : List.of("last_follow_up", "days_since_follow_up", "follow_ups_90d", "follow_up_adherence",
        "last_maturity")) {
      assertThat(missing.row().get(column)).as(column).isNull();
    }
    assertThat(missing.flags()).isEmpty();
    assertThat(missing.row().get("has_follow_up")).isEqualTo(false);

    FollowThrough.Evaluation empty = eval(initiative().build(), b.build(), Deliveries.ALL);
    assertThat(empty.row().get("follow_ups_90d")).isEqualTo(0L);
    assertThat(empty.row().get("follow_up_adherence")).isEqualTo(0.0);
    assertThat(codes(empty)).containsExactly(FlagCode.FOLLOW_UP_OVERDUE);

    // A follow-up on record is not quoted from a file that was not delivered.
    FollowThrough.Evaluation notDelivered = eval(initiative().build(), healthy().build(), NO_FOLLOW_UPS);
    assertThat(notDelivered.row().get("last_follow_up")).isNull();
    assertThat(notDelivered.row().get("days_since_follow_up")).isNull();

    TestInitiatives t = initiative();
    t.cadence = null;
    assertThat(codes(eval(t.build(), b.build(), NO_FOLLOW_UPS))).containsExactly(FlagCode.NO_FOLLOW_UP_CADENCE);
  }

  @Test
  void withoutOutcomesTheKpiFiguresAreNullAndNoEffectIsNotRaised() {
    Builder b = healthy();
    b.baseline = null;
    b.baselineN = 0;
    b.current = null;
    b.currentN = 0;
    b.improved = 0;
    FollowThrough.Evaluation missing = eval(initiative().build(), b.build(), NO_OUTCOMES);
    for (String column : List.of("kpi_baseline_median", "kpi_current_median", "kpi_change", "kpi_improved_share",
        "kpi_baseline_observations", "kpi_current_observations")) {
      assertThat(missing.row().get(column)).as(column).isNull();
    }
    assertThat(missing.flags()).isEmpty();

    FollowThrough.Evaluation empty = eval(initiative().build(), b.build(), Deliveries.ALL);
    assertThat(empty.row().get("kpi_baseline_observations")).isEqualTo(0L);
    assertThat(empty.row().get("kpi_current_observations")).isEqualTo(0L);
    assertThat(codes(empty)).containsExactly(FlagCode.NO_EFFECT);
    assertThat(empty.flags().get(0).args()).containsEntry("reason", "no_baseline");

    FollowThrough.Evaluation rows = eval(initiative().build(), healthy().build(), NO_OUTCOMES);
    assertThat(rows.row().get("kpi_current_median")).isNull(); // the calculator's figure is not published

    TestInitiatives t = initiative();
    t.kpi = null;
    assertThat(codes(eval(t.build(), b.build(), NO_OUTCOMES))).containsExactly(FlagCode.NO_EFFECT_MEASURE);
  }

  @Test
  void withoutGoalsAGoalIdIsUnknownAndAMissingOneIsStillFlagged() {
    FollowThrough.Evaluation set = evaluator.evaluate(initiative().build(), healthy().build(), EMPLOYED, null,
        NO_GOALS, LIVE);
    assertThat(set.row().get("goal_linked")).isNull();
    assertThat(set.row().get("goal_title")).isNull();
    assertThat(set.row().get("has_goal")).isEqualTo(false);
    assertThat(set.flags()).isEmpty();

    TestInitiatives none = initiative();
    none.goalId = null;
    FollowThrough.Evaluation empty = evaluator.evaluate(none.build(), healthy().build(), EMPLOYED, null, NO_GOALS,
        LIVE);
    assertThat(empty.row().get("goal_linked")).isEqualTo(false);
    assertThat(codes(empty)).containsExactly(FlagCode.NO_GOAL);
    assertThat(empty.flags().get(0).args()).containsExactly(Map.entry("goal_status", "none"));

    // goals.csv present without the goal (or without rows): not found.
    FollowThrough.Evaluation notFound = evaluator.evaluate(initiative().build(), healthy().build(), EMPLOYED, null,
        Deliveries.ALL, LIVE);
    assertThat(notFound.row().get("goal_linked")).isEqualTo(false);
    assertThat(notFound.flags().get(0).args()).containsExactly(Map.entry("goal_status", "not_found"),
        Map.entry("goal_id", "G1"));
  }

  @Test
  void registerOnlyFlagsAreRaisedWithNoOptionalFile() {
    TestInitiatives t = initiative();
    t.cadence = null;
    t.practiceHours = null;
    t.kpi = null;
    Builder b = healthy();
    b.sessions = 0;
    b.lastFollowUp = null;
    b.baseline = null;
    FollowThrough.Evaluation e = evaluator.evaluate(t.build(), b.build(), EMPLOYED, null, NOTHING_OPTIONAL, LIVE);
    assertThat(codes(e)).containsExactly(FlagCode.NO_FOLLOW_UP_CADENCE, FlagCode.NO_PRACTICE_TIME,
        FlagCode.NO_EFFECT_MEASURE);
    assertThat(e.verdict()).isEqualTo("at_risk");
  }

  @Test
  void withoutUsageSignalsTheUsageFiguresAreNullAndOnlyNoUsageSignalIsRaised() {
    TestInitiatives t = initiative();
    t.signals = List.of();
    Builder b = healthy();
    b.tnu = 10; // would be TRAINED_NOT_USING
    b.sustained = 15; // would be LOW_ADOPTION
    b.wau = 27; // would be ADOPTION_DECAY
    b.peak = 40L;
    b.outside = 7;
    FollowThrough.Evaluation e = eval(t.build(), b.build(), UsageSources.ofDates(Map.of()));
    assertThat(codes(e)).containsExactly(FlagCode.NO_USAGE_SIGNAL);
    for (String column : List.of("active_users", "adoption_rate", "sustained_users", "sustained_rate",
        "trained_not_using", "trained_not_using_base", "trained_not_using_rate", "median_days_to_first_use",
        "current_wau", "pilot_peak_wau", "post_pilot_retention", "outside_target_users")) {
      assertThat(e.row().get(column)).as(column).isNull();
    }
    assertThat(e.row().get("trained")).isEqualTo(36L); // not a usage figure
    assertThat(e.row().get("training_coverage")).isEqualTo(0.9);
  }

  @Test
  void scalingOrOperationalWithoutPilotEndIsPastThePilotAndRaisesNoPilotEnd() {
    TestInitiatives t = initiative().pilot("2026-06-01", null);
    FollowThrough.Evaluation scaling = eval(t.build(), healthy().build());
    assertThat(scaling.row().get("post_pilot")).isEqualTo(true);
    assertThat(scaling.row().get("ending_soon")).isEqualTo(false);
    assertThat(codes(scaling)).containsExactly(FlagCode.NO_PILOT_END);
    assertThat(scaling.flags().get(0).evidence())
        .isEqualTo("the register says the initiative is scaling but names no pilot end date");
    assertThat(scaling.flags().get(0).args()).containsExactly(Map.entry("status", "scaling"));
    assertThat(scaling.flags().get(0).code().severity()).isEqualTo(FlagCode.Severity.MEDIUM);
    assertThat(scaling.flags().get(0).code().pillar()).isEqualTo(Pillar.FOLLOW_UP);
    assertThat(scaling.verdict()).isEqualTo("at_risk");

    t.status = "operational";
    t.cadence = null;
    t.ownerId = null;
    t.mandate = null;
    Builder b = healthy();
    b.sessions = 0;
    b.wau = 1; // no retention without pilot_end: no decay
    FollowThrough.Evaluation operational = eval(t.build(), b.build());
    assertThat(codes(operational)).containsExactly(FlagCode.NO_OWNER, FlagCode.NO_FOLLOW_UP_CADENCE,
        FlagCode.NO_LEARNING_FOLLOW_UP, FlagCode.NO_PILOT_END);
    assertThat(operational.flags().get(0).evidence()).isEqualTo("no owner is named for after the pilot");
    assertThat(operational.flags().get(0).args()).isEmpty();
    assertThat(operational.flags().get(1).evidence()).isEqualTo(
        "the register says the initiative is operational without a pilot end date and no follow-up cadence is agreed");
    assertThat(operational.flags().get(1).args()).containsExactly(Map.entry("status", "operational"));
    assertThat(operational.flags().get(2).evidence()).isEqualTo("no workshop, peer learning or coaching in the last"
        + " 90 days; the register says the initiative is operational without a pilot end date");
    assertThat(operational.row().get("post_pilot_retention")).isNull();
    assertThat(operational.verdict()).isEqualTo("lacks_follow_through");

    // A running pilot without an end is in pilot; a stopped one gets nothing.
    t.status = "pilot";
    FollowThrough.Evaluation pilot = eval(t.build(), b.build());
    assertThat(pilot.row().get("post_pilot")).isEqualTo(false);
    assertThat(codes(pilot)).doesNotContain(FlagCode.NO_PILOT_END, FlagCode.NO_OWNER);
    assertThat(pilot.verdict()).isEqualTo("in_pilot");
    t.status = "stopped";
    assertThat(eval(t.build(), b.build()).flags()).isEmpty();
  }

  @Test
  void usageDataMissingWhenEverySignalSourceIsSilentAtD() {
    Builder b = healthy();
    b.tnu = 10;
    b.sustained = 15;
    b.wau = 27;
    b.peak = 40L;
    // An event on D-6: not silent, so the usage flags stand.
    FollowThrough.Evaluation live = eval(initiative().build(), b.build(), events("servicenow", "2026-11-21"));
    assertThat(codes(live)).containsExactly(FlagCode.TRAINED_NOT_USING, FlagCode.LOW_ADOPTION,
        FlagCode.ADOPTION_DECAY);

    // The last event on D-7 (and one after D, which does not count): silent.
    FollowThrough.Evaluation silent = eval(initiative().build(), b.build(),
        events("servicenow", "2026-11-02", "2026-11-20", "2026-11-28"));
    assertThat(codes(silent)).containsExactly(FlagCode.USAGE_DATA_MISSING);
    Flag f = silent.flags().get(0);
    assertThat(f.evidence()).isEqualTo("no usage event from servicenow since 2026-11-20");
    assertThat(f.args()).containsExactly(Map.entry("sources", "servicenow=2026-11-20"));
    assertThat(f.code().severity()).isEqualTo(FlagCode.Severity.MEDIUM);
    assertThat(f.code().pillar()).isEqualTo(Pillar.USAGE);
    assertThat(silent.verdict()).isEqualTo("at_risk");
    // The figures are published as measured.
    assertThat(silent.row().get("sustained_rate")).isEqualTo(15.0 / 40);
    assertThat(silent.row().get("post_pilot_retention")).isEqualTo(27.0 / 40);
  }

  @Test
  void usageDataMissingNamesEverySourceAndNeedsAllOfThemSilent() {
    TestInitiatives t = initiative();
    t.signals = List.of(new Initiative.Signal("servicenow", "incident.resolve"), new Initiative.Signal("jira", "*"),
        new Initiative.Signal("servicenow", "change.close"));
    UsageSources oneLive = UsageSources.ofDates(Map.of("servicenow", List.of(LocalDate.parse("2026-11-20")),
        "jira", List.of(LocalDate.parse("2026-11-27"))));
    assertThat(codes(eval(t.build(), healthy().build(), oneLive))).isEmpty();

    UsageSources bothSilent = UsageSources.ofDates(Map.of(" ServiceNow ", List.of(LocalDate.parse("2026-11-20"))));
    FollowThrough.Evaluation e = eval(t.build(), healthy().build(), bothSilent);
    assertThat(codes(e)).containsExactly(FlagCode.USAGE_DATA_MISSING);
    assertThat(e.flags().get(0).evidence()).isEqualTo("no usage event from servicenow since 2026-11-20, nor from jira ever");
    assertThat(e.flags().get(0).args()).containsExactly(Map.entry("sources", "servicenow=2026-11-20;jira="));

    // Stopped initiatives get no flag; without signals it is NO_USAGE_SIGNAL, never USAGE_DATA_MISSING.
    t.status = "stopped";
    assertThat(eval(t.build(), healthy().build(), bothSilent).flags()).isEmpty();
    TestInitiatives none = initiative();
    none.signals = List.of();
    assertThat(codes(eval(none.build(), healthy().build(), bothSilent))).containsExactly(FlagCode.NO_USAGE_SIGNAL);
  }

  @Test
  void quotedFiguresReadOnTheSameSideOfTheirThresholdAndArgsCarryThemUnrounded() {
    Builder r = healthy();
    r.population = 250;
    r.trained = 240;
    r.active = 240;
    r.sustained = 200;
    r.practiceHours = 250 * 4 * 1.5;
    r.peak = 200L;
    r.wau = 139; // 0.695 under 0.7
    Flag decay = eval(initiative().build(), r.build()).flags().get(0);
    assertThat(decay.code()).isEqualTo(FlagCode.ADOPTION_DECAY);
    assertThat(decay.evidence()).isEqualTo("139 weekly users now against 200 at the pilot's peak (69.5%)");
    assertThat(decay.args()).containsExactly(Map.entry("current_wau", "139"), Map.entry("pilot_peak_wau", "200"),
        Map.entry("retention", "0.695"), Map.entry("threshold", "0.7"));

    Builder t = healthy();
    t.tnuBase = 2500;
    t.tnu = 751; // 0.3004 over 0.3
    Flag tnu = eval(initiative().build(), t.build()).flags().get(0);
    assertThat(tnu.evidence())
        .isEqualTo("751 of 2500 people trained 28 days ago or more have not used it in 28 days (30.04%)");
    assertThat(tnu.args()).containsExactly(Map.entry("trained_not_using", "751"),
        Map.entry("trained_not_using_base", "2500"), Map.entry("rate", "0.3004"), Map.entry("threshold", "0.3"));

    Builder c = healthy();
    c.population = 10000;
    c.trained = 4999; // 0.4999 under 0.5
    c.active = 9000;
    c.sustained = 8000;
    c.wau = 8000;
    c.peak = 8000L;
    c.practiceHours = 10000 * 4 * 1.5;
    Flag coverage = eval(initiative().build(), c.build()).flags().get(0);
    assertThat(coverage.evidence()).isEqualTo("4999 of 10000 target employees trained (49.99%)");
    assertThat(coverage.args()).containsExactly(Map.entry("trained", "4999"), Map.entry("target_population", "10000"),
        Map.entry("coverage", "0.4999"), Map.entry("threshold", "0.5"));

    Builder s = healthy();
    s.population = 10000;
    s.trained = 9000;
    s.active = 9000;
    s.sustained = 3996; // 0.3996 under 0.4
    s.wau = 8000;
    s.peak = 8000L;
    s.practiceHours = 10000 * 4 * 1.5;
    Flag low = eval(initiative().build(), s.build()).flags().get(0);
    assertThat(low.evidence())
        .isEqualTo("3996 of 10000 target employees used it in at least 3 of the last 4 weeks (39.96%)");
    assertThat(low.args()).containsEntry("sustained_rate", "0.3996").containsEntry("threshold", "0.4");

    Builder p = healthy();
    p.population = 50;
    p.practiceHours = 196; // 0.98 h per person and week: under 1 h = 0.5 × 2 h
    Flag practice = eval(initiative().build(), p.build()).flags().get(0);
    assertThat(practice.evidence())
        .isEqualTo("0.98 h of practice per person and week in the last 4 weeks, of 2 h allocated (49%)");
    assertThat(practice.args()).containsExactly(Map.entry("hours_per_person_week", "0.98"),
        Map.entry("allocated_hours", "2.0"), Map.entry("ratio", "0.49"), Map.entry("threshold", "0.5"));

    Builder k = healthy();
    k.currentN = 10000;
    k.improved = 4999; // 0.4999 under 0.5
    Flag effect = eval(initiative().build(), k.build()).flags().get(0);
    assertThat(effect.evidence()).isEqualTo(
        "49.99% of the last 28 days' observations of incident_hours are better than the pre-pilot median 8");
    assertThat(effect.args()).containsExactly(Map.entry("kpi", "incident_hours"), Map.entry("reason", "not_improved"),
        Map.entry("improved_share", "0.4999"), Map.entry("baseline_median", "8.0"),
        Map.entry("current_median", "5.0"), Map.entry("threshold", "0.5"));

    Builder o = healthy();
    o.lastFollowUp = D - 46;
    Flag overdue = eval(initiative().build(), o.build()).flags().get(0);
    assertThat(overdue.args()).containsExactly(Map.entry("cadence_days", "30"), Map.entry("limit_days", "45"),
        Map.entry("last_follow_up", "2026-10-12"), Map.entry("days_since", "46"));
  }

  @Test
  void orgBsIngredientsEachAtItsEdge() {
    Map<String, Object> all = eval(initiative().build(), healthy().build()).row();
    assertThat(all).containsEntry("has_owner_with_mandate", true).containsEntry("has_goal", true)
        .containsEntry("has_practice_time", true).containsEntry("has_learning_follow_up", true)
        .containsEntry("has_follow_up", true).containsEntry("ingredient_count", 5);

    TestInitiatives noMandate = initiative();
    noMandate.mandate = null;
    assertThat(eval(noMandate.build(), healthy().build()).row()).containsEntry("has_owner_with_mandate", false)
        .containsEntry("ingredient_count", 4);
    FollowThrough.Evaluation left = evaluator.evaluate(initiative().build(), healthy().build(),
        new FollowThrough.Owner(true, day("2019-01-01"), D), "Goal", Deliveries.ALL, LIVE);
    assertThat(left.row()).containsEntry("has_owner_with_mandate", false);

    Builder half = healthy();
    half.practiceHours = 40 * 4 * 1.0; // ratio exactly 0.5
    assertThat(eval(initiative().build(), half.build()).row()).containsEntry("has_practice_time", true);
    half.practiceHours = 40 * 4 * 0.9; // 0.45
    assertThat(eval(initiative().build(), half.build()).row()).containsEntry("has_practice_time", false)
        .containsEntry("ingredient_count", 4);
    TestInitiatives noAllocation = initiative();
    noAllocation.practiceHours = null;
    assertThat(eval(noAllocation.build(), healthy().build()).row()).containsEntry("has_practice_time", false);

    Builder sessions = healthy();
    sessions.sessions = 1;
    assertThat(eval(initiative().build(), sessions.build()).row()).containsEntry("has_learning_follow_up", true);
    sessions.sessions = 0;
    assertThat(eval(initiative().build(), sessions.build()).row()).containsEntry("has_learning_follow_up", false);
    assertThat(eval(initiative().build(), healthy().build(), NO_LEARNING).row())
        .containsEntry("has_learning_follow_up", false).containsEntry("has_practice_time", false)
        .containsEntry("ingredient_count", 3);

    Builder followUp = healthy();
    followUp.lastFollowUp = D - 45; // 1.5 × 30
    assertThat(eval(initiative().build(), followUp.build()).row()).containsEntry("has_follow_up", true);
    followUp.lastFollowUp = D - 46;
    assertThat(eval(initiative().build(), followUp.build()).row()).containsEntry("has_follow_up", false);
    followUp.lastFollowUp = null;
    assertThat(eval(initiative().build(), followUp.build()).row()).containsEntry("has_follow_up", false);
    TestInitiatives noCadence = initiative();
    noCadence.cadence = null;
    assertThat(eval(noCadence.build(), healthy().build()).row()).containsEntry("has_follow_up", false);

    // A suppressed practice ratio is not revealed through its ingredient.
    Builder small = healthy();
    small.population = 4;
    small.practiceHours = 4 * 4 * 2.0;
    assertThat(eval(initiative().build(), small.build()).row()).containsEntry("practice_time_ratio", null)
        .containsEntry("has_practice_time", false).containsEntry("has_learning_follow_up", true);
  }

  @Test
  void highFlagCountCountsTheHighFlags() {
    TestInitiatives t = initiative();
    t.ownerId = null;
    t.mandate = null;
    t.goalId = null;
    Builder b = healthy();
    b.lastFollowUp = D - 46;
    FollowThrough.Evaluation e = eval(t.build(), b.build());
    assertThat(codes(e)).containsExactly(FlagCode.NO_OWNER, FlagCode.NO_GOAL, FlagCode.FOLLOW_UP_OVERDUE);
    assertThat(e.row()).containsEntry("flag_count", 3).containsEntry("high_flag_count", 2);
    assertThat(eval(initiative().build(), healthy().build()).row()).containsEntry("high_flag_count", 0);
  }

  @Test
  void ownerEmailIsTheRostersAddressWhileTheOwnerIsEmployedAtD() {
    FollowThrough.Owner employed = new FollowThrough.Owner(true, day("2019-01-01"), null, "Karin Berg",
        " karin.berg@example.se ");
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), employed, "Goal", Deliveries.ALL, LIVE)
        .row()).containsEntry("owner_email", "karin.berg@example.se");
    // Left before D: named (the accountable role on the record), but no longer mailed.
    FollowThrough.Owner left = new FollowThrough.Owner(true, day("2019-01-01"), day("2026-09-30"), "Karin Berg",
        "karin.berg@example.se");
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), left, "Goal", Deliveries.ALL, LIVE).row())
        .containsEntry("owner_name", "Karin Berg").containsEntry("owner_email", null);
    // Leaving on D itself: left_on is the first day not employed.
    FollowThrough.Owner leavesOnD = new FollowThrough.Owner(true, day("2019-01-01"), D, "Karin Berg",
        "karin.berg@example.se");
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), leavesOnD, "Goal", Deliveries.ALL, LIVE)
        .row()).containsEntry("owner_email", null);
    FollowThrough.Owner noAddress = new FollowThrough.Owner(true, day("2019-01-01"), null, "Karin Berg", " ");
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), noAddress, "Goal", Deliveries.ALL, LIVE)
        .row()).containsEntry("owner_email", null);
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), FollowThrough.Owner.NOT_IN_ROSTER, "Goal",
        Deliveries.ALL, LIVE).row()).containsEntry("owner_email", null);
  }

  @Test
  void ownerNameIsTheRostersDisplayNameOfTheOwner() {
    FollowThrough.Owner named = new FollowThrough.Owner(true, day("2019-01-01"), null, "Karin Berg");
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), named, "Goal", Deliveries.ALL, LIVE).row())
        .containsEntry("owner_name", "Karin Berg");
    FollowThrough.Owner leftNamed = new FollowThrough.Owner(true, day("2019-01-01"), day("2026-09-30"), "Karin Berg");
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), leftNamed, "Goal", Deliveries.ALL, LIVE)
        .row()).containsEntry("owner_name", "Karin Berg");
    assertThat(eval(initiative().build(), healthy().build()).row()).containsEntry("owner_name", null);
    assertThat(evaluator.evaluate(initiative().build(), healthy().build(), FollowThrough.Owner.NOT_IN_ROSTER, "Goal",
        Deliveries.ALL, LIVE).row()).containsEntry("owner_name", null);
    TestInitiatives none = initiative();
    none.ownerId = null;
    none.mandate = null;
    assertThat(evaluator.evaluate(none.build(), healthy().build(), named, "Goal", Deliveries.ALL, LIVE).row())
        .containsEntry("owner_name", null);
  }

  @Test
  void flagCodesFollowTheSpecTable() {
    assertThat(FlagCode.values()).containsExactly(FlagCode.NO_OWNER, FlagCode.OWNER_LEFT, FlagCode.NO_MANDATE,
        FlagCode.NO_GOAL, FlagCode.NO_FOLLOW_UP_CADENCE, FlagCode.FOLLOW_UP_OVERDUE, FlagCode.NO_PRACTICE_TIME,
        FlagCode.PRACTICE_TIME_UNUSED, FlagCode.NO_TRAINING_PLAN, FlagCode.LOW_TRAINING_COVERAGE,
        FlagCode.TRAINED_NOT_USING, FlagCode.NO_LEARNING_FOLLOW_UP, FlagCode.NO_USAGE_SIGNAL, FlagCode.LOW_ADOPTION,
        FlagCode.ADOPTION_DECAY, FlagCode.NO_EFFECT_MEASURE, FlagCode.NO_EFFECT, FlagCode.NO_PILOT_END,
        FlagCode.USAGE_DATA_MISSING);
    assertThat(FlagCode.NO_PILOT_END.severity()).isEqualTo(FlagCode.Severity.MEDIUM);
    assertThat(FlagCode.USAGE_DATA_MISSING.severity()).isEqualTo(FlagCode.Severity.MEDIUM);
  }
}
