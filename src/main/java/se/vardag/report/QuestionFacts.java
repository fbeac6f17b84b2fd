package se.vardag.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.vardag.Text;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Columns;
import se.vardag.report.ReportModel.Fact;

/** The facts under the report's three questions for one initiative: ownership, competence and time, use and effect. */
final class QuestionFacts {
  private final Messages m;
  private final Labels labels;
  private final FlagThresholds thresholds;
  private final int minGroupSize;

  QuestionFacts(Messages m, Labels labels, FlagThresholds thresholds, int minGroupSize) {
    this.m = m;
    this.labels = labels;
    this.thresholds = thresholds;
    this.minGroupSize = minGroupSize;
  }

  String cannotAnswer(String file) {
    return m.get("value.cannot_answer", file);
  }

  List<Fact> ownershipFacts(InitiativeRow i, ReportData data) {
    List<Fact> facts = new ArrayList<>();
    if (!i.isTrue(Columns.OWNER_PRESENT)) {
      facts.add(new Fact(m.raw("fact.owner"), m.raw("value.no_owner"), true));
    } else {
      boolean active = i.isTrue(Columns.OWNER_ACTIVE);
      facts.add(new Fact(m.raw("fact.owner"), m.get(active ? "value.owner.active" : "value.owner.inactive",
          labels.ownerLabel(i)), !active));
      Boolean mandate = i.bool(Columns.OWNER_HAS_MANDATE);
      facts.add(new Fact(m.raw("fact.mandate"), m.raw(mandate == null ? "value.mandate.unknown"
          : mandate ? "value.mandate.yes" : "value.mandate.no"), !Boolean.TRUE.equals(mandate)));
    }
    String goalId = i.str(Columns.GOAL_ID);
    if (i.isTrue(Columns.GOAL_LINKED)) {
      String title = i.str(Columns.GOAL_TITLE);
      facts.add(new Fact(m.raw("fact.goal"), title == null ? goalId : m.get("value.goal", title, goalId), false));
    } else if (goalId == null) {
      facts.add(new Fact(m.raw("fact.goal"), m.raw("value.goal.none"), true));
    } else if (data.quality().missing("goals.csv")) {
      facts.add(new Fact(m.raw("fact.goal"), cannotAnswer("goals.csv"), false));
    } else {
      facts.add(new Fact(m.raw("fact.goal"), m.get("value.goal.not_found", goalId), true));
    }

    if (data.quality().missing("follow_ups.csv")) {
      facts.add(new Fact(m.raw("fact.follow_up"), cannotAnswer("follow_ups.csv"), false));
      return facts;
    }
    Integer cadence = (Integer) i.get(Columns.FOLLOW_UP_EVERY_DAYS);
    boolean post = i.isTrue(Columns.POST_PILOT);
    facts.add(new Fact(m.raw("fact.cadence"), cadence == null ? m.raw("value.cadence.none")
        : m.get("value.cadence", (long) cadence), cadence == null && post));
    LocalDate last = i.date(Columns.LAST_FOLLOW_UP);
    Integer maturity = (Integer) i.get(Columns.LAST_MATURITY);
    if (last == null) {
      facts.add(new Fact(m.raw("fact.last_follow_up"), m.raw("value.follow_up.never"), post));
    } else {
      Integer since = (Integer) i.get(Columns.DAYS_SINCE_FOLLOW_UP);
      String v = m.get("value.follow_up.last", m.date(last), since == null ? 0L : (long) since);
      if (maturity != null) {
        v += m.get("value.follow_up.maturity", (long) maturity);
      }
      boolean overdue = cadence != null && since != null && since > thresholds.followUpOverdueFactor() * cadence;
      facts.add(new Fact(m.raw("fact.last_follow_up"), v, post && overdue));
    }
    long n90 = i.lng(Columns.FOLLOW_UPS_90D) == null ? 0 : i.lng(Columns.FOLLOW_UPS_90D);
    Double adherence = i.dbl(Columns.FOLLOW_UP_ADHERENCE);
    facts.add(new Fact(m.raw("fact.follow_ups_90d"), adherence == null ? m.get("value.follow_ups_90d", n90)
        : m.get("value.follow_ups_90d.adherence", n90, m.percent(adherence)), false));
    return facts;
  }

  List<Fact> competenceFacts(InitiativeRow i, ReportData data) {
    List<Fact> facts = new ArrayList<>();
    boolean post = i.isTrue(Columns.POST_PILOT);
    String tooSmall = m.get("value.too_small", (long) minGroupSize);
    if (i.str(Columns.COURSE_IDS) == null) {
      facts.add(new Fact(m.raw("fact.trained"), m.raw("value.no_training_plan"), true));
    } else if (i.suppressed()) {
      facts.add(new Fact(m.raw("fact.trained"), tooSmall, false));
    } else {
      Double cov = i.dbl(Columns.TRAINING_COVERAGE);
      facts.add(new Fact(m.raw("fact.trained"), m.get("value.of", m.count(i.lng("trained")),
          m.count(i.lng(Columns.TARGET_POPULATION)),
          cov == null ? m.raw("value.none") : m.percent(cov, thresholds.lowTrainingCoverageMin())),
          post && cov != null && cov < thresholds.lowTrainingCoverageMin()));
      Long base = i.lng(Columns.TRAINED_NOT_USING_BASE);
      if (i.str(Columns.USAGE_SIGNALS) == null) {
        // Without a usage signal nobody can be seen using it: not "nobody trained 28 days ago".
        facts.add(new Fact(m.raw("fact.trained_not_using"), m.raw("value.no_usage_signal_long"), false));
      } else if (base == null || base == 0) {
        facts.add(new Fact(m.raw("fact.trained_not_using"), m.raw("value.trained_not_using.none"), false));
      } else {
        Double rate = i.dbl(Columns.TRAINED_NOT_USING_RATE);
        facts.add(new Fact(m.raw("fact.trained_not_using"), m.get("value.trained_not_using",
            m.count(i.lng(Columns.TRAINED_NOT_USING)), m.count(base),
            rate == null ? m.raw("value.none") : m.percent(rate, thresholds.trainedNotUsingMaxRate())),
            rate != null && rate > thresholds.trainedNotUsingMaxRate()));
      }
      Double days = i.dbl(Columns.MEDIAN_DAYS_TO_FIRST_USE);
      if (days != null) {
        facts.add(new Fact(m.raw("fact.days_to_first_use"), m.get("value.days", m.decimal(days, 1)), false));
      }
    }

    Double alloc = i.dbl(Columns.PRACTICE_HOURS_PER_WEEK);
    if (data.quality().missing("learning_activities.csv")) {
      // The allocation is the register's; what was practised and learnt cannot be answered, said once.
      facts.add(new Fact(m.raw("fact.practice"), alloc == null || alloc <= 0 ? m.raw("value.practice.none")
          : m.get("value.practice.allocated", m.decimal(alloc, 1)), alloc == null || alloc <= 0));
      facts.add(new Fact(m.raw("fact.practice_and_learning"), cannotAnswer("learning_activities.csv"), false));
      return facts;
    }
    Double used = i.dbl(Columns.PRACTICE_HOURS_PER_PERSON_WEEK);
    if (alloc == null || alloc <= 0) {
      facts.add(new Fact(m.raw("fact.practice"), used == null || used == 0 ? m.raw("value.practice.none")
          : m.get("value.practice.none_used", m.decimal(used, 1)), true));
    } else if (i.suppressed() || used == null) {
      facts.add(new Fact(m.raw("fact.practice"), m.get("value.practice.allocated", m.decimal(alloc, 1))
          + (i.suppressed() ? " " + m.get("value.practice.too_small", (long) minGroupSize) : ""), false));
    } else {
      Double ratio = i.dbl(Columns.PRACTICE_TIME_RATIO);
      facts.add(new Fact(m.raw("fact.practice"), m.get("value.practice", m.decimal(used, 1), m.decimal(alloc, 1),
          ratio == null ? m.raw("value.none") : m.percent(ratio, thresholds.practiceTimeUnusedMinRatio())),
          ratio != null && ratio < thresholds.practiceTimeUnusedMinRatio()));
    }
    Long sessions = i.lng(Columns.LEARNING_SESSIONS_90D);
    facts.add(new Fact(m.raw("fact.learning_sessions"), sessions == null ? m.raw("value.none")
        : m.get("value.learning_sessions", sessions), post && sessions != null && sessions == 0));
    return facts;
  }

  List<Fact> usageFacts(InitiativeRow i, ReportData data) {
    List<Fact> facts = new ArrayList<>();
    if (i.str(Columns.USAGE_SIGNALS) == null) {
      facts.add(new Fact(m.raw("fact.everyday_use"), m.raw("value.no_usage_signal_long"), true));
    } else if (i.suppressed()) {
      facts.add(new Fact(m.raw("fact.everyday_use"), m.get("value.too_small", (long) minGroupSize), false));
    } else {
      Double sr = i.dbl(Columns.SUSTAINED_RATE);
      facts.add(new Fact(m.raw("fact.everyday_use"), m.get("value.of", m.count(i.lng(Columns.SUSTAINED_USERS)),
          m.count(i.lng(Columns.TARGET_POPULATION)),
          sr == null ? m.raw("value.none") : m.percent(sr, thresholds.lowAdoptionMinSustainedRate())),
          sr != null && sr < thresholds.lowAdoptionMinSustainedRate()));
      Double ar = i.dbl(Columns.ADOPTION_RATE);
      facts.add(new Fact(m.raw("fact.active_28d"), m.get("value.count_share", m.count(i.lng(Columns.ACTIVE_USERS)),
          ar == null ? m.raw("value.none") : m.percent(ar)), false));
      Long cur = i.lng(Columns.CURRENT_WAU);
      Long peak = i.lng(Columns.PILOT_PEAK_WAU);
      Double ret = i.dbl(Columns.POST_PILOT_RETENTION);
      String trend;
      if (peak == null) {
        trend = m.get("value.trend.no_peak", m.count(cur));
      } else if (ret == null) {
        trend = m.get("value.trend", m.count(cur), m.count(peak));
      } else {
        trend = m.get("value.trend.retention", m.count(cur), m.count(peak),
            m.percent(ret, thresholds.adoptionDecayMinRetention()));
      }
      facts.add(new Fact(m.raw("fact.trend"), trend, ret != null && ret < thresholds.adoptionDecayMinRetention()));
      Long outside = i.lng(Columns.OUTSIDE_TARGET_USERS);
      if (outside != null && outside > 0) {
        facts.add(new Fact(m.raw("fact.outside"), m.count(outside), false));
      }
    }

    String kpi = i.str("kpi");
    boolean post = i.isTrue(Columns.POST_PILOT);
    if (kpi == null) {
      facts.add(new Fact(m.raw("fact.effect"), m.raw("value.kpi.none"), post));
    } else if (data.quality().missing("outcomes.csv")) {
      facts.add(new Fact(m.raw("fact.effect"), cannotAnswer("outcomes.csv"), false));
    } else {
      String k = Text.oneLine(kpi);
      String direction = m.raw("higher_is_better".equals(i.str(Columns.KPI_DIRECTION))
          ? "value.kpi.higher_is_better" : "value.kpi.lower_is_better");
      Double base = i.dbl(Columns.KPI_BASELINE_MEDIAN);
      Double cur = i.dbl(Columns.KPI_CURRENT_MEDIAN);
      Double change = i.dbl(Columns.KPI_CHANGE);
      Double share = i.dbl(Columns.KPI_IMPROVED_SHARE);
      String v;
      boolean attention = false;
      if (base == null) {
        v = m.get("value.kpi.no_baseline", k);
        attention = true;
      } else if (cur == null) {
        v = m.get("value.kpi.no_current", k, m.decimal(base, 2));
        attention = true;
      } else {
        v = m.get("value.kpi", k, m.decimal(base, 2), m.decimal(cur, 2),
            change == null ? m.raw("value.none") : m.signedPercent(change), direction);
        if (share != null) {
          v += m.get("value.kpi.improved_share", m.percent(share, thresholds.noEffectMinImprovedShare()),
              i.lng(Columns.KPI_CURRENT_OBSERVATIONS));
          attention = share < thresholds.noEffectMinImprovedShare();
        }
      }
      facts.add(new Fact(m.raw("fact.effect"), v, attention));
    }
    return facts;
  }
}
