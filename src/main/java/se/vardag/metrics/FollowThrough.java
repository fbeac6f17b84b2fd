package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vardag.SameSide;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Flag;
import se.vardag.model.FlagCode;
import se.vardag.model.Initiative;
import se.vardag.model.Verdict;

/**
 * Turns an initiative's raw figures into its published row: rates (null on a zero denominator),
 * small-group suppression (SPEC section 6), the follow-through flags with evidence, the verdict
 * and the headline mark (SPEC section 4). Plain Java on one initiative at a time.
 */
public final class FollowThrough {
  /**
   * What the roster says about an initiative's owner; {@code displayName} and {@code email} null when
   * the roster has none.
   */
  public record Owner(boolean inRoster, Integer hiredOn, Integer leftOn, String displayName, String email) {
    public static final Owner NOT_IN_ROSTER = new Owner(false, null, null, null, null);

    public Owner(boolean inRoster, Integer hiredOn, Integer leftOn) {
      this(inRoster, hiredOn, leftOn, null, null);
    }

    public Owner(boolean inRoster, Integer hiredOn, Integer leftOn, String displayName) {
      this(inRoster, hiredOn, leftOn, displayName, null);
    }

    public boolean employedAt(int d) {
      return inRoster && hiredOn <= d && (leftOn == null || leftOn > d);
    }
  }

  /** The evaluation of one initiative as of D. */
  public record Evaluation(Map<String, Object> row, List<Flag> flags, String verdict, boolean headline) {}

  /** Org B's ingredients (SPEC section 3): practice time counts from this share of the allocation. */
  static final double INGREDIENT_PRACTICE_RATIO = 0.5;
  /** Org B's ingredients: a follow-up counts when held within this many cadences before D. */
  static final double INGREDIENT_FOLLOW_UP_FACTOR = 1.5;

  private final FlagThresholds thresholds;
  private final int minGroupSize;

  public FollowThrough(FlagThresholds thresholds, int minGroupSize) {
    this.thresholds = requireNonNull(thresholds, "thresholds is null");
    this.minGroupSize = minGroupSize;
  }

  /** Past the pilot at D: pilot_end before D, or no pilot_end and status scaling/operational (SPEC section 4). */
  public static boolean postPilot(Initiative i, int d) {
    Integer end = i.pilotEnd();
    return end != null ? end < d : i.status().equals("scaling") || i.status().equals("operational");
  }

  /**
   * @param owner the roster's facts about the owner; ignored when the initiative has no owner
   * @param goalTitle the goal's title when goal_id is set and found in goals.csv, else null
   * @param deliveries which optional files were delivered
   * @param sources the days with any event per usage source, for silent sources
   */
  public Evaluation evaluate(Initiative i, Adoption a, Owner owner, String goalTitle, Deliveries deliveries,
      UsageSources sources) {
    requireNonNull(deliveries, "deliveries is null");
    requireNonNull(sources, "sources is null");
    int d = a.asOf();
    Integer end = i.pilotEnd();
    boolean postPilot = postPilot(i, d);
    boolean endingSoon = end != null && end >= d && end <= d + thresholds.endingSoonDays();
    boolean suppressed = a.targetPopulation() < minGroupSize;
    boolean ownerPresent = i.ownerId() != null;
    boolean ownerActive = ownerPresent && owner != null && owner.employedAt(d);
    String ownerName = ownerPresent && owner != null && owner.inRoster() ? owner.displayName() : null;
    // The address the owner's own report goes to (mail.owners): only while the owner is employed at D.
    String ownerEmail = ownerActive && owner.email() != null && !owner.email().isBlank() ? owner.email().strip() : null;
    // goal_linked: false without a goal_id; unknown (null) when goals.csv was not delivered.
    Boolean goalLinked = i.goalId() == null ? Boolean.FALSE
        : deliveries.goals() ? Boolean.valueOf(goalTitle != null) : null;
    boolean usageMeasured = !i.usageSignals().isEmpty();
    boolean learningDelivered = deliveries.learningActivities();
    boolean followUpsDelivered = deliveries.followUps();
    boolean outcomesDelivered = deliveries.outcomes();

    long pop = a.targetPopulation();
    Double coverage = ratio(a.trained(), pop);
    Long activeUsers = usageMeasured ? a.activeUsers() : null;
    Long sustainedUsers = usageMeasured ? a.sustainedUsers() : null;
    Long trainedNotUsing = usageMeasured ? a.trainedNotUsing() : null;
    Long trainedNotUsingBase = usageMeasured ? a.trainedNotUsingBase() : null;
    Long currentWau = usageMeasured ? a.currentWau() : null;
    Long pilotPeakWau = usageMeasured ? a.pilotPeakWau() : null;
    Double adoptionRate = usageMeasured ? ratio(a.activeUsers(), pop) : null;
    Double sustainedRate = usageMeasured ? ratio(a.sustainedUsers(), pop) : null;
    Double tnuRate = usageMeasured ? ratio(a.trainedNotUsing(), a.trainedNotUsingBase()) : null;
    Double medianDays = usageMeasured ? a.medianDaysToFirstUse() : null;
    Double retention = usageMeasured && end != null && end <= d - 7 && a.pilotPeakWau() != null
        ? ratio(a.currentWau(), a.pilotPeakWau()) : null;
    Double practicePerPersonWeek = !learningDelivered || pop == 0 ? null : a.practiceHours() / pop / 4.0;
    Double allocation = i.practiceHoursPerWeek();
    Double practiceRatio = allocation == null || allocation == 0 || practicePerPersonWeek == null
        ? null : practicePerPersonWeek / allocation;
    Long sessions90 = learningDelivered ? a.learningSessions90d() : null;
    Integer lastFollowUp = followUpsDelivered ? a.lastFollowUp() : null;
    Integer daysSince = lastFollowUp == null ? null : d - lastFollowUp;
    Long followUps90 = followUpsDelivered ? a.followUps90d() : null;
    Double adherence = !followUpsDelivered || i.followUpEveryDays() == null ? null
        : Math.min(1.0, a.followUps90d() / (90.0 / i.followUpEveryDays()));
    Integer lastMaturity = followUpsDelivered ? a.lastMaturity() : null;
    Double baselineMedian = outcomesDelivered ? a.kpiBaselineMedian() : null;
    Double currentMedian = outcomesDelivered ? a.kpiCurrentMedian() : null;
    Double kpiChange = baselineMedian == null || currentMedian == null || baselineMedian == 0
        ? null : (currentMedian - baselineMedian) / baselineMedian;
    Double improvedShare = baselineMedian == null || a.kpiCurrentObservations() == 0
        ? null : (double) a.kpiImprovedObservations() / a.kpiCurrentObservations();
    Long baselineObservations = outcomesDelivered ? a.kpiBaselineObservations() : null;
    Long currentObservations = outcomesDelivered ? a.kpiCurrentObservations() : null;
    Long outside = !usageMeasured || (a.outsideTargetUsers() > 0 && a.outsideTargetUsers() < minGroupSize)
        ? null : a.outsideTargetUsers();

    // Silent sources: every source the signals name had no event from anyone in D-6 … D.
    List<String> signalSources = new ArrayList<>();
    for (Initiative.Signal s : i.usageSignals()) {
      String key = UsageSources.key(s.source());
      if (!signalSources.contains(key)) {
        signalSources.add(key);
      }
    }
    boolean allSilent = !signalSources.isEmpty() && signalSources.stream().allMatch(s -> sources.silent(s, d));
    // The usage flags rest on delivered, flowing usage data (SPEC section 4).
    boolean usageJudged = usageMeasured && !allSilent;

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
      if (i.goalId() == null) {
        flags.add(flag(FlagCode.NO_GOAL, "not tied to a strategic goal", "goal_status", "none"));
      } else if (Boolean.FALSE.equals(goalLinked)) {
        flags.add(flag(FlagCode.NO_GOAL, "goal " + i.goalId() + " is not in goals.csv", "goal_status", "not_found",
            "goal_id", i.goalId()));
      }
      if (postPilot && i.followUpEveryDays() == null) {
        flags.add(flag(FlagCode.NO_FOLLOW_UP_CADENCE, pilotOver(i) + " and no follow-up cadence is agreed",
            "pilot_end", end == null ? null : date(end), "status", end == null ? i.status() : null));
      }
      if (postPilot && i.followUpEveryDays() != null && followUpsDelivered) {
        double limit = thresholds.followUpOverdueFactor() * i.followUpEveryDays();
        if (lastFollowUp == null) {
          flags.add(flag(FlagCode.FOLLOW_UP_OVERDUE, "no follow-up held yet; agreed every " + i.followUpEveryDays()
                  + " days", "cadence_days", String.valueOf(i.followUpEveryDays()), "limit_days", num(limit)));
        } else if (daysSince > limit) {
          flags.add(flag(FlagCode.FOLLOW_UP_OVERDUE, "last follow-up on " + date(lastFollowUp) + ", " + daysSince
                  + " days ago; agreed every " + i.followUpEveryDays() + " days (overdue after " + num(limit) + ")",
              "cadence_days", String.valueOf(i.followUpEveryDays()), "limit_days", num(limit),
              "last_follow_up", date(lastFollowUp), "days_since", String.valueOf(daysSince)));
        }
      }
      if (allocation == null || allocation == 0) {
        flags.add(flag(FlagCode.NO_PRACTICE_TIME, "no practice time allocated"));
      }
      double minRatio = thresholds.practiceTimeUnusedMinRatio();
      if (allocation != null && allocation > 0 && d >= i.pilotStart() + thresholds.practiceTimeUnusedAfterDays()
          && !suppressed && practiceRatio != null && practiceRatio < minRatio) {
        flags.add(flag(FlagCode.PRACTICE_TIME_UNUSED,
            plain(SameSide.round(practicePerPersonWeek, minRatio * allocation, 1)) + " h of practice per person and"
                + " week in the last 4 weeks, of " + hours(allocation) + " h allocated ("
                + pct(practiceRatio, minRatio) + ")",
            "hours_per_person_week", exact(practicePerPersonWeek), "allocated_hours", exact(allocation),
            "ratio", exact(practiceRatio), "threshold", exact(minRatio)));
      }
      if (i.courseIds().isEmpty()) {
        flags.add(flag(FlagCode.NO_TRAINING_PLAN, "no course is linked to it"));
      }
      double minCoverage = thresholds.lowTrainingCoverageMin();
      if (postPilot && !i.courseIds().isEmpty() && !suppressed && coverage != null && coverage < minCoverage) {
        flags.add(flag(FlagCode.LOW_TRAINING_COVERAGE, a.trained() + " of " + pop + " target employees trained ("
                + pct(coverage, minCoverage) + ")", "trained", String.valueOf(a.trained()),
            "target_population", String.valueOf(pop), "coverage", exact(coverage), "threshold", exact(minCoverage)));
      }
      double maxTnu = thresholds.trainedNotUsingMaxRate();
      if (usageJudged && !suppressed && a.trainedNotUsingBase() >= minGroupSize && tnuRate != null
          && tnuRate > maxTnu) {
        flags.add(flag(FlagCode.TRAINED_NOT_USING, a.trainedNotUsing() + " of " + a.trainedNotUsingBase()
                + " people trained 28 days ago or more have not used it in 28 days (" + pct(tnuRate, maxTnu) + ")",
            "trained_not_using", String.valueOf(a.trainedNotUsing()),
            "trained_not_using_base", String.valueOf(a.trainedNotUsingBase()), "rate", exact(tnuRate),
            "threshold", exact(maxTnu)));
      }
      if (postPilot && learningDelivered && a.learningSessions90d() == 0) {
        flags.add(flag(FlagCode.NO_LEARNING_FOLLOW_UP, "no workshop, peer learning or coaching in the last 90 days"
            + (end == null ? "; " + pilotOver(i) : " since the pilot ended on " + date(end)),
            "pilot_end", end == null ? null : date(end), "status", end == null ? i.status() : null));
      }
      if (!usageMeasured) {
        flags.add(flag(FlagCode.NO_USAGE_SIGNAL, "no usage signal is defined, so everyday use cannot be measured"));
      }
      double minSustained = thresholds.lowAdoptionMinSustainedRate();
      if (usageJudged && end != null && end <= d - thresholds.lowAdoptionAfterDays() && !suppressed
          && sustainedRate != null && sustainedRate < minSustained) {
        flags.add(flag(FlagCode.LOW_ADOPTION, a.sustainedUsers() + " of " + pop
                + " target employees used it in at least 3 of the last 4 weeks (" + pct(sustainedRate, minSustained)
                + ")", "sustained_users", String.valueOf(a.sustainedUsers()), "target_population", String.valueOf(pop),
            "sustained_rate", exact(sustainedRate), "threshold", exact(minSustained)));
      }
      double minRetention = thresholds.adoptionDecayMinRetention();
      if (usageJudged && !suppressed && retention != null && retention < minRetention) {
        flags.add(flag(FlagCode.ADOPTION_DECAY, a.currentWau() + " weekly users now against " + a.pilotPeakWau()
                + " at the pilot's peak (" + pct(retention, minRetention) + ")",
            "current_wau", String.valueOf(a.currentWau()), "pilot_peak_wau", String.valueOf(a.pilotPeakWau()),
            "retention", exact(retention), "threshold", exact(minRetention)));
      }
      if (postPilot && i.kpi() == null) {
        flags.add(flag(FlagCode.NO_EFFECT_MEASURE, "no KPI is named to show its effect"));
      }
      double minImproved = thresholds.noEffectMinImprovedShare();
      if (outcomesDelivered && i.kpi() != null && end != null && end <= d - thresholds.noEffectAfterDays()) {
        if (baselineMedian == null) {
          flags.add(flag(FlagCode.NO_EFFECT, "no observation of " + i.kpi() + " in the 90 days before the pilot",
              "kpi", i.kpi(), "reason", "no_baseline"));
        } else if (a.kpiCurrentObservations() == 0) {
          flags.add(flag(FlagCode.NO_EFFECT, "no observation of " + i.kpi() + " in the last 28 days",
              "kpi", i.kpi(), "reason", "no_current", "baseline_median", exact(baselineMedian)));
        } else if (improvedShare < minImproved) {
          flags.add(flag(FlagCode.NO_EFFECT, pct(improvedShare, minImproved) + " of the last 28 days' observations of "
                  + i.kpi() + " are better than the pre-pilot median " + num(baselineMedian),
              "kpi", i.kpi(), "reason", "not_improved", "improved_share", exact(improvedShare),
              "baseline_median", exact(baselineMedian), "current_median", exact(currentMedian),
              "threshold", exact(minImproved)));
        }
      }
      if (end == null && (i.status().equals("scaling") || i.status().equals("operational"))) {
        flags.add(flag(FlagCode.NO_PILOT_END, "the register says the initiative is " + i.status()
            + " but names no pilot end date", "status", i.status()));
      }
      if (usageMeasured && allSilent) {
        flags.add(silentSources(signalSources, sources, d));
      }
    }

    boolean anyHigh = flags.stream().anyMatch(f -> f.code().severity() == FlagCode.Severity.HIGH);
    long highFlags = flags.stream().filter(f -> f.code().severity() == FlagCode.Severity.HIGH).count();
    String verdict;
    if (i.stopped()) {
      verdict = Verdict.STOPPED.code();
    } else if (!postPilot) {
      verdict = Verdict.IN_PILOT.code();
    } else if (anyHigh) {
      verdict = Verdict.LACKS_FOLLOW_THROUGH.code();
    } else if (!flags.isEmpty()) {
      verdict = Verdict.AT_RISK.code();
    } else {
      verdict = Verdict.ON_TRACK.code();
    }
    boolean headline = verdict.equals(Verdict.LACKS_FOLLOW_THROUGH.code()) || (verdict.equals(Verdict.IN_PILOT.code()) && endingSoon && anyHigh);

    Map<String, Object> row = new LinkedHashMap<>();
    row.put("initiative_id", i.id());
    row.put("name", i.name());
    row.put("status", i.status());
    row.put("goal_id", i.goalId());
    row.put("goal_title", Boolean.TRUE.equals(goalLinked) ? goalTitle : null);
    row.put("goal_linked", goalLinked);
    row.put("owner_id", i.ownerId());
    row.put("owner_name", ownerName);
    row.put("owner_email", ownerEmail);
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
    row.put("active_users", activeUsers);
    row.put("adoption_rate", adoptionRate);
    row.put("sustained_users", sustainedUsers);
    row.put("sustained_rate", sustainedRate);
    row.put("trained_not_using", trainedNotUsing);
    row.put("trained_not_using_base", trainedNotUsingBase);
    row.put("trained_not_using_rate", tnuRate);
    row.put("median_days_to_first_use", medianDays);
    row.put("current_wau", currentWau);
    row.put("pilot_peak_wau", pilotPeakWau);
    row.put("post_pilot_retention", retention);
    row.put("practice_hours_per_person_week", practicePerPersonWeek);
    row.put("practice_time_ratio", practiceRatio);
    row.put("learning_sessions_90d", sessions90);
    row.put("last_follow_up", lastFollowUp == null ? null : LocalDate.ofEpochDay(lastFollowUp));
    row.put("days_since_follow_up", daysSince);
    row.put("follow_ups_90d", followUps90);
    row.put("follow_up_adherence", adherence);
    row.put("last_maturity", lastMaturity);
    row.put("kpi_baseline_median", baselineMedian);
    row.put("kpi_current_median", currentMedian);
    row.put("kpi_change", kpiChange);
    row.put("kpi_improved_share", improvedShare);
    row.put("kpi_baseline_observations", baselineObservations);
    row.put("kpi_current_observations", currentObservations);
    row.put("outside_target_users", outside);
    row.put("verdict", verdict);
    row.put("flag_count", flags.size());
    row.put("high_flag_count", (int) highFlags);
    row.put("flag_codes", flags.isEmpty() ? null
        : String.join(";", flags.stream().map(f -> f.code().name()).toList()));
    row.put("headline", headline);
    row.put("suppressed", suppressed);
    if (suppressed) {
      for (String column : SUPPRESSED_COLUMNS) {
        row.put(column, null);
      }
    }
    // Org B's ingredients, from the published (delivered, unsuppressed) values: false when an input is null.
    Double publishedRatio = (Double) row.get("practice_time_ratio");
    boolean hasOwnerWithMandate = ownerActive && Boolean.TRUE.equals(i.ownerHasMandate());
    boolean hasGoal = Boolean.TRUE.equals(goalLinked);
    boolean hasPracticeTime = publishedRatio != null && publishedRatio >= INGREDIENT_PRACTICE_RATIO;
    boolean hasLearningFollowUp = sessions90 != null && sessions90 >= 1;
    boolean hasFollowUp = i.followUpEveryDays() != null && daysSince != null
        && daysSince <= INGREDIENT_FOLLOW_UP_FACTOR * i.followUpEveryDays();
    row.put("has_owner_with_mandate", hasOwnerWithMandate);
    row.put("has_goal", hasGoal);
    row.put("has_practice_time", hasPracticeTime);
    row.put("has_learning_follow_up", hasLearningFollowUp);
    row.put("has_follow_up", hasFollowUp);
    row.put("ingredient_count", (hasOwnerWithMandate ? 1 : 0) + (hasGoal ? 1 : 0) + (hasPracticeTime ? 1 : 0)
        + (hasLearningFollowUp ? 1 : 0) + (hasFollowUp ? 1 : 0));
    return new Evaluation(row, List.copyOf(flags), verdict, headline);
  }

  /** "the pilot ended on 2026-08-31", or for a scaling/operational initiative without pilot_end its status. */
  private static String pilotOver(Initiative i) {
    return i.pilotEnd() != null ? "the pilot ended on " + date(i.pilotEnd())
        : "the register says the initiative is " + i.status() + " without a pilot end date";
  }

  /** USAGE_DATA_MISSING: each named source and its last event on or before D. */
  private static Flag silentSources(List<String> names, UsageSources sources, int d) {
    StringBuilder evidence = new StringBuilder();
    StringBuilder arg = new StringBuilder();
    for (int k = 0; k < names.size(); k++) {
      String s = names.get(k);
      Integer last = sources.lastEventOnOrBefore(s, d);
      evidence.append(k == 0 ? "no usage event from " : ", nor from ").append(s)
          .append(last == null ? " ever" : " since " + date(last));
      arg.append(k == 0 ? "" : ";").append(s).append('=').append(last == null ? "" : date(last));
    }
    return flag(FlagCode.USAGE_DATA_MISSING, evidence.toString(), "sources", arg.toString());
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

  /** A share quoted as a percentage on the same side of its threshold as the exact value: 69.5%, 30.04%, 45%. */
  private static String pct(double v, double threshold) {
    return SameSide.percent(v, threshold, 0).toPlainString() + "%";
  }

  /** Trailing zeros dropped (which never moves a value across its threshold): 1.0 → 1, 0.90 → 0.9. */
  private static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** A figure unrounded, for {@code evidence_args}: {@code BigDecimal.valueOf(v).toPlainString()}. */
  static String exact(double v) {
    return BigDecimal.valueOf(v).toPlainString();
  }
}
