package se.vardag.oracle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An independent reading of SPEC revision 2, sections 2, 3, 4 and 6, written from the spec alone
 * (not from {@code se.vardag.metrics}): every column of {@code initiative_adoption},
 * {@code unit_adoption} and {@code weekly_active}, and the flags of {@code follow_through_flags},
 * as of D, from an input folder. Default thresholds, {@code min_group_size} 5. Only well-formed
 * inputs are needed: a value that does not parse is an error here, not a rejected row.
 *
 * <p>Plain and slow on purpose: every figure is a loop over people and events that reads like
 * the spec's sentence. Rows are maps from column name to value (Long for counts and day counts,
 * Double for rates and medians, Boolean, String, LocalDate; null is null).
 */
public final class Revision2Oracle {
  public static final int MIN_GROUP_SIZE = 5;
  public static final int MAX_FUTURE_DAYS = 1;

  /** Section 4's table, in its order: code, pillar, severity. */
  static final List<String[]> FLAGS = List.of(
      new String[] {"NO_OWNER", "ownership", "high"},
      new String[] {"OWNER_LEFT", "ownership", "high"},
      new String[] {"NO_MANDATE", "ownership", "medium"},
      new String[] {"NO_GOAL", "strategy", "medium"},
      new String[] {"NO_FOLLOW_UP_CADENCE", "follow-up", "medium"},
      new String[] {"FOLLOW_UP_OVERDUE", "follow-up", "high"},
      new String[] {"NO_PRACTICE_TIME", "time", "medium"},
      new String[] {"PRACTICE_TIME_UNUSED", "time", "medium"},
      new String[] {"NO_TRAINING_PLAN", "competence", "medium"},
      new String[] {"LOW_TRAINING_COVERAGE", "competence", "medium"},
      new String[] {"TRAINED_NOT_USING", "competence", "high"},
      new String[] {"NO_LEARNING_FOLLOW_UP", "competence", "medium"},
      new String[] {"NO_USAGE_SIGNAL", "usage", "medium"},
      new String[] {"LOW_ADOPTION", "usage", "high"},
      new String[] {"ADOPTION_DECAY", "usage", "high"},
      new String[] {"NO_EFFECT_MEASURE", "effect", "medium"},
      new String[] {"NO_EFFECT", "effect", "medium"},
      new String[] {"NO_PILOT_END", "follow-up", "medium"},
      new String[] {"USAGE_DATA_MISSING", "usage", "medium"});

  private static final Set<String> SESSION_ACTIVITIES = Set.of("workshop", "peer_learning", "coaching");

  /** The four tables as of D: rows in initiative (register) order. */
  public static final class Result {
    public final List<Map<String, Object>> initiativeAdoption = new ArrayList<>();
    public final List<Map<String, Object>> unitAdoption = new ArrayList<>();
    public final List<Map<String, Object>> weeklyActive = new ArrayList<>();
    public final List<Map<String, Object>> followThroughFlags = new ArrayList<>();

    public Map<String, Object> initiative(String id) {
      return initiativeAdoption.stream().filter(r -> id.equals(r.get("initiative_id"))).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Cannot find initiative: " + id + " is not in the result"));
    }

    public List<String> flagCodes(String id) {
      return followThroughFlags.stream().filter(r -> id.equals(r.get("initiative_id")))
          .map(r -> (String) r.get("code")).collect(Collectors.toList());
    }
  }

  private record Employee(String id, String name, String email, String unit, LocalDate hired, LocalDate left) {
    boolean employedAt(LocalDate d) {
      return !hired.isAfter(d) && (left == null || left.isAfter(d));
    }
  }

  private record Pattern(String source, String action) {
    boolean signals(String s, String a) {
      return source.equals(s) && (action.equals("*") || action.equals(a));
    }
  }

  private record Event(String employee, String source, String action, LocalDate date) {}

  private record Row(Map<String, String> cells) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  private final Path dir;
  private final ZoneId zone;
  private final LocalDate runDate;

  private final Map<String, Employee> employees = new LinkedHashMap<>();
  private final Map<String, String> goals;
  private final List<Row> initiatives;
  private final List<Row> trainings;
  private final List<Row> learning;
  private final List<Row> followUps;
  private final List<Row> outcomes;
  private final List<Event> events = new ArrayList<>();

  /**
   * Reads the input folder.
   *
   * @param runDate the run's own date (its clock, in {@code zone}): usage events dated more than
   *     one day after it are rejected as "in the future" and count nowhere
   */
  public Revision2Oracle(Path dir, ZoneId zone, LocalDate runDate) throws IOException {
    this.dir = requireNonNull(dir, "dir is null");
    this.zone = requireNonNull(zone, "zone is null");
    this.runDate = requireNonNull(runDate, "runDate is null");
    for (Row r : read(dir.resolve("employees.csv"))) {
      employees.put(r.get("employee_id"), new Employee(r.get("employee_id"), r.get("display_name"), r.get("email"), r.get("org_unit"),
          LocalDate.parse(r.get("hired_on")), r.get("left_on").isEmpty() ? null : LocalDate.parse(r.get("left_on"))));
    }
    List<Row> goalRows = optional("goals.csv");
    if (goalRows == null) {
      goals = null;
    } else {
      goals = new HashMap<>();
      goalRows.forEach(r -> goals.put(r.get("goal_id"), r.get("title")));
    }
    initiatives = read(dir.resolve("initiatives.csv"));
    trainings = read(dir.resolve("trainings.csv"));
    learning = optional("learning_activities.csv");
    followUps = optional("follow_ups.csv");
    outcomes = optional("outcomes.csv");
    List<Path> usageFiles;
    try (Stream<Path> s = Files.list(dir.resolve("usage"))) {
      usageFiles = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
          .collect(Collectors.toList());
    }
    LocalDate lastAllowed = runDate.plusDays(MAX_FUTURE_DAYS);
    for (Path f : usageFiles) {
      for (Row r : read(f)) {
        LocalDate date = eventDate(r.get("event_time"));
        if (date.isAfter(lastAllowed)) {
          continue; // rejected: in the future
        }
        events.add(new Event(r.get("employee_id"), norm(r.get("source")), norm(r.get("action")), date));
      }
    }
  }

  private List<Row> optional(String file) throws IOException {
    Path p = dir.resolve(file);
    return Files.exists(p) ? read(p) : null;
  }

  /** Section 3 and 4 as of D. */
  public Result evaluate(LocalDate d) {
    Result result = new Result();
    for (Row ini : initiatives) {
      evaluate(ini, d, result);
    }
    return result;
  }

  private void evaluate(Row ini, LocalDate d, Result result) {
    String id = ini.get("initiative_id");
    String name = ini.get("name");
    String status = ini.get("status").isEmpty() ? "pilot" : ini.get("status").toLowerCase(Locale.ROOT);
    List<String> prefixes = list(ini.get("target_org_units"));
    List<String> courses = list(ini.get("course_ids"));
    List<Pattern> patterns = new ArrayList<>();
    for (String p : list(ini.get("usage_signals"))) {
      int colon = p.indexOf(':');
      patterns.add(new Pattern(norm(p.substring(0, colon)), norm(p.substring(colon + 1))));
    }
    boolean hasSignals = !patterns.isEmpty();
    LocalDate pilotStart = LocalDate.parse(ini.get("pilot_start"));
    LocalDate pilotEnd = ini.get("pilot_end").isEmpty() ? null : LocalDate.parse(ini.get("pilot_end"));
    Double allocation = ini.get("practice_hours_per_week").isEmpty() ? null
        : new BigDecimal(ini.get("practice_hours_per_week")).doubleValue();
    Long cadence = ini.get("follow_up_every_days").isEmpty() ? null : Long.parseLong(ini.get("follow_up_every_days"));
    String kpi = ini.get("kpi").isEmpty() ? null : ini.get("kpi");
    String direction = ini.get("kpi_direction").isEmpty() ? "lower_is_better"
        : ini.get("kpi_direction").toLowerCase(Locale.ROOT);
    LocalDate w28 = d.minusDays(27);

    // Target population at D.
    List<Employee> target = new ArrayList<>();
    for (Employee e : employees.values()) {
      if (e.employedAt(d) && matches(e.unit(), prefixes)) {
        target.add(e);
      }
    }
    Set<String> targetIds = target.stream().map(Employee::id).collect(Collectors.toSet());
    long population = target.size();
    boolean suppressed = population < MIN_GROUP_SIZE;

    // Signalling event dates per employee (anyone, on or before D).
    Map<String, TreeSet<LocalDate>> used = new HashMap<>();
    for (Event ev : events) {
      if (!ev.date().isAfter(d) && patterns.stream().anyMatch(p -> p.signals(ev.source(), ev.action()))) {
        used.computeIfAbsent(ev.employee(), k -> new TreeSet<>()).add(ev.date());
      }
    }

    // Training dates and start dates.
    Map<String, LocalDate> trainedOn = new HashMap<>();
    for (Row t : trainings) {
      LocalDate c = LocalDate.parse(t.get("completed_on"));
      if (targetIds.contains(t.get("employee_id")) && courses.contains(t.get("course_id")) && !c.isAfter(d)) {
        trainedOn.merge(t.get("employee_id"), c, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<String, LocalDate> startOn = new HashMap<>();
    trainedOn.forEach((e, c) -> startOn.put(e, c.isBefore(pilotStart) ? pilotStart : c));

    long trained = trainedOn.size();
    long active = 0;
    long sustained = 0;
    long currentWau = 0;
    for (Employee e : target) {
      TreeSet<LocalDate> dates = used.getOrDefault(e.id(), new TreeSet<>());
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
    long tnuBase = 0;
    long tnu = 0;
    List<Double> daysToFirstUse = new ArrayList<>();
    for (Map.Entry<String, LocalDate> s : startOn.entrySet()) {
      TreeSet<LocalDate> dates = used.getOrDefault(s.getKey(), new TreeSet<>());
      if (!s.getValue().isAfter(d.minusDays(28))) {
        tnuBase++;
        if (!any(dates, w28, d)) {
          tnu++;
        }
      }
      LocalDate first = dates.ceiling(s.getValue());
      if (first != null && !first.isAfter(d)) {
        daysToFirstUse.add((double) (first.toEpochDay() - s.getValue().toEpochDay()));
      }
    }

    Long peak = null;
    if (pilotEnd != null && pilotEnd.toEpochDay() - pilotStart.toEpochDay() < 6) {
      if (!pilotEnd.isAfter(d) && !pilotEnd.isBefore(pilotStart)) {
        peak = activeIn(target, used, pilotStart, pilotEnd);
      }
    } else {
      LocalDate last = pilotEnd == null || pilotEnd.isAfter(d) ? d : pilotEnd;
      for (LocalDate x = pilotStart.plusDays(6); !x.isAfter(last); x = x.plusDays(1)) {
        long n = activeIn(target, used, x.minusDays(6), x);
        peak = peak == null ? n : Math.max(peak, n);
      }
    }
    Double retention = pilotEnd != null && !pilotEnd.isAfter(d.minusDays(7)) && peak != null
        ? rate(currentWau, peak) : null;

    // Learning activities.
    Double practicePerPersonWeek = null;
    Long sessions = null;
    if (learning != null) {
      double hours = 0;
      Set<String> distinct = new HashSet<>();
      for (Row l : learning) {
        if (!l.get("initiative_id").equals(id)) {
          continue;
        }
        LocalDate held = LocalDate.parse(l.get("held_on"));
        if (targetIds.contains(l.get("employee_id")) && within(held, w28, d)) {
          hours += l.get("hours").isEmpty() ? 0 : new BigDecimal(l.get("hours")).doubleValue();
        }
        if (SESSION_ACTIVITIES.contains(l.get("activity").toLowerCase(Locale.ROOT))
            && within(held, d.minusDays(89), d)) {
          distinct.add(held + "/" + l.get("activity").toLowerCase(Locale.ROOT));
        }
      }
      practicePerPersonWeek = population == 0 ? null : hours / population / 4;
      sessions = (long) distinct.size();
    }
    Double practiceRatio = practicePerPersonWeek == null || allocation == null || allocation == 0 ? null
        : practicePerPersonWeek / allocation;

    // Follow-ups.
    LocalDate lastFollowUp = null;
    Long daysSince = null;
    Long followUps90 = null;
    Double adherence = null;
    Long lastMaturity = null;
    if (followUps != null) {
      long n = 0;
      LocalDate maturityOn = null;
      for (Row f : followUps) {
        LocalDate held = LocalDate.parse(f.get("held_on"));
        if (!f.get("initiative_id").equals(id) || held.isAfter(d)) {
          continue;
        }
        if (lastFollowUp == null || held.isAfter(lastFollowUp)) {
          lastFollowUp = held;
        }
        if (!f.get("maturity").isEmpty() && (maturityOn == null || held.isAfter(maturityOn))) {
          maturityOn = held;
          lastMaturity = Long.parseLong(f.get("maturity"));
        }
        if (!held.isBefore(d.minusDays(89))) {
          n++;
        }
      }
      followUps90 = n;
      daysSince = lastFollowUp == null ? null : d.toEpochDay() - lastFollowUp.toEpochDay();
      adherence = cadence == null ? null : Math.min(1.0, n / (90.0 / cadence));
    }

    // Register facts.
    String owner = ini.get("owner_id").isEmpty() ? null : ini.get("owner_id");
    boolean ownerPresent = owner != null;
    boolean ownerActive = ownerPresent && employees.containsKey(owner) && employees.get(owner).employedAt(d);
    Boolean mandate = bool(ini.get("owner_has_mandate"));
    String goalId = ini.get("goal_id").isEmpty() ? null : ini.get("goal_id");
    Boolean goalLinked = goalId == null ? Boolean.FALSE : goals == null ? null : goals.containsKey(goalId);
    String goalTitle = goalId == null || goals == null ? null : goals.get(goalId);

    // KPI.
    Double baselineMedian = null;
    Double currentMedian = null;
    Double kpiChange = null;
    Double improvedShare = null;
    Long baselineObservations = null;
    Long currentObservations = null;
    if (outcomes != null) {
      List<Double> baseline = new ArrayList<>();
      List<Double> current = new ArrayList<>();
      for (Row o : outcomes) {
        if (kpi == null || !o.get("kpi").equals(kpi) || !matches(o.get("org_unit"), prefixes)) {
          continue;
        }
        LocalDate on = LocalDate.parse(o.get("observed_on"));
        double v = new BigDecimal(o.get("value")).doubleValue();
        if (within(on, pilotStart.minusDays(90), pilotStart.minusDays(1))) {
          baseline.add(v);
        }
        if (within(on, w28, d)) {
          current.add(v);
        }
      }
      baselineMedian = median(baseline);
      currentMedian = median(current);
      if (baselineMedian != null && currentMedian != null && baselineMedian != 0) {
        kpiChange = (currentMedian - baselineMedian) / baselineMedian;
      }
      if (baselineMedian != null && !current.isEmpty()) {
        double b = baselineMedian;
        boolean higher = direction.equals("higher_is_better");
        long better = current.stream().filter(v -> higher ? v > b : v < b).count();
        improvedShare = better / (double) current.size();
      }
      baselineObservations = (long) baseline.size();
      currentObservations = (long) current.size();
    }

    // outside_target_users.
    Long outside = null;
    if (hasSignals) {
      long n = used.entrySet().stream().filter(e -> !targetIds.contains(e.getKey()) && any(e.getValue(), w28, d))
          .count();
      outside = n > 0 && n < MIN_GROUP_SIZE ? null : n;
    }

    // Section 4.
    boolean scalingOrOperational = status.equals("scaling") || status.equals("operational");
    boolean postPilot = (pilotEnd != null && pilotEnd.isBefore(d)) || (pilotEnd == null && scalingOrOperational);
    boolean endingSoon = pilotEnd != null && within(pilotEnd, d, d.plusDays(30));
    boolean pilotEndedBy28 = pilotEnd != null && !pilotEnd.isAfter(d.minusDays(28));
    Set<String> sources = patterns.stream().map(Pattern::source).collect(Collectors.toSet());
    boolean allSilent = hasSignals && sources.stream().allMatch(src -> events.stream()
        .noneMatch(ev -> ev.source().equals(src) && within(ev.date(), d.minusDays(6), d)));
    boolean usageFlagsAllowed = hasSignals && !allSilent && !suppressed;
    Double coverage = rate(trained, population);
    Double sustainedRate = rate(sustained, population);
    Double tnuRate = rate(tnu, tnuBase);

    Set<String> raised = new HashSet<>();
    if (!status.equals("stopped")) {
      raise(raised, "NO_OWNER", (postPilot || endingSoon) && !ownerPresent);
      raise(raised, "OWNER_LEFT", ownerPresent && !ownerActive);
      raise(raised, "NO_MANDATE", ownerPresent && !Boolean.TRUE.equals(mandate));
      raise(raised, "NO_GOAL", goalId == null || (goals != null && !goals.containsKey(goalId)));
      raise(raised, "NO_FOLLOW_UP_CADENCE", postPilot && cadence == null);
      raise(raised, "FOLLOW_UP_OVERDUE", followUps != null && postPilot && cadence != null
          && (lastFollowUp == null || daysSince > 1.5 * cadence));
      raise(raised, "NO_PRACTICE_TIME", allocation == null || allocation == 0);
      raise(raised, "PRACTICE_TIME_UNUSED", learning != null && !suppressed && allocation != null && allocation > 0
          && !d.isBefore(pilotStart.plusDays(27)) && practiceRatio != null && practiceRatio < 0.5);
      raise(raised, "NO_TRAINING_PLAN", courses.isEmpty());
      raise(raised, "LOW_TRAINING_COVERAGE", !suppressed && postPilot && !courses.isEmpty()
          && coverage != null && coverage < 0.5);
      raise(raised, "TRAINED_NOT_USING", usageFlagsAllowed && tnuBase >= MIN_GROUP_SIZE && tnuRate > 0.3);
      raise(raised, "NO_LEARNING_FOLLOW_UP", learning != null && postPilot && sessions == 0);
      raise(raised, "NO_USAGE_SIGNAL", !hasSignals);
      raise(raised, "LOW_ADOPTION", usageFlagsAllowed && pilotEndedBy28 && sustainedRate != null
          && sustainedRate < 0.4);
      raise(raised, "ADOPTION_DECAY", usageFlagsAllowed && retention != null && retention < 0.7);
      raise(raised, "NO_EFFECT_MEASURE", postPilot && kpi == null);
      raise(raised, "NO_EFFECT", outcomes != null && kpi != null && pilotEndedBy28
          && (baselineMedian == null || currentObservations == 0 || improvedShare < 0.5));
      raise(raised, "NO_PILOT_END", scalingOrOperational && pilotEnd == null);
      raise(raised, "USAGE_DATA_MISSING", allSilent);
    }
    List<String[]> flags = FLAGS.stream().filter(f -> raised.contains(f[0])).collect(Collectors.toList());
    long highFlags = flags.stream().filter(f -> f[2].equals("high")).count();
    String verdict;
    if (status.equals("stopped")) {
      verdict = "stopped";
    } else if (!postPilot) {
      verdict = "in_pilot";
    } else if (highFlags > 0) {
      verdict = "lacks_follow_through";
    } else if (!flags.isEmpty()) {
      verdict = "at_risk";
    } else {
      verdict = "on_track";
    }
    boolean headline = verdict.equals("lacks_follow_through") || (verdict.equals("in_pilot") && endingSoon
        && highFlags > 0);

    // Org B's ingredients.
    boolean hasOwnerWithMandate = ownerActive && Boolean.TRUE.equals(mandate);
    boolean hasGoal = Boolean.TRUE.equals(goalLinked);
    boolean hasPracticeTime = practiceRatio != null && !suppressed && practiceRatio >= 0.5;
    boolean hasLearningFollowUp = sessions != null && sessions >= 1;
    boolean hasFollowUp = cadence != null && daysSince != null && daysSince <= 1.5 * cadence;
    long ingredients = Stream.of(hasOwnerWithMandate, hasGoal, hasPracticeTime, hasLearningFollowUp, hasFollowUp)
        .filter(b -> b).count();

    Map<String, Object> row = new LinkedHashMap<>();
    row.put("initiative_id", id);
    row.put("name", name);
    row.put("status", status);
    row.put("goal_id", goalId);
    row.put("goal_title", goalTitle);
    row.put("goal_linked", goalLinked);
    row.put("owner_id", owner);
    // Section 5: the owner is named by display name (an accountable role); nobody else is.
    row.put("owner_name", owner == null || !employees.containsKey(owner) || employees.get(owner).name().isEmpty()
        ? null : employees.get(owner).name());
    // The owner's address, for their own report (mail.owners): only while employed at D.
    row.put("owner_email", !ownerActive || employees.get(owner).email().isBlank() ? null
        : employees.get(owner).email().strip());
    row.put("owner_present", ownerPresent);
    row.put("owner_active", ownerActive);
    row.put("owner_has_mandate", mandate);
    row.put("pilot_start", pilotStart);
    row.put("pilot_end", pilotEnd);
    row.put("post_pilot", postPilot);
    row.put("ending_soon", endingSoon);
    row.put("target_org_units", String.join(";", prefixes));
    row.put("course_ids", courses.isEmpty() ? null : String.join(";", courses));
    // Patterns are compared case-insensitively after trimming (section 3), so the published list is
    // their canonical form: lower case, trimmed around the colon.
    row.put("usage_signals", hasSignals ? patterns.stream().map(p -> p.source() + ":" + p.action())
        .collect(Collectors.joining(";")) : null);
    row.put("practice_hours_per_week", allocation);
    row.put("follow_up_every_days", cadence);
    row.put("kpi", kpi);
    row.put("kpi_direction", direction);
    row.put("target_population", population);
    row.put("trained", people(suppressed, trained));
    row.put("training_coverage", people(suppressed, coverage));
    row.put("active_users", usage(hasSignals, suppressed, active));
    row.put("adoption_rate", usage(hasSignals, suppressed, rate(active, population)));
    row.put("sustained_users", usage(hasSignals, suppressed, sustained));
    row.put("sustained_rate", usage(hasSignals, suppressed, sustainedRate));
    row.put("trained_not_using", usage(hasSignals, suppressed, tnu));
    // Not a spec column: the rate's denominator, published with the usage figures and null like them.
    row.put("trained_not_using_base", usage(hasSignals, suppressed, tnuBase));
    row.put("trained_not_using_rate", usage(hasSignals, suppressed, tnuRate));
    row.put("median_days_to_first_use", usage(hasSignals, suppressed, median(daysToFirstUse)));
    row.put("current_wau", usage(hasSignals, suppressed, currentWau));
    row.put("pilot_peak_wau", usage(hasSignals, suppressed, peak));
    row.put("post_pilot_retention", usage(hasSignals, suppressed, retention));
    row.put("practice_hours_per_person_week", people(suppressed, practicePerPersonWeek));
    row.put("practice_time_ratio", people(suppressed, practiceRatio));
    row.put("learning_sessions_90d", sessions);
    row.put("last_follow_up", lastFollowUp);
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
    row.put("flag_count", (long) flags.size());
    row.put("high_flag_count", highFlags);
    row.put("flag_codes", flags.isEmpty() ? null : flags.stream().map(f -> f[0]).collect(Collectors.joining(";")));
    row.put("headline", headline);
    row.put("suppressed", suppressed);
    row.put("has_owner_with_mandate", hasOwnerWithMandate);
    row.put("has_goal", hasGoal);
    row.put("has_practice_time", hasPracticeTime);
    row.put("has_learning_follow_up", hasLearningFollowUp);
    row.put("has_follow_up", hasFollowUp);
    row.put("ingredient_count", ingredients);
    result.initiativeAdoption.add(row);

    for (String[] f : flags) {
      Map<String, Object> flag = new LinkedHashMap<>();
      flag.put("initiative_id", id);
      flag.put("name", name);
      flag.put("code", f[0]);
      flag.put("pillar", f[1]);
      flag.put("severity", f[2]);
      flag.put("verdict", verdict);
      result.followThroughFlags.add(flag);
    }

    for (int k = 0; k <= 11; k++) {
      LocalDate end = d.minusDays(7L * k);
      Map<String, Object> week = new LinkedHashMap<>();
      week.put("initiative_id", id);
      week.put("name", name);
      week.put("week_index", (long) k);
      week.put("week_start", end.minusDays(6));
      week.put("week_end", end);
      week.put("active_users", usage(hasSignals, suppressed, activeIn(target, used, end.minusDays(6), end)));
      week.put("suppressed", suppressed);
      result.weeklyActive.add(week);
    }

    units(id, name, target, trainedOn, used, d, hasSignals, result);
  }

  private static void units(String id, String name, List<Employee> target, Map<String, LocalDate> trainedOn,
      Map<String, TreeSet<LocalDate>> used, LocalDate d, boolean hasSignals, Result result) {
    Map<String, List<Employee>> byUnit = new TreeMap<>();
    target.forEach(e -> byUnit.computeIfAbsent(e.unit(), k -> new ArrayList<>()).add(e));
    Map<String, String> suppression = new HashMap<>();
    byUnit.forEach((unit, people) -> {
      if (people.size() < MIN_GROUP_SIZE) {
        suppression.put(unit, "small_group");
      }
    });
    if (suppression.size() == 1) {
      String smallest = null;
      for (Map.Entry<String, List<Employee>> u : byUnit.entrySet()) { // TreeMap: by name, so ties go to the first
        if (suppression.containsKey(u.getKey())) {
          continue;
        }
        if (smallest == null || u.getValue().size() < byUnit.get(smallest).size()) {
          smallest = u.getKey();
        }
      }
      if (smallest != null) {
        suppression.put(smallest, "complementary");
      }
    }
    LocalDate w28 = d.minusDays(27);
    byUnit.forEach((unit, people) -> {
      long population = people.size();
      long trained = people.stream().filter(e -> trainedOn.containsKey(e.id())).count();
      long active = 0;
      long sustained = 0;
      for (Employee e : people) {
        TreeSet<LocalDate> dates = used.getOrDefault(e.id(), new TreeSet<>());
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
      }
      boolean suppressed = suppression.containsKey(unit);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("initiative_id", id);
      row.put("name", name);
      row.put("org_unit", unit);
      row.put("target_population", population);
      row.put("trained", people(suppressed, trained));
      row.put("active_users", usage(hasSignals, suppressed, active));
      row.put("sustained_users", usage(hasSignals, suppressed, sustained));
      row.put("training_coverage", people(suppressed, rate(trained, population)));
      row.put("adoption_rate", usage(hasSignals, suppressed, rate(active, population)));
      row.put("sustained_rate", usage(hasSignals, suppressed, rate(sustained, population)));
      row.put("suppressed", suppressed);
      row.put("suppression", suppression.get(unit));
      result.unitAdoption.add(row);
    });
  }

  private static Object people(boolean suppressed, Object value) {
    return suppressed ? null : value;
  }

  private static Object usage(boolean hasSignals, boolean suppressed, Object value) {
    return hasSignals && !suppressed ? value : null;
  }

  private static void raise(Set<String> raised, String code, boolean when) {
    if (when) {
      raised.add(code);
    }
  }

  private static long activeIn(List<Employee> target, Map<String, TreeSet<LocalDate>> used, LocalDate from,
      LocalDate to) {
    return target.stream().filter(e -> any(used.getOrDefault(e.id(), new TreeSet<>()), from, to)).count();
  }

  private static boolean any(TreeSet<LocalDate> dates, LocalDate from, LocalDate to) {
    LocalDate first = dates.ceiling(from);
    return first != null && !first.isAfter(to);
  }

  private static boolean within(LocalDate x, LocalDate from, LocalDate to) {
    return !x.isBefore(from) && !x.isAfter(to);
  }

  static boolean matches(String unit, List<String> prefixes) {
    return prefixes.stream().anyMatch(p -> unit.equals(p) || unit.startsWith(p + "/"));
  }

  static List<String> list(String cell) {
    return Arrays.stream(cell.split(";", -1)).map(Revision2Oracle::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  static Boolean bool(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "":
        return null;
      case "true":
      case "yes":
      case "ja":
      case "1":
        return true;
      case "false":
      case "no":
      case "nej":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException("Cannot read a boolean: '" + s + "' is not true/false/yes/no/ja/nej/1/0");
    }
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static Double rate(long n, Long denominator) {
    return denominator == null || denominator == 0 ? null : n / (double) denominator;
  }

  private LocalDate eventDate(String s) {
    try {
      return OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDate();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).atZone(zone).toLocalDate();
    }
  }

  private static String norm(String s) {
    return trim(s).toLowerCase(Locale.ROOT);
  }

  /** Trims whitespace, Unicode spaces and invisible format characters at both ends (section 2). */
  static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && blank(s.charAt(from))) {
      from++;
    }
    while (to > from && blank(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
  }

  /** A CSV file as rows keyed by lower-cased, trimmed header names; every value trimmed. */
  private static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(in)) {
      List<String> header = null;
      for (CSVRecord rec : parser) {
        if (header == null) {
          header = new ArrayList<>();
          for (String h : rec) {
            header.add(trim(h.replace("\uFEFF", "")).toLowerCase(Locale.ROOT));
          }
          continue;
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size() && i < rec.size(); i++) {
          cells.put(header.get(i), trim(rec.get(i)));
        }
        rows.add(new Row(Collections.unmodifiableMap(cells)));
      }
    }
    return rows;
  }
}
