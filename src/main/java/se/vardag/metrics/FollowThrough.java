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
import se.vardag.model.Columns;
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

    List<Flag> flags = FlagRules.raise(new FlagRules.FlagInputs(
        i, a, owner, d, end, postPilot, endingSoon, suppressed, ownerPresent, ownerActive, goalLinked, usageMeasured,
        usageJudged, allSilent, learningDelivered, followUpsDelivered, outcomesDelivered, pop, coverage, tnuRate,
        sustainedRate, retention, practicePerPersonWeek, allocation, practiceRatio, lastFollowUp, daysSince,
        baselineMedian, currentMedian, improvedShare, signalSources, sources, thresholds, minGroupSize));

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
    row.put(Columns.INITIATIVE_ID, i.id());
    row.put("name", i.name());
    row.put("status", i.status());
    row.put(Columns.GOAL_ID, i.goalId());
    row.put(Columns.GOAL_TITLE, Boolean.TRUE.equals(goalLinked) ? goalTitle : null);
    row.put(Columns.GOAL_LINKED, goalLinked);
    row.put(Columns.OWNER_ID, i.ownerId());
    row.put(Columns.OWNER_NAME, ownerName);
    row.put(Columns.OWNER_EMAIL, ownerEmail);
    row.put(Columns.OWNER_PRESENT, ownerPresent);
    row.put(Columns.OWNER_ACTIVE, ownerActive);
    row.put(Columns.OWNER_HAS_MANDATE, i.ownerHasMandate());
    row.put(Columns.PILOT_START, LocalDate.ofEpochDay(i.pilotStart()));
    row.put(Columns.PILOT_END, end == null ? null : LocalDate.ofEpochDay(end));
    row.put(Columns.POST_PILOT, postPilot);
    row.put(Columns.ENDING_SOON, endingSoon);
    row.put(Columns.TARGET_ORG_UNITS, String.join(";", i.targetOrgUnits()));
    row.put(Columns.COURSE_IDS, i.courseIds().isEmpty() ? null : String.join(";", i.courseIds()));
    row.put(Columns.USAGE_SIGNALS, i.usageSignals().isEmpty() ? null
        : String.join(";", i.usageSignals().stream().map(Initiative.Signal::toString).toList()));
    row.put(Columns.PRACTICE_HOURS_PER_WEEK, allocation);
    row.put(Columns.FOLLOW_UP_EVERY_DAYS, i.followUpEveryDays());
    row.put("kpi", i.kpi());
    row.put(Columns.KPI_DIRECTION, i.kpiDirection());
    row.put(Columns.TARGET_POPULATION, pop);
    row.put("trained", a.trained());
    row.put(Columns.TRAINING_COVERAGE, coverage);
    row.put(Columns.ACTIVE_USERS, activeUsers);
    row.put(Columns.ADOPTION_RATE, adoptionRate);
    row.put(Columns.SUSTAINED_USERS, sustainedUsers);
    row.put(Columns.SUSTAINED_RATE, sustainedRate);
    row.put(Columns.TRAINED_NOT_USING, trainedNotUsing);
    row.put(Columns.TRAINED_NOT_USING_BASE, trainedNotUsingBase);
    row.put(Columns.TRAINED_NOT_USING_RATE, tnuRate);
    row.put(Columns.MEDIAN_DAYS_TO_FIRST_USE, medianDays);
    row.put(Columns.CURRENT_WAU, currentWau);
    row.put(Columns.PILOT_PEAK_WAU, pilotPeakWau);
    row.put(Columns.POST_PILOT_RETENTION, retention);
    row.put(Columns.PRACTICE_HOURS_PER_PERSON_WEEK, practicePerPersonWeek);
    row.put(Columns.PRACTICE_TIME_RATIO, practiceRatio);
    row.put(Columns.LEARNING_SESSIONS_90D, sessions90);
    row.put(Columns.LAST_FOLLOW_UP, lastFollowUp == null ? null : LocalDate.ofEpochDay(lastFollowUp));
    row.put(Columns.DAYS_SINCE_FOLLOW_UP, daysSince);
    row.put(Columns.FOLLOW_UPS_90D, followUps90);
    row.put(Columns.FOLLOW_UP_ADHERENCE, adherence);
    row.put(Columns.LAST_MATURITY, lastMaturity);
    row.put(Columns.KPI_BASELINE_MEDIAN, baselineMedian);
    row.put(Columns.KPI_CURRENT_MEDIAN, currentMedian);
    row.put(Columns.KPI_CHANGE, kpiChange);
    row.put(Columns.KPI_IMPROVED_SHARE, improvedShare);
    row.put(Columns.KPI_BASELINE_OBSERVATIONS, baselineObservations);
    row.put(Columns.KPI_CURRENT_OBSERVATIONS, currentObservations);
    row.put(Columns.OUTSIDE_TARGET_USERS, outside);
    row.put("verdict", verdict);
    row.put(Columns.FLAG_COUNT, flags.size());
    row.put(Columns.HIGH_FLAG_COUNT, (int) highFlags);
    row.put(Columns.FLAG_CODES, flags.isEmpty() ? null
        : String.join(";", flags.stream().map(f -> f.code().name()).toList()));
    row.put("headline", headline);
    row.put("suppressed", suppressed);
    if (suppressed) {
      for (String column : SUPPRESSED_COLUMNS) {
        row.put(column, null);
      }
    }
    // Org B's ingredients, from the published (delivered, unsuppressed) values: false when an input is null.
    Double publishedRatio = (Double) row.get(Columns.PRACTICE_TIME_RATIO);
    boolean hasOwnerWithMandate = ownerActive && Boolean.TRUE.equals(i.ownerHasMandate());
    boolean hasGoal = Boolean.TRUE.equals(goalLinked);
    boolean hasPracticeTime = publishedRatio != null && publishedRatio >= INGREDIENT_PRACTICE_RATIO;
    boolean hasLearningFollowUp = sessions90 != null && sessions90 >= 1;
    boolean hasFollowUp = i.followUpEveryDays() != null && daysSince != null
        && daysSince <= INGREDIENT_FOLLOW_UP_FACTOR * i.followUpEveryDays();
    row.put(Columns.HAS_OWNER_WITH_MANDATE, hasOwnerWithMandate);
    row.put(Columns.HAS_GOAL, hasGoal);
    row.put(Columns.HAS_PRACTICE_TIME, hasPracticeTime);
    row.put(Columns.HAS_LEARNING_FOLLOW_UP, hasLearningFollowUp);
    row.put(Columns.HAS_FOLLOW_UP, hasFollowUp);
    row.put(Columns.INGREDIENT_COUNT, (hasOwnerWithMandate ? 1 : 0) + (hasGoal ? 1 : 0) + (hasPracticeTime ? 1 : 0)
        + (hasLearningFollowUp ? 1 : 0) + (hasFollowUp ? 1 : 0));
    return new Evaluation(row, List.copyOf(flags), verdict, headline);
  }

  /** "the pilot ended on 2026-08-31", or for a scaling/operational initiative without pilot_end its status. */
  static String pilotOver(Initiative i) {
    return i.pilotEnd() != null ? "the pilot ended on " + date(i.pilotEnd())
        : "the register says the initiative is " + i.status() + " without a pilot end date";
  }

  /** USAGE_DATA_MISSING: each named source and its last event on or before D. */
  static Flag silentSources(List<String> names, UsageSources sources, int d) {
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
      "trained", Columns.TRAINING_COVERAGE, Columns.ACTIVE_USERS, Columns.ADOPTION_RATE, Columns.SUSTAINED_USERS, Columns.SUSTAINED_RATE,
      Columns.TRAINED_NOT_USING, Columns.TRAINED_NOT_USING_BASE, Columns.TRAINED_NOT_USING_RATE, Columns.MEDIAN_DAYS_TO_FIRST_USE,
      Columns.CURRENT_WAU, Columns.PILOT_PEAK_WAU, Columns.POST_PILOT_RETENTION, Columns.PRACTICE_HOURS_PER_PERSON_WEEK,
      Columns.PRACTICE_TIME_RATIO);

  static Double ratio(long numerator, Long denominator) {
    return denominator == null || denominator == 0 ? null : (double) numerator / denominator;
  }

  static Flag flag(FlagCode code, String evidence, String... args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int k = 0; k < args.length; k += 2) {
      if (args[k + 1] != null) {
        map.put(args[k], args[k + 1]);
      }
    }
    return new Flag(code, evidence, map);
  }

  static String date(Integer epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** A plain decimal with at most four decimals and no trailing zeros: 0.6667, 37.5, 2. */
  static String num(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  static String hours(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  /** A share quoted as a percentage on the same side of its threshold as the exact value: 69.5%, 30.04%, 45%. */
  static String pct(double v, double threshold) {
    return SameSide.percent(v, threshold, 0).toPlainString() + "%";
  }

  /** Trailing zeros dropped (which never moves a value across its threshold): 1.0 → 1, 0.90 → 0.9. */
  static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** A figure unrounded, for {@code evidence_args}: {@code BigDecimal.valueOf(v).toPlainString()}. */
  static String exact(double v) {
    return BigDecimal.valueOf(v).toPlainString();
  }
}
