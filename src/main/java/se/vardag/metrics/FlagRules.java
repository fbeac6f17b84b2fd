package se.vardag.metrics;

import static se.vardag.metrics.FollowThrough.date;
import static se.vardag.metrics.FollowThrough.exact;
import static se.vardag.metrics.FollowThrough.flag;
import static se.vardag.metrics.FollowThrough.hours;
import static se.vardag.metrics.FollowThrough.num;
import static se.vardag.metrics.FollowThrough.pct;
import static se.vardag.metrics.FollowThrough.pilotOver;
import static se.vardag.metrics.FollowThrough.plain;
import static se.vardag.metrics.FollowThrough.silentSources;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.vardag.SameSide;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Columns;
import se.vardag.model.Flag;
import se.vardag.model.FlagCode;
import se.vardag.model.Initiative;

/**
 * The rule of each follow-through flag (SPEC section 4): its condition and its evidence, one method per
 * {@link FlagCode}, evaluated in the spec's order. A new flag is a {@code FlagCode} constant (pillar,
 * severity), its rule here and its two messages (title and evidence) in the report's bundles;
 * {@link #RULES} refuses to load without a rule for every constant.
 */
final class FlagRules {
  /** One flag's rule: adds the flag to {@code flags} when its condition holds. */
  interface Rule {
    void raise(FlagInputs in, List<Flag> flags);
  }

  /** What the rules read: one initiative's figures as of D, as {@link FollowThrough} computed them. */
  record FlagInputs(
    Initiative i,
    Adoption a,
    FollowThrough.Owner owner,
    int d,
    Integer end,
    boolean postPilot,
    boolean endingSoon,
    boolean suppressed,
    boolean ownerPresent,
    boolean ownerActive,
    Boolean goalLinked,
    boolean usageMeasured,
    boolean usageJudged,
    boolean allSilent,
    boolean learningDelivered,
    boolean followUpsDelivered,
    boolean outcomesDelivered,
    long pop,
    Double coverage,
    Double tnuRate,
    Double sustainedRate,
    Double retention,
    Double practicePerPersonWeek,
    Double allocation,
    Double practiceRatio,
    Integer lastFollowUp,
    Integer daysSince,
    Double baselineMedian,
    Double currentMedian,
    Double improvedShare,
    List<String> signalSources,
    UsageSources sources,
    FlagThresholds thresholds,
    int minGroupSize) {}

  static final Map<FlagCode, Rule> RULES = rules();

  private FlagRules() {}

  /** Every flag the initiative raises at D, in the spec's order; none for a stopped initiative. */
  static List<Flag> raise(FlagInputs in) {
    List<Flag> flags = new ArrayList<>();
    if (!in.i().stopped()) {
      for (FlagCode code : FlagCode.values()) {
        RULES.get(code).raise(in, flags);
      }
    }
    return flags;
  }

  private static Map<FlagCode, Rule> rules() {
    Map<FlagCode, Rule> rules = new EnumMap<>(FlagCode.class);
    rules.put(FlagCode.NO_OWNER, FlagRules::noOwner);
    rules.put(FlagCode.OWNER_LEFT, FlagRules::ownerLeft);
    rules.put(FlagCode.NO_MANDATE, FlagRules::noMandate);
    rules.put(FlagCode.NO_GOAL, FlagRules::noGoal);
    rules.put(FlagCode.NO_FOLLOW_UP_CADENCE, FlagRules::noFollowUpCadence);
    rules.put(FlagCode.FOLLOW_UP_OVERDUE, FlagRules::followUpOverdue);
    rules.put(FlagCode.NO_PRACTICE_TIME, FlagRules::noPracticeTime);
    rules.put(FlagCode.PRACTICE_TIME_UNUSED, FlagRules::practiceTimeUnused);
    rules.put(FlagCode.NO_TRAINING_PLAN, FlagRules::noTrainingPlan);
    rules.put(FlagCode.LOW_TRAINING_COVERAGE, FlagRules::lowTrainingCoverage);
    rules.put(FlagCode.TRAINED_NOT_USING, FlagRules::trainedNotUsing);
    rules.put(FlagCode.NO_LEARNING_FOLLOW_UP, FlagRules::noLearningFollowUp);
    rules.put(FlagCode.NO_USAGE_SIGNAL, FlagRules::noUsageSignal);
    rules.put(FlagCode.LOW_ADOPTION, FlagRules::lowAdoption);
    rules.put(FlagCode.ADOPTION_DECAY, FlagRules::adoptionDecay);
    rules.put(FlagCode.NO_EFFECT_MEASURE, FlagRules::noEffectMeasure);
    rules.put(FlagCode.NO_EFFECT, FlagRules::noEffect);
    rules.put(FlagCode.NO_PILOT_END, FlagRules::noPilotEnd);
    rules.put(FlagCode.USAGE_DATA_MISSING, FlagRules::usageDataMissing);
    for (FlagCode code : FlagCode.values()) {
      if (!rules.containsKey(code)) {
        throw new IllegalStateException("Cannot evaluate flag " + code + ": it has no rule in FlagRules");
      }
    }
    return rules;
  }

  private static void noOwner(FlagInputs in, List<Flag> flags) {
    if ((in.postPilot() || in.endingSoon()) && !in.ownerPresent()) {
      flags.add(flag(FlagCode.NO_OWNER, in.end() == null ? "no owner is named for after the pilot"
          : "no owner is named for after the pilot, which " + (in.postPilot() ? "ended" : "ends") + " on " + date(in.end()),
          Columns.PILOT_END, in.end() == null ? null : date(in.end())));
    }
  }

  private static void ownerLeft(FlagInputs in, List<Flag> flags) {
    if (in.ownerPresent() && !in.ownerActive()) {
      if (in.owner() == null || !in.owner().inRoster()) {
        flags.add(flag(FlagCode.OWNER_LEFT, "owner " + in.i().ownerId() + " is not in the HR roster",
            Columns.OWNER_ID, in.i().ownerId(), "owner_status", "not_in_roster"));
      } else if (in.owner().hiredOn() > in.d()) {
        flags.add(flag(FlagCode.OWNER_LEFT, "owner " + in.i().ownerId() + " is not employed until " + date(in.owner().hiredOn()),
            Columns.OWNER_ID, in.i().ownerId(), "owner_status", "not_yet_hired", "date", date(in.owner().hiredOn())));
      } else {
        flags.add(flag(FlagCode.OWNER_LEFT, "owner " + in.i().ownerId() + " left on " + date(in.owner().leftOn()),
            Columns.OWNER_ID, in.i().ownerId(), "owner_status", "left", "date", date(in.owner().leftOn())));
      }
    }
  }

  private static void noMandate(FlagInputs in, List<Flag> flags) {
    if (in.ownerPresent() && !Boolean.TRUE.equals(in.i().ownerHasMandate())) {
      boolean unknown = in.i().ownerHasMandate() == null;
      flags.add(flag(FlagCode.NO_MANDATE, unknown
              ? "the register does not say whether owner " + in.i().ownerId() + " has a mandate"
              : "the register says owner " + in.i().ownerId() + " has no mandate",
          Columns.OWNER_ID, in.i().ownerId(), "mandate", unknown ? "unknown" : "false"));
    }
  }

  private static void noGoal(FlagInputs in, List<Flag> flags) {
    if (in.i().goalId() == null) {
      flags.add(flag(FlagCode.NO_GOAL, "not tied to a strategic goal", "goal_status", "none"));
    } else if (Boolean.FALSE.equals(in.goalLinked())) {
      flags.add(flag(FlagCode.NO_GOAL, "goal " + in.i().goalId() + " is not in goals.csv", "goal_status", "not_found",
          Columns.GOAL_ID, in.i().goalId()));
    }
  }

  private static void noFollowUpCadence(FlagInputs in, List<Flag> flags) {
    if (in.postPilot() && in.i().followUpEveryDays() == null) {
      flags.add(flag(FlagCode.NO_FOLLOW_UP_CADENCE, pilotOver(in.i()) + " and no follow-up cadence is agreed",
          Columns.PILOT_END, in.end() == null ? null : date(in.end()), "status", in.end() == null ? in.i().status() : null));
    }
  }

  private static void followUpOverdue(FlagInputs in, List<Flag> flags) {
    if (in.postPilot() && in.i().followUpEveryDays() != null && in.followUpsDelivered()) {
      double limit = in.thresholds().followUpOverdueFactor() * in.i().followUpEveryDays();
      if (in.lastFollowUp() == null) {
        flags.add(flag(FlagCode.FOLLOW_UP_OVERDUE, "no follow-up held yet; agreed every " + in.i().followUpEveryDays()
                + " days", "cadence_days", String.valueOf(in.i().followUpEveryDays()), "limit_days", num(limit)));
      } else if (in.daysSince() > limit) {
        flags.add(flag(FlagCode.FOLLOW_UP_OVERDUE, "last follow-up on " + date(in.lastFollowUp()) + ", " + in.daysSince()
                + " days ago; agreed every " + in.i().followUpEveryDays() + " days (overdue after " + num(limit) + ")",
            "cadence_days", String.valueOf(in.i().followUpEveryDays()), "limit_days", num(limit),
            Columns.LAST_FOLLOW_UP, date(in.lastFollowUp()), "days_since", String.valueOf(in.daysSince())));
      }
    }
  }

  private static void noPracticeTime(FlagInputs in, List<Flag> flags) {
    if (in.allocation() == null || in.allocation() == 0) {
      flags.add(flag(FlagCode.NO_PRACTICE_TIME, "no practice time allocated"));
    }
  }

  private static void practiceTimeUnused(FlagInputs in, List<Flag> flags) {
    double minRatio = in.thresholds().practiceTimeUnusedMinRatio();
    if (in.allocation() != null && in.allocation() > 0 && in.d() >= in.i().pilotStart() + in.thresholds().practiceTimeUnusedAfterDays()
        && !in.suppressed() && in.practiceRatio() != null && in.practiceRatio() < minRatio) {
      flags.add(flag(FlagCode.PRACTICE_TIME_UNUSED,
          plain(SameSide.round(in.practicePerPersonWeek(), minRatio * in.allocation(), 1)) + " h of practice per person and"
              + " week in the last 4 weeks, of " + hours(in.allocation()) + " h allocated ("
              + pct(in.practiceRatio(), minRatio) + ")",
          "hours_per_person_week", exact(in.practicePerPersonWeek()), "allocated_hours", exact(in.allocation()),
          "ratio", exact(in.practiceRatio()), "threshold", exact(minRatio)));
    }
  }

  private static void noTrainingPlan(FlagInputs in, List<Flag> flags) {
    if (in.i().courseIds().isEmpty()) {
      flags.add(flag(FlagCode.NO_TRAINING_PLAN, "no course is linked to it"));
    }
  }

  private static void lowTrainingCoverage(FlagInputs in, List<Flag> flags) {
    double minCoverage = in.thresholds().lowTrainingCoverageMin();
    if (in.postPilot() && !in.i().courseIds().isEmpty() && !in.suppressed() && in.coverage() != null && in.coverage() < minCoverage) {
      flags.add(flag(FlagCode.LOW_TRAINING_COVERAGE, in.a().trained() + " of " + in.pop() + " target employees trained ("
              + pct(in.coverage(), minCoverage) + ")", "trained", String.valueOf(in.a().trained()),
          Columns.TARGET_POPULATION, String.valueOf(in.pop()), "coverage", exact(in.coverage()), "threshold", exact(minCoverage)));
    }
  }

  private static void trainedNotUsing(FlagInputs in, List<Flag> flags) {
    double maxTnu = in.thresholds().trainedNotUsingMaxRate();
    if (in.usageJudged() && !in.suppressed() && in.a().trainedNotUsingBase() >= in.minGroupSize() && in.tnuRate() != null
        && in.tnuRate() > maxTnu) {
      flags.add(flag(FlagCode.TRAINED_NOT_USING, in.a().trainedNotUsing() + " of " + in.a().trainedNotUsingBase()
              + " people trained 28 days ago or more have not used it in 28 days (" + pct(in.tnuRate(), maxTnu) + ")",
          Columns.TRAINED_NOT_USING, String.valueOf(in.a().trainedNotUsing()),
          Columns.TRAINED_NOT_USING_BASE, String.valueOf(in.a().trainedNotUsingBase()), "rate", exact(in.tnuRate()),
          "threshold", exact(maxTnu)));
    }
  }

  private static void noLearningFollowUp(FlagInputs in, List<Flag> flags) {
    if (in.postPilot() && in.learningDelivered() && in.a().learningSessions90d() == 0) {
      flags.add(flag(FlagCode.NO_LEARNING_FOLLOW_UP, "no workshop, peer learning or coaching in the last 90 days"
          + (in.end() == null ? "; " + pilotOver(in.i()) : " since the pilot ended on " + date(in.end())),
          Columns.PILOT_END, in.end() == null ? null : date(in.end()), "status", in.end() == null ? in.i().status() : null));
    }
  }

  private static void noUsageSignal(FlagInputs in, List<Flag> flags) {
    if (!in.usageMeasured()) {
      flags.add(flag(FlagCode.NO_USAGE_SIGNAL, "no usage signal is defined, so everyday use cannot be measured"));
    }
  }

  private static void lowAdoption(FlagInputs in, List<Flag> flags) {
    double minSustained = in.thresholds().lowAdoptionMinSustainedRate();
    if (in.usageJudged() && in.end() != null && in.end() <= in.d() - in.thresholds().lowAdoptionAfterDays() && !in.suppressed()
        && in.sustainedRate() != null && in.sustainedRate() < minSustained) {
      flags.add(flag(FlagCode.LOW_ADOPTION, in.a().sustainedUsers() + " of " + in.pop()
              + " target employees used it in at least 3 of the last 4 weeks (" + pct(in.sustainedRate(), minSustained)
              + ")", Columns.SUSTAINED_USERS, String.valueOf(in.a().sustainedUsers()), Columns.TARGET_POPULATION, String.valueOf(in.pop()),
          Columns.SUSTAINED_RATE, exact(in.sustainedRate()), "threshold", exact(minSustained)));
    }
  }

  private static void adoptionDecay(FlagInputs in, List<Flag> flags) {
    double minRetention = in.thresholds().adoptionDecayMinRetention();
    if (in.usageJudged() && !in.suppressed() && in.retention() != null && in.retention() < minRetention) {
      flags.add(flag(FlagCode.ADOPTION_DECAY, in.a().currentWau() + " weekly users now against " + in.a().pilotPeakWau()
              + " at the pilot's peak (" + pct(in.retention(), minRetention) + ")",
          Columns.CURRENT_WAU, String.valueOf(in.a().currentWau()), Columns.PILOT_PEAK_WAU, String.valueOf(in.a().pilotPeakWau()),
          "retention", exact(in.retention()), "threshold", exact(minRetention)));
    }
  }

  private static void noEffectMeasure(FlagInputs in, List<Flag> flags) {
    if (in.postPilot() && in.i().kpi() == null) {
      flags.add(flag(FlagCode.NO_EFFECT_MEASURE, "no KPI is named to show its effect"));
    }
  }

  private static void noEffect(FlagInputs in, List<Flag> flags) {
    double minImproved = in.thresholds().noEffectMinImprovedShare();
    if (in.outcomesDelivered() && in.i().kpi() != null && in.end() != null && in.end() <= in.d() - in.thresholds().noEffectAfterDays()) {
      if (in.baselineMedian() == null) {
        flags.add(flag(FlagCode.NO_EFFECT, "no observation of " + in.i().kpi() + " in the 90 days before the pilot",
            "kpi", in.i().kpi(), "reason", "no_baseline"));
      } else if (in.a().kpiCurrentObservations() == 0) {
        flags.add(flag(FlagCode.NO_EFFECT, "no observation of " + in.i().kpi() + " in the last 28 days",
            "kpi", in.i().kpi(), "reason", "no_current", "baseline_median", exact(in.baselineMedian())));
      } else if (in.improvedShare() < minImproved) {
        flags.add(flag(FlagCode.NO_EFFECT, pct(in.improvedShare(), minImproved) + " of the last 28 days' observations of "
                + in.i().kpi() + " are better than the pre-pilot median " + num(in.baselineMedian()),
            "kpi", in.i().kpi(), "reason", "not_improved", "improved_share", exact(in.improvedShare()),
            "baseline_median", exact(in.baselineMedian()), "current_median", exact(in.currentMedian()),
            "threshold", exact(minImproved)));
      }
    }
  }

  private static void noPilotEnd(FlagInputs in, List<Flag> flags) {
    if (in.end() == null && (in.i().status().equals("scaling") || in.i().status().equals("operational"))) {
      flags.add(flag(FlagCode.NO_PILOT_END, "the register says the initiative is " + in.i().status()
          + " but names no pilot end date", "status", in.i().status()));
    }
  }

  private static void usageDataMissing(FlagInputs in, List<Flag> flags) {
    if (in.usageMeasured() && in.allSilent()) {
      flags.add(silentSources(in.signalSources(), in.sources(), in.d()));
    }

  }
}
