package se.vardag.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A plain, slow re-derivation of SPEC sections 3 and 4 (metrics, flags, verdict at D) over an
 * input folder, written from the spec alone and used only to check that the sample
 * organisation's stories produce the verdicts data-samples/README.md promises. Default
 * thresholds, min_group_size 5. It is not the pipeline and does not try to be fast.
 */
final class SpecOracle {
  static final int MIN_GROUP_SIZE = 5;
  static final List<String> FLAG_ORDER = List.of("NO_OWNER", "OWNER_LEFT", "NO_MANDATE", "NO_GOAL",
      "NO_FOLLOW_UP_CADENCE", "FOLLOW_UP_OVERDUE", "NO_PRACTICE_TIME", "PRACTICE_TIME_UNUSED", "NO_TRAINING_PLAN",
      "LOW_TRAINING_COVERAGE", "TRAINED_NOT_USING", "NO_LEARNING_FOLLOW_UP", "NO_USAGE_SIGNAL", "LOW_ADOPTION",
      "ADOPTION_DECAY", "NO_EFFECT_MEASURE", "NO_EFFECT");
  static final Set<String> HIGH = Set.of("NO_OWNER", "OWNER_LEFT", "FOLLOW_UP_OVERDUE", "TRAINED_NOT_USING",
      "LOW_ADOPTION", "ADOPTION_DECAY");

  record Outcome(String initiativeId, String verdict, List<String> flags, boolean suppressed,
      Map<String, Object> metrics) {}

  private record Employee(String unit, LocalDate hired, LocalDate left) {
    boolean employedOn(LocalDate d) {
      return !hired.isAfter(d) && (left == null || left.isAfter(d));
    }
  }

  private record Signal(String source, String action) {
    boolean matches(String s, String a) {
      return source.equals(s) && (action.equals("*") || action.equals(a));
    }
  }

  private SpecOracle() {}

  static Map<String, Outcome> evaluate(Path dir, LocalDate d, ZoneId zone) throws IOException {
    ContractReader reader = new ContractReader(zone);
    Map<String, Employee> employees = new HashMap<>();
    for (ContractReader.Row r : reader.read(dir.resolve("employees.csv"), "employees.csv", "employees.csv")) {
      employees.put(r.get("employee_id"), new Employee(r.get("org_unit"), ContractReader.date(r.get("hired_on")),
          r.get("left_on").isEmpty() ? null : ContractReader.date(r.get("left_on"))));
    }
    Set<String> goals = new HashSet<>();
    reader.read(dir.resolve("goals.csv"), "goals.csv", "goals.csv").forEach(r -> goals.add(r.get("goal_id")));
    List<ContractReader.Row> initiatives = reader.read(dir.resolve("initiatives.csv"), "initiatives.csv",
        "initiatives.csv");
    List<ContractReader.Row> trainings = reader.read(dir.resolve("trainings.csv"), "trainings.csv", "trainings.csv");
    List<ContractReader.Row> learning = reader.read(dir.resolve("learning_activities.csv"),
        "learning_activities.csv", "learning_activities.csv");
    List<ContractReader.Row> followUps = reader.read(dir.resolve("follow_ups.csv"), "follow_ups.csv",
        "follow_ups.csv");
    List<ContractReader.Row> outcomes = reader.read(dir.resolve("outcomes.csv"), "outcomes.csv", "outcomes.csv");

    Map<String, List<Signal>> signals = new LinkedHashMap<>();
    for (ContractReader.Row ini : initiatives) {
      List<Signal> list = new ArrayList<>();
      for (String p : list(ini.get("usage_signals"))) {
        int colon = p.indexOf(':');
        list.add(new Signal(norm(p.substring(0, colon)), norm(p.substring(colon + 1))));
      }
      signals.put(ini.get("initiative_id"), list);
    }
    // initiative -> employee -> dates of events that signal it
    Map<String, Map<String, TreeSet<LocalDate>>> used = new HashMap<>();
    signals.keySet().forEach(id -> used.put(id, new HashMap<>()));
    // source -> the initiatives with a pattern on that source
    Map<String, List<String>> bySource = new HashMap<>();
    signals.forEach((id, list) -> list.stream().map(Signal::source).distinct()
        .forEach(src -> bySource.computeIfAbsent(src, k -> new ArrayList<>()).add(id)));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("usage"))) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
    }
    for (Path f : files) {
      for (ContractReader.Row r : reader.read(f, "usage", "usage/" + f.getFileName())) {
        String source = norm(r.get("source"));
        if (!bySource.containsKey(source)) {
          continue;
        }
        String action = norm(r.get("action"));
        LocalDate date = reader.eventDate(r.get("event_time"));
        for (String id : bySource.getOrDefault(source, List.of())) {
          if (signals.get(id).stream().anyMatch(sig -> sig.matches(source, action))) {
            used.get(id).computeIfAbsent(r.get("employee_id"), k -> new TreeSet<>()).add(date);
          }
        }
      }
    }

    Map<String, Outcome> out = new LinkedHashMap<>();
    for (ContractReader.Row ini : initiatives) {
      out.put(ini.get("initiative_id"), evaluate(ini, d, employees, goals, trainings, learning, followUps, outcomes,
          used.get(ini.get("initiative_id"))));
    }
    return out;
  }

  private static Outcome evaluate(ContractReader.Row ini, LocalDate d, Map<String, Employee> employees,
      Set<String> goals, List<ContractReader.Row> trainings, List<ContractReader.Row> learning,
      List<ContractReader.Row> followUps, List<ContractReader.Row> outcomes, Map<String, TreeSet<LocalDate>> used) {
    String id = ini.get("initiative_id");
    List<String> prefixes = list(ini.get("target_org_units"));
    LocalDate pilotStart = ContractReader.date(ini.get("pilot_start"));
    LocalDate pilotEnd = ini.get("pilot_end").isEmpty() ? null : ContractReader.date(ini.get("pilot_end"));
    Set<String> courses = new HashSet<>(list(ini.get("course_ids")));
    Map<String, Object> m = new LinkedHashMap<>();

    Set<String> target = new TreeSet<>();
    employees.forEach((eid, e) -> {
      if (e.employedOn(d) && matches(e.unit(), prefixes)) {
        target.add(eid);
      }
    });
    int pop = target.size();
    m.put("target_population", pop);

    Map<String, LocalDate> trainedOn = new HashMap<>();
    for (ContractReader.Row t : trainings) {
      LocalDate c = ContractReader.date(t.get("completed_on"));
      if (target.contains(t.get("employee_id")) && courses.contains(t.get("course_id")) && !c.isAfter(d)) {
        trainedOn.merge(t.get("employee_id"), c, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    m.put("trained", trainedOn.size());
    m.put("training_coverage", rate(trainedOn.size(), pop));

    LocalDate w28 = d.minusDays(27);
    int active = 0;
    int sustained = 0;
    int currentWau = 0;
    for (String e : target) {
      TreeSet<LocalDate> dates = used.getOrDefault(e, new TreeSet<>());
      if (any(dates, w28, d)) {
        active++;
      }
      int buckets = 0;
      for (int b = 0; b < 4; b++) {
        if (any(dates, d.minusDays(7L * b + 6), d.minusDays(7L * b))) {
          buckets++;
        }
      }
      if (buckets >= 3) {
        sustained++;
      }
      if (any(dates, d.minusDays(6), d)) {
        currentWau++;
      }
    }
    m.put("active_users", active);
    m.put("adoption_rate", rate(active, pop));
    m.put("sustained_rate", rate(sustained, pop));
    int tnuDenominator = 0;
    int tnu = 0;
    for (Map.Entry<String, LocalDate> t : trainedOn.entrySet()) {
      if (!t.getValue().isAfter(d.minusDays(28))) {
        tnuDenominator++;
        if (!any(used.getOrDefault(t.getKey(), new TreeSet<>()), w28, d)) {
          tnu++;
        }
      }
    }
    Double tnuRate = rate(tnu, tnuDenominator);
    m.put("trained_not_using", tnu + "/" + tnuDenominator);
    m.put("current_wau", currentWau);

    Integer peak = null;
    LocalDate peakTo = pilotEnd == null || pilotEnd.isAfter(d) ? d : pilotEnd;
    if (pilotEnd != null && pilotEnd.toEpochDay() - pilotStart.toEpochDay() < 6) {
      if (!pilotEnd.isAfter(d)) {
        peak = activeIn(target, used, pilotStart, pilotEnd);
      }
    } else {
      for (LocalDate x = pilotStart.plusDays(6); !x.isAfter(peakTo); x = x.plusDays(1)) {
        int n = activeIn(target, used, x.minusDays(6), x);
        peak = peak == null ? n : Math.max(peak, n);
      }
    }
    m.put("pilot_peak_wau", peak);
    Double retention = pilotEnd != null && !pilotEnd.isAfter(d.minusDays(7)) && peak != null
        ? rate(currentWau, peak) : null;
    m.put("post_pilot_retention", retention);

    BigDecimal allocation = ContractReader.decimal(ini.get("practice_hours_per_week"));
    double hours = 0;
    Set<String> sessions = new HashSet<>();
    for (ContractReader.Row l : learning) {
      if (!l.get("initiative_id").equals(id)) {
        continue;
      }
      LocalDate held = ContractReader.date(l.get("held_on"));
      if (target.contains(l.get("employee_id")) && !held.isBefore(w28) && !held.isAfter(d)) {
        hours += l.get("hours").isEmpty() ? 0 : Double.parseDouble(l.get("hours"));
      }
      if (Set.of("workshop", "peer_learning", "coaching").contains(l.get("activity"))
          && !held.isBefore(d.minusDays(89)) && !held.isAfter(d)) {
        sessions.add(held + "/" + l.get("activity"));
      }
    }
    Double perPersonWeek = pop == 0 ? null : hours / pop / 4;
    Double practiceRatio = perPersonWeek == null || allocation == null || allocation.signum() == 0 ? null
        : perPersonWeek / allocation.doubleValue();
    m.put("practice_time_ratio", practiceRatio);
    m.put("learning_sessions_90d", sessions.size());

    LocalDate lastFollowUp = null;
    int followUps90 = 0;
    for (ContractReader.Row f : followUps) {
      LocalDate held = ContractReader.date(f.get("held_on"));
      if (!f.get("initiative_id").equals(id) || held.isAfter(d)) {
        continue;
      }
      if (lastFollowUp == null || held.isAfter(lastFollowUp)) {
        lastFollowUp = held;
      }
      if (!held.isBefore(d.minusDays(89))) {
        followUps90++;
      }
    }
    Long daysSince = lastFollowUp == null ? null : d.toEpochDay() - lastFollowUp.toEpochDay();
    m.put("days_since_follow_up", daysSince);
    m.put("follow_ups_90d", followUps90);

    String owner = ini.get("owner_id");
    boolean ownerPresent = !owner.isEmpty();
    boolean ownerActive = ownerPresent && employees.containsKey(owner) && employees.get(owner).employedOn(d);
    Boolean mandate = ContractReader.bool(ini.get("owner_has_mandate"));
    boolean goalLinked = !ini.get("goal_id").isEmpty() && goals.contains(ini.get("goal_id"));

    String kpi = ini.get("kpi");
    boolean higher = ini.get("kpi_direction").equals("higher_is_better");
    List<Double> baseline = new ArrayList<>();
    List<Double> current = new ArrayList<>();
    for (ContractReader.Row o : outcomes) {
      if (kpi.isEmpty() || !o.get("kpi").equals(kpi) || !matches(o.get("org_unit"), prefixes)) {
        continue;
      }
      LocalDate on = ContractReader.date(o.get("observed_on"));
      double v = Double.parseDouble(o.get("value"));
      if (!on.isBefore(pilotStart.minusDays(90)) && on.isBefore(pilotStart)) {
        baseline.add(v);
      }
      if (!on.isBefore(w28) && !on.isAfter(d)) {
        current.add(v);
      }
    }
    Double baselineMedian = median(baseline);
    Double improvedShare = null;
    if (baselineMedian != null && !current.isEmpty()) {
      long better = current.stream().filter(v -> higher ? v > baselineMedian : v < baselineMedian).count();
      improvedShare = better / (double) current.size();
    }
    m.put("kpi_baseline_median", baselineMedian);
    m.put("kpi_current_median", median(current));
    m.put("kpi_improved_share", improvedShare);
    long outside = used.entrySet().stream()
        .filter(e -> !target.contains(e.getKey()) && any(e.getValue(), w28, d)).count();
    m.put("outside_target_users", outside);

    boolean suppressed = pop < MIN_GROUP_SIZE;
    boolean postPilot = pilotEnd != null && pilotEnd.isBefore(d);
    boolean endingSoon = pilotEnd != null && !pilotEnd.isBefore(d) && !pilotEnd.isAfter(d.plusDays(30));
    Integer cadence = ini.get("follow_up_every_days").isEmpty() ? null
        : Integer.parseInt(ini.get("follow_up_every_days"));
    boolean after28 = pilotEnd != null && !pilotEnd.isAfter(d.minusDays(28));

    Set<String> flags = new HashSet<>();
    if (!ini.get("status").equalsIgnoreCase("stopped")) {
      raise(flags, "NO_OWNER", (postPilot || endingSoon) && !ownerPresent);
      raise(flags, "OWNER_LEFT", ownerPresent && !ownerActive);
      raise(flags, "NO_MANDATE", ownerPresent && !Boolean.TRUE.equals(mandate));
      raise(flags, "NO_GOAL", !goalLinked);
      raise(flags, "NO_FOLLOW_UP_CADENCE", postPilot && cadence == null);
      raise(flags, "FOLLOW_UP_OVERDUE", postPilot && cadence != null
          && (daysSince == null || daysSince > 1.5 * cadence));
      raise(flags, "NO_PRACTICE_TIME", allocation == null || allocation.signum() == 0);
      raise(flags, "PRACTICE_TIME_UNUSED", !suppressed && allocation != null && allocation.signum() > 0
          && !d.isBefore(pilotStart.plusDays(27)) && practiceRatio != null && practiceRatio < 0.5);
      raise(flags, "NO_TRAINING_PLAN", courses.isEmpty());
      Double coverage = rate(trainedOn.size(), pop);
      raise(flags, "LOW_TRAINING_COVERAGE", !suppressed && postPilot && !courses.isEmpty()
          && coverage != null && coverage < 0.5);
      raise(flags, "TRAINED_NOT_USING", !suppressed && tnuDenominator >= MIN_GROUP_SIZE && tnuRate > 0.3);
      raise(flags, "NO_LEARNING_FOLLOW_UP", postPilot && sessions.isEmpty());
      raise(flags, "NO_USAGE_SIGNAL", signalsEmpty(ini));
      Double sustainedRate = rate(sustained, pop);
      raise(flags, "LOW_ADOPTION", !suppressed && after28 && sustainedRate != null && sustainedRate < 0.4);
      raise(flags, "ADOPTION_DECAY", !suppressed && retention != null && retention < 0.7);
      raise(flags, "NO_EFFECT_MEASURE", postPilot && kpi.isEmpty());
      raise(flags, "NO_EFFECT", !kpi.isEmpty() && after28
          && (baselineMedian == null || current.isEmpty() || improvedShare < 0.5));
    }
    List<String> ordered = FLAG_ORDER.stream().filter(flags::contains).collect(Collectors.toList());
    String verdict;
    if (ini.get("status").equalsIgnoreCase("stopped")) {
      verdict = "stopped";
    } else if (!postPilot) {
      verdict = "in_pilot";
    } else if (ordered.stream().anyMatch(HIGH::contains)) {
      verdict = "lacks_follow_through";
    } else if (!ordered.isEmpty()) {
      verdict = "at_risk";
    } else {
      verdict = "on_track";
    }
    m.put("ending_soon", endingSoon);
    return new Outcome(id, verdict, ordered, suppressed, m);
  }

  private static boolean signalsEmpty(ContractReader.Row ini) {
    return list(ini.get("usage_signals")).isEmpty();
  }

  private static void raise(Set<String> flags, String code, boolean when) {
    if (when) {
      flags.add(code);
    }
  }

  private static int activeIn(Set<String> target, Map<String, TreeSet<LocalDate>> used, LocalDate from,
      LocalDate to) {
    int n = 0;
    for (String e : target) {
      if (any(used.getOrDefault(e, new TreeSet<>()), from, to)) {
        n++;
      }
    }
    return n;
  }

  private static boolean any(TreeSet<LocalDate> dates, LocalDate from, LocalDate to) {
    LocalDate first = dates.ceiling(from);
    return first != null && !first.isAfter(to);
  }

  static boolean matches(String unit, List<String> prefixes) {
    return prefixes.stream().anyMatch(p -> unit.equals(p) || unit.startsWith(p + "/"));
  }

  static List<String> list(String cell) {
    return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  private static Double rate(int n, int denominator) {
    return denominator == 0 ? null : n / (double) denominator;
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
