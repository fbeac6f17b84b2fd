package se.vardag.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.report.ReportData.FlagRow;

/**
 * A flag's evidence in the report's language, from its code and {@code evidence_args} (never from the
 * English {@code evidence} text, which is only the fallback for a code this version does not know).
 * Numbers are formatted by the locale, fractions as percentages, dates in the long form.
 */
final class EvidenceText {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceText.class);

  private final Messages m;

  EvidenceText(Messages m) {
    this.m = m;
  }

  /** The flag's short name ("Owner has left"), or its code when unknown. */
  String title(String code) {
    String key = "flag." + code + ".title";
    return m.has(key) ? m.raw(key) : code;
  }

  String text(FlagRow flag) {
    try {
      String s = format(flag.code(), flag.evidenceArgs());
      if (s != null) {
        return s;
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot word the evidence of flag {} of initiative {} from its arguments ({}); using its title",
          flag.code(), flag.initiativeId(), e.getClass().getSimpleName());
    }
    String key = "flag." + flag.code() + ".title";
    if (m.has(key)) {
      return m.raw(key) + ".";
    }
    return flag.evidence();
  }

  private String format(String code, Map<String, String> a) {
    String k = "flag." + code;
    switch (code) {
      case "NO_OWNER":
        return a.containsKey("pilot_end") ? m.get(k + ".pilot_end", date(a, "pilot_end")) : m.get(k);
      case "OWNER_LEFT": {
        String status = a.getOrDefault("owner_status", "");
        if (status.equals("left") && a.containsKey("date")) {
          return m.get(k + ".left", req(a, "owner_id"), date(a, "date"));
        }
        if (status.equals("not_yet_hired") && a.containsKey("date")) {
          return m.get(k + ".not_yet_hired", req(a, "owner_id"), date(a, "date"));
        }
        return m.get(k + ".not_in_roster", req(a, "owner_id"));
      }
      case "NO_MANDATE":
        return m.get(k + ("false".equals(a.get("mandate")) ? ".false" : ".unknown"), req(a, "owner_id"));
      case "NO_GOAL":
        return "not_found".equals(a.get("goal_status")) && a.containsKey("goal_id")
            ? m.get(k + ".not_found", a.get("goal_id")) : m.get(k + ".none");
      case "NO_FOLLOW_UP_CADENCE":
        return a.containsKey("pilot_end") ? m.get(k, date(a, "pilot_end")) : null;
      case "FOLLOW_UP_OVERDUE":
        if (a.containsKey("last_follow_up")) {
          return m.get(k + ".late", date(a, "last_follow_up"), count(a, "days_since"), count(a, "cadence_days"),
              count(a, "limit_days"));
        }
        return m.get(k + ".never", count(a, "cadence_days"));
      case "NO_PRACTICE_TIME":
      case "NO_TRAINING_PLAN":
      case "NO_USAGE_SIGNAL":
      case "NO_EFFECT_MEASURE":
        return m.get(k);
      case "PRACTICE_TIME_UNUSED":
        return m.get(k, dec(a, "hours_per_person_week"), dec(a, "allocated_hours"), pct(a, "ratio"));
      case "LOW_TRAINING_COVERAGE":
        return m.get(k, count(a, "trained"), count(a, "target_population"), pct(a, "coverage"));
      case "TRAINED_NOT_USING":
        return m.get(k, count(a, "trained_not_using"), count(a, "trained_not_using_base"), pct(a, "rate"));
      case "NO_LEARNING_FOLLOW_UP":
        return a.containsKey("pilot_end") ? m.get(k, date(a, "pilot_end")) : m.get(k + ".plain");
      case "LOW_ADOPTION":
        return m.get(k, count(a, "sustained_users"), count(a, "target_population"), pct(a, "sustained_rate"));
      case "ADOPTION_DECAY":
        return m.get(k, count(a, "current_wau"), count(a, "pilot_peak_wau"), pct(a, "retention"));
      case "NO_EFFECT": {
        String kpi = req(a, "kpi");
        String reason = a.getOrDefault("reason", "");
        if (reason.equals("no_baseline")) {
          return m.get(k + ".no_baseline", kpi);
        }
        if (reason.equals("no_current")) {
          return m.get(k + ".no_current", kpi);
        }
        if (a.containsKey("improved_share") && a.containsKey("baseline_median") && a.containsKey("current_median")) {
          return m.get(k + ".not_improved", kpi, pct(a, "improved_share"), kpiValue(a, "baseline_median"),
              kpiValue(a, "current_median"));
        }
        if (a.containsKey("improved_share")) {
          return m.get(k + ".not_improved_share", kpi, pct(a, "improved_share"));
        }
        return m.get(k + ".plain", kpi);
      }
      default:
        return null;
    }
  }

  private static String req(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v;
  }

  private String date(Map<String, String> a, String key) {
    String v = req(a, key);
    try {
      return m.date(LocalDate.parse(v));
    } catch (DateTimeParseException e) {
      return v;
    }
  }

  private String count(Map<String, String> a, String key) {
    String v = req(a, key);
    try {
      return m.count(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private String dec(Map<String, String> a, String key) {
    String v = req(a, key);
    try {
      return m.decimal(Double.parseDouble(v.trim()), 1);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private String kpiValue(Map<String, String> a, String key) {
    String v = req(a, key);
    try {
      return m.decimal(Double.parseDouble(v.trim()), 2);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private String pct(Map<String, String> a, String key) {
    String v = req(a, key);
    try {
      return m.percent(Double.parseDouble(v.trim()));
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
