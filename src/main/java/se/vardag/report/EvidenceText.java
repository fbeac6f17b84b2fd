package se.vardag.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Columns;
import se.vardag.report.ReportData.FlagRow;

/**
 * A flag's evidence in the report's language, from its code and {@code evidence_args} (never from the
 * English {@code evidence} text, which is only the fallback for a code this version does not know).
 * Numbers are formatted by the locale, fractions as percentages, dates in the long form. A figure the flag
 * compared with a threshold is quoted on the same side of it as the exact value (SPEC section 4): the
 * threshold is the flag's {@code threshold} argument, or, for a flag published without one, the
 * configured threshold.
 */
final class EvidenceText {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceText.class);

  private final Messages m;
  private final FlagThresholds thresholds;

  EvidenceText(Messages m, FlagThresholds thresholds) {
    this.m = m;
    this.thresholds = java.util.Objects.requireNonNull(thresholds, "thresholds is null");
  }

  EvidenceText(Messages m) {
    this(m, FlagThresholds.specDefaults());
  }

  /** The flag's short name ("Owner has left"), or its code when unknown. */
  String title(String code) {
    String key = "flag." + code + ".title";
    return m.has(key) ? m.raw(key) : code;
  }

  String text(FlagRow flag) {
    return text(flag, null);
  }

  /**
   * The evidence, naming the owner as {@code ownerLabel} ("Anna Svensson (E1019)") where the flag names
   * the owner by id alone; {@code ownerLabel} null names them by id.
   */
  String text(FlagRow flag, String ownerLabel) {
    try {
      String s = format(flag.code(), flag.evidenceArgs(), ownerLabel);
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

  private String format(String code, Map<String, String> a, String ownerLabel) {
    String k = "flag." + code;
    switch (code) {
      case "NO_OWNER":
        return a.containsKey(Columns.PILOT_END) ? m.get(k + ".pilot_end", date(a, Columns.PILOT_END)) : m.get(k);
      case "OWNER_LEFT": {
        String status = a.getOrDefault("owner_status", "");
        if (status.equals("left") && a.containsKey("date")) {
          return m.get(k + ".left", owner(a, ownerLabel), date(a, "date"));
        }
        if (status.equals("not_yet_hired") && a.containsKey("date")) {
          return m.get(k + ".not_yet_hired", owner(a, ownerLabel), date(a, "date"));
        }
        return m.get(k + ".not_in_roster", owner(a, ownerLabel));
      }
      case "NO_MANDATE":
        return m.get(k + ("false".equals(a.get("mandate")) ? ".false" : ".unknown"), owner(a, ownerLabel));
      case "NO_GOAL":
        return "not_found".equals(a.get("goal_status")) && a.containsKey(Columns.GOAL_ID)
            ? m.get(k + ".not_found", a.get(Columns.GOAL_ID)) : m.get(k + ".none");
      case "NO_FOLLOW_UP_CADENCE":
        return a.containsKey(Columns.PILOT_END) ? m.get(k, date(a, Columns.PILOT_END)) : null;
      case "FOLLOW_UP_OVERDUE":
        if (a.containsKey(Columns.LAST_FOLLOW_UP)) {
          // The limit is the threshold itself; quoted so that it reads below the days since (22,5 < 23).
          String limit = req(a, "limit_days");
          String since = req(a, "days_since");
          String limitText;
          try {
            limitText = m.decimal(Double.parseDouble(limit.trim()), Double.parseDouble(since.trim()), 1);
          } catch (NumberFormatException e) {
            limitText = limit;
          }
          return m.get(k + ".late", date(a, Columns.LAST_FOLLOW_UP), count(a, "days_since"), count(a, "cadence_days"),
              limitText);
        }
        return m.get(k + ".never", count(a, "cadence_days"));
      case "NO_PILOT_END": {
        String status = a.getOrDefault("status", "");
        String key = "status." + status;
        return m.get(k, m.has(key) ? m.raw(key).toLowerCase(m.locale()) : status);
      }
      case "USAGE_DATA_MISSING":
        return usageDataMissing(k, req(a, "sources"));
      case "NO_PRACTICE_TIME":
      case "NO_TRAINING_PLAN":
      case "NO_USAGE_SIGNAL":
      case "NO_EFFECT_MEASURE":
        return m.get(k);
      case "PRACTICE_TIME_UNUSED":
        return m.get(k, dec(a, "hours_per_person_week"), dec(a, "allocated_hours"),
            pct(a, "ratio", thresholds.practiceTimeUnusedMinRatio()));
      case "LOW_TRAINING_COVERAGE":
        return m.get(k, count(a, "trained"), count(a, Columns.TARGET_POPULATION), pct(a, "coverage", thresholds.lowTrainingCoverageMin()));
      case "TRAINED_NOT_USING":
        return m.get(k, count(a, Columns.TRAINED_NOT_USING), count(a, Columns.TRAINED_NOT_USING_BASE), pct(a, "rate", thresholds.trainedNotUsingMaxRate()));
      case "NO_LEARNING_FOLLOW_UP":
        return a.containsKey(Columns.PILOT_END) ? m.get(k, date(a, Columns.PILOT_END)) : m.get(k + ".plain");
      case "LOW_ADOPTION":
        return m.get(k, count(a, Columns.SUSTAINED_USERS), count(a, Columns.TARGET_POPULATION), pct(a, Columns.SUSTAINED_RATE, thresholds.lowAdoptionMinSustainedRate()));
      case "ADOPTION_DECAY":
        return m.get(k, count(a, Columns.CURRENT_WAU), count(a, Columns.PILOT_PEAK_WAU), pct(a, "retention", thresholds.adoptionDecayMinRetention()));
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
          return m.get(k + ".not_improved", kpi, pct(a, "improved_share", thresholds.noEffectMinImprovedShare()), kpiValue(a, "baseline_median"),
              kpiValue(a, "current_median"));
        }
        if (a.containsKey("improved_share")) {
          return m.get(k + ".not_improved_share", kpi, pct(a, "improved_share", thresholds.noEffectMinImprovedShare()));
        }
        return m.get(k + ".plain", kpi);
      }
      default:
        return null;
    }
  }

  /**
   * "Källorna servicenow (senaste händelse 20 november 2026) och jira (ingen händelse någonsin)": each
   * source of {@code servicenow=2026-11-20;jira=} with its last event date, or none.
   */
  private String usageDataMissing(String k, String sources) {
    List<String> parts = new ArrayList<>();
    for (String item : sources.split(";", -1)) {
      if (item.isBlank()) {
        continue;
      }
      int eq = item.lastIndexOf('=');
      String source = (eq < 0 ? item : item.substring(0, eq)).trim();
      String last = eq < 0 ? "" : item.substring(eq + 1).trim();
      if (last.isEmpty()) {
        parts.add(m.get("flag.USAGE_DATA_MISSING.source.never", source));
      } else {
        String when;
        try {
          when = m.date(LocalDate.parse(last));
        } catch (DateTimeParseException e) {
          when = last;
        }
        parts.add(m.get("flag.USAGE_DATA_MISSING.source", source, when));
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no source in sources");
    }
    return m.get(k, (long) parts.size(), m.list(parts));
  }

  private static String owner(Map<String, String> a, String ownerLabel) {
    String id = req(a, Columns.OWNER_ID);
    return ownerLabel == null ? id : ownerLabel;
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

  /** A share compared with a threshold: the flag's own {@code threshold} argument, else {@code configured}. */
  private String pct(Map<String, String> a, String key, double configured) {
    String v = req(a, key);
    double threshold = configured;
    String t = a.get("threshold");
    if (t != null) {
      try {
        threshold = Double.parseDouble(t.trim());
      } catch (NumberFormatException e) {
        threshold = configured;
      }
    }
    try {
      return m.percent(Double.parseDouble(v.trim()), threshold);
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
