package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vardag.config.FlagThresholds;
import se.vardag.ingest.Initiative;

/**
 * Turns an initiative's raw figures into its published row: rates (null on a zero denominator),
 * small-group suppression (SPEC section 6), the follow-through flags with evidence, the verdict
 * and the headline mark (SPEC section 4). Plain Java on one initiative at a time.
 */
public final class FollowThrough {
  /** What the roster says about an initiative's owner. */
  public record Owner(boolean inRoster, Integer hiredOn, Integer leftOn) {
    public static final Owner NOT_IN_ROSTER = new Owner(false, null, null);

    public boolean employedAt(int d) {
      return inRoster && hiredOn <= d && (leftOn == null || leftOn > d);
    }
  }

  /** The evaluation of one initiative as of D. */
  public record Evaluation(Map<String, Object> row, List<Flag> flags, String verdict, boolean headline) {}

  private final FlagThresholds thresholds;
  private final int minGroupSize;

  public FollowThrough(FlagThresholds thresholds, int minGroupSize) {
    this.thresholds = requireNonNull(thresholds, "thresholds is null");
    this.minGroupSize = minGroupSize;
  }

  /**
   * @param owner the roster's facts about the owner; ignored when the initiative has no owner
   * @param goalTitle the goal's title when goal_id is set and found in goals.csv, else null
   */
  public Evaluation evaluate(Initiative i, Adoption a, Owner owner, String goalTitle) {
    int d = a.asOf();
    Integer end = i.pilotEnd();
    boolean postPilot = end != null && end < d;
    boolean endingSoon = end != null && end >= d && end <= d + thresholds.endingSoonDays();
    boolean suppressed = a.targetPopulation() < minGroupSize;
    boolean ownerPresent = i.ownerId() != null;
    boolean ownerActive = ownerPresent && owner != null && owner.employedAt(d);
    boolean goalLinked = i.goalId() != null && goalTitle != null;

    long pop = a.targetPopulation();
    Double coverage = ratio(a.trained(), pop);
    Double adoptionRate = ratio(a.activeUsers(), pop);
    Double sustainedRate = ratio(a.sustainedUsers(), pop);
    Double tnuRate = ratio(a.trainedNotUsing(), a.trainedNotUsingBase());
    Double retention = end != null && end <= d - 7 && a.pilotPeakWau() != null
        ? ratio(a.currentWau(), a.pilotPeakWau()) : null;
    Double practicePerPersonWeek = pop == 0 ? null : a.practiceHours() / pop / 4.0;
    Double allocation = i.practiceHoursPerWeek();
    Double practiceRatio = allocation == null || allocation == 0 || practicePerPersonWeek == null
        ? null : practicePerPersonWeek / allocation;
    Integer daysSince = a.lastFollowUp() == null ? null : d - a.lastFollowUp();
    Double adherence = i.followUpEveryDays() == null ? null
        : Math.min(1.0, a.followUps90d() / (90.0 / i.followUpEveryDays()));
    Double kpiChange = a.kpiBaselineMedian() == null || a.kpiCurrentMedian() == null || a.kpiBaselineMedian() == 0
        ? null : (a.kpiCurrentMedian() - a.kpiBaselineMedian()) / a.kpiBaselineMedian();
    Double improvedShare = a.kpiBaselineMedian() == null || a.kpiCurrentObservations() == 0
        ? null : (double) a.kpiImprovedObservations() / a.kpiCurrentObservations();
    Long outside = a.outsideTargetUsers() > 0 && a.outsideTargetUsers() < minGroupSize
        ? null : a.outsideTargetUsers();

    List<Flag> flags = new ArrayList<>();
    if (!i.stopped()) {
      if ((postPilot || endingSoon) && !ownerPresent) {
        flags.add(flag(FlagCode.NO_OWNER, end == null ? "no owner is named for after the pilot"
            : "no owner is named for after the pilot, which " + (postPilot ? "ended" : "ends") + " on " + date(end),
            "pilot_end", end == null ? null : date(end)));
      }
      if (ownerPresent && !ownerActive) {
        if (owner == null || !owner.inRoster()) {
          flags.add(flag(FlagCode.OWNER_LEFT, "owner " + i.ownerId() + " is not in the HR roster",
              "owner_id", i.ownerId(), "owner_status", "not_in_roster"));
        } else if (owner.hiredOn() > d) {
          flags.add(flag(FlagCode.OWNER_LEFT, "owner " + i.ownerId() + " is not employed until " + date(owner.hiredOn()),
              "owner_id", i.ownerId(), "owner_status", "not_yet_hired", "date", date(owner.hiredOn())));
        } else {
          flags.add(flag(FlagCode.OWNER_LEFT, "owner " + i.ownerId() + " left on " + date(owner.leftOn()),
              "owner_id", i.ownerId(), "owner_status", "left", "date", date(owner.leftOn())));
        }
      }
      if (ownerPresent && !Boolean.TRUE.equals(i.ownerHasMandate())) {
        boolean unknown = i.ownerHasMandate() == null;
        flags.add(flag(FlagCode.NO_MANDATE, unknown
                ? "the register does not say whether owner " + i.ownerId() + " has a mandate"
                : "the register says owner " + i.ownerId() + " has no mandate",
            "owner_id", i.ownerId(), "mandate", unknown ? "unknown" : "false"));
      }
      if (!goalLinked) {
        flags.add(i.goalId() == null
            ? flag(FlagCode.NO_GOAL, "not tied to a strategic goal", "goal_status", "none")
            : flag(FlagCode.NO_GOAL, "goal " + i.goalId() + " is not in goals.csv", "goal_status", "not_found",
                "goal_id", i.goalId()));
      }
      if (postPilot && i.followUpEveryDays() == null) {
        flags.add(flag(FlagCode.NO_FOLLOW_UP_CADENCE, "the pilot ended on " + date(end)
            + " and no follow-up cadence is agreed", "pilot_end", date(end)));
      }
      if (postPilot && i.followUpEveryDays() != null) {
        double limit = thresholds.followUpOverdueFactor() * i.followUpEveryDays();
        if (a.lastFollowUp() == null) {
          flags.add(flag(FlagCode.FOLLOW_UP_OVERDUE, "no follow-up held yet; agreed every " + i.followUpEveryDays()
                  + " days", "cadence_days", String.valueOf(i.followUpEveryDays()), "limit_days", num(limit)));
        } else if (daysSince > limit) {
          flags.add(flag(FlagCode.FOLLOW_UP_OVERDUE, "last follow-up on " + date(a.lastFollowUp()) + ", " + daysSince
                  + " days ago; agreed every " + i.followUpEveryDays() + " days (overdue after " + num(limit) + ")",
              "cadence_days", String.valueOf(i.followUpEveryDays()), "limit_days", num(limit),
              "last_follow_up", date(a.lastFollowUp()), "days_since", String.valueOf(daysSince)));
        }
      }
      if (allocation == null || allocation == 0) {
        flags.add(flag(FlagCode.NO_PRACTICE_TIME, "no practice time allocated"));
      }
      if (allocation != null && allocation > 0 && d >= i.pilotStart() + thresholds.practiceTimeUnusedAfterDays()
          && !suppressed && practiceRatio != null && practiceRatio < thresholds.practiceTimeUnusedMinRatio()) {
        flags.add(flag(FlagCode.PRACTICE_TIME_UNUSED, hours(practicePerPersonWeek) + " h of practice per person and week"
                + " in the last 4 weeks, of " + hours(allocation) + " h allocated (" + pct(practiceRatio) + ")",
            "hours_per_person_week", num(practicePerPersonWeek), "allocated_hours", num(allocation),
            "ratio", num(practiceRatio)));
      }
      if (i.courseIds().isEmpty()) {
        flags.add(flag(FlagCode.NO_TRAINING_PLAN, "no course is linked to it"));
      }
      if (postPilot && !i.courseIds().isEmpty() && !suppressed && coverage != null
          && coverage < thresholds.lowTrainingCoverageMin()) {
        flags.add(flag(FlagCode.LOW_TRAINING_COVERAGE, a.trained() + " of " + pop + " target employees trained ("
                + pct(coverage) + ")", "trained", String.valueOf(a.trained()), "target_population", String.valueOf(pop),
            "coverage", num(coverage)));
      }
      if (!suppressed && a.trainedNotUsingBase() >= minGroupSize && tnuRate != null
          && tnuRate > thresholds.trainedNotUsingMaxRate()) {
        flags.add(flag(FlagCode.TRAINED_NOT_USING, a.trainedNotUsing() + " of " + a.trainedNotUsingBase()
                + " people trained 28 days ago or more have not used it in 28 days (" + pct(tnuRate) + ")",
            "trained_not_using", String.valueOf(a.trainedNotUsing()),
            "trained_not_using_base", String.valueOf(a.trainedNotUsingBase()), "rate", num(tnuRate)));
      }
      if (postPilot && a.learningSessions90d() == 0) {
        flags.add(flag(FlagCode.NO_LEARNING_FOLLOW_UP, "no workshop, peer learning or coaching in the last 90 days"
            + " since the pilot ended on " + date(end), "pilot_end", date(end)));
      }
      if (i.usageSignals().isEmpty()) {
        flags.add(flag(FlagCode.NO_USAGE_SIGNAL, "no usage signal is defined, so everyday use cannot be measured"));
      }
      if (end != null && end <= d - thresholds.lowAdoptionAfterDays() && !suppressed && sustainedRate != null
          && sustainedRate < thresholds.lowAdoptionMinSustainedRate()) {
        flags.add(flag(FlagCode.LOW_ADOPTION, a.sustainedUsers() + " of " + pop
                + " target employees used it in at least 3 of the last 4 weeks (" + pct(sustainedRate) + ")",
            "sustained_users", String.valueOf(a.sustainedUsers()), "target_population", String.valueOf(pop),
            "sustained_rate", num(sustainedRate)));
      }
      if (!suppressed && retention != null && retention < thresholds.adoptionDecayMinRetention()) {
        flags.add(flag(FlagCode.ADOPTION_DECAY, a.currentWau() + " weekly users now against " + a.pilotPeakWau()
                + " at the pilot's peak (" + pct(retention) + ")", "current_wau", String.valueOf(a.currentWau()),
            "pilot_peak_wau", String.valueOf(a.pilotPeakWau()), "retention", num(retention)));
      }
      if (postPilot && i.kpi() == null) {
        flags.add(flag(FlagCode.NO_EFFECT_MEASURE, "no KPI is named to show its effect"));
      }
      if (i.kpi() != null && end != null && end <= d - thresholds.noEffectAfterDays()) {
        if (a.kpiBaselineMedian() == null) {
          flags.add(flag(FlagCode.NO_EFFECT, "no observation of " + i.kpi() + " in the 90 days before the pilot",
              "kpi", i.kpi(), "reason", "no_baseline"));
        } else if (a.kpiCurrentObservations() == 0) {
          flags.add(flag(FlagCode.NO_EFFECT, "no observation of " + i.kpi() + " in the last 28 days",
              "kpi", i.kpi(), "reason", "no_current", "baseline_median", num(a.kpiBaselineMedian())));
        } else if (improvedShare < thresholds.noEffectMinImprovedShare()) {
          flags.add(flag(FlagCode.NO_EFFECT, pct(improvedShare) + " of the last 28 days' observations of " + i.kpi()
                  + " are better than the pre-pilot median " + num(a.kpiBaselineMedian()),
              "kpi", i.kpi(), "reason", "not_improved", "improved_share", num(improvedShare),
              "baseline_median", num(a.kpiBaselineMedian()), "current_median", num(a.kpiCurrentMedian())));
        }
      }
    }

    boolean anyHigh = flags.stream().anyMatch(f -> f.code().severity() == FlagCode.Severity.HIGH);
    String verdict;
    if (i.stopped()) {
      verdict = "stopped";
    } else if (!postPilot) {
      verdict = "in_pilot";
    } else if (anyHigh) {
      verdict = "lacks_follow_through";
    } else if (!flags.isEmpty()) {
      verdict = "at_risk";
    } else {
      verdict = "on_track";
    }
    boolean headline = verdict.equals("lacks_follow_through") || (verdict.equals("in_pilot") && endingSoon && anyHigh);

    Map<String, Object> row = new LinkedHashMap<>();
    row.put("initiative_id", i.id());
    row.put("name", i.name());
    row.put("status", i.status());
    row.put("goal_id", i.goalId());
    row.put("goal_title", goalLinked ? goalTitle : null);
    row.put("goal_linked", goalLinked);
    row.put("owner_id", i.ownerId());
    row.put("owner_present", ownerPresent);
    row.put("owner_active", ownerActive);
    row.put("owner_has_mandate", i.ownerHasMandate());
    row.put("pilot_start", LocalDate.ofEpochDay(i.pilotStart()));
    row.put("pilot_end", end == null ? null : LocalDate.ofEpochDay(end));
    row.put("post_pilot", postPilot);
    row.put("ending_soon", endingSoon);
    row.put("target_org_units", String.join(";", i.targetOrgUnits()));
    row.put("course_ids", i.courseIds().isEmpty() ? null : String.join(";", i.courseIds()));
    row.put("usage_signals", i.usageSignals().isEmpty() ? null
        : String.join(";", i.usageSignals().stream().map(Initiative.Signal::toString).toList()));
    row.put("practice_hours_per_week", allocation);
    row.put("follow_up_every_days", i.followUpEveryDays());
    row.put("kpi", i.kpi());
    row.put("kpi_direction", i.kpiDirection());
    row.put("target_population", pop);
    row.put("trained", a.trained());
    row.put("training_coverage", coverage);
    row.put("active_users", a.activeUsers());
    row.put("adoption_rate", adoptionRate);
    row.put("sustained_users", a.sustainedUsers());
    row.put("sustained_rate", sustainedRate);
    row.put("trained_not_using", a.trainedNotUsing());
    row.put("trained_not_using_base", a.trainedNotUsingBase());
    row.put("trained_not_using_rate", tnuRate);
    row.put("median_days_to_first_use", a.medianDaysToFirstUse());
    row.put("current_wau", a.currentWau());
    row.put("pilot_peak_wau", a.pilotPeakWau());
    row.put("post_pilot_retention", retention);
    row.put("practice_hours_per_person_week", practicePerPersonWeek);
    row.put("practice_time_ratio", practiceRatio);
    row.put("learning_sessions_90d", a.learningSessions90d());
    row.put("last_follow_up", a.lastFollowUp() == null ? null : LocalDate.ofEpochDay(a.lastFollowUp()));
    row.put("days_since_follow_up", daysSince);
    row.put("follow_ups_90d", a.followUps90d());
    row.put("follow_up_adherence", adherence);
    row.put("last_maturity", a.lastMaturity());
    row.put("kpi_baseline_median", a.kpiBaselineMedian());
    row.put("kpi_current_median", a.kpiCurrentMedian());
    row.put("kpi_change", kpiChange);
    row.put("kpi_improved_share", improvedShare);
    row.put("kpi_baseline_observations", a.kpiBaselineObservations());
    row.put("kpi_current_observations", a.kpiCurrentObservations());
    row.put("outside_target_users", outside);
    row.put("verdict", verdict);
    row.put("flag_count", flags.size());
    row.put("flag_codes", flags.isEmpty() ? null
        : String.join(";", flags.stream().map(f -> f.code().name()).toList()));
    row.put("headline", headline);
    row.put("suppressed", suppressed);
    if (suppressed) {
      for (String column : SUPPRESSED_COLUMNS) {
        row.put(column, null);
      }
    }
    return new Evaluation(row, List.copyOf(flags), verdict, headline);
  }

  /** The columns computed from the target employees' own records: NULL when the group is too small. */
  public static final List<String> SUPPRESSED_COLUMNS = List.of(
      "trained", "training_coverage", "active_users", "adoption_rate", "sustained_users", "sustained_rate",
      "trained_not_using", "trained_not_using_base", "trained_not_using_rate", "median_days_to_first_use",
      "current_wau", "pilot_peak_wau", "post_pilot_retention", "practice_hours_per_person_week",
      "practice_time_ratio");

  static Double ratio(long numerator, Long denominator) {
    return denominator == null || denominator == 0 ? null : (double) numerator / denominator;
  }

  private static Flag flag(FlagCode code, String evidence, String... args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int k = 0; k < args.length; k += 2) {
      if (args[k + 1] != null) {
        map.put(args[k], args[k + 1]);
      }
    }
    return new Flag(code, evidence, map);
  }

  private static String date(Integer epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** A plain decimal with at most four decimals and no trailing zeros: 0.6667, 37.5, 2. */
  static String num(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  private static String hours(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  private static String pct(double v) {
    return BigDecimal.valueOf(v * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
