package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rows of every input file except the usage logs: the roster, goals and register, and the
 * LMS, learning, governance and KPI records that go with the stories.
 */
final class InputFiles {
  private static final long STREAM_TRAININGS = 5;
  private static final long STREAM_LEARNING = 6;
  private static final long STREAM_OUTCOMES = 7;

  /** Strategic goals; G-2025-07, which a story cites, was retired and is deliberately absent. */
  static final List<List<String>> GOALS = List.of(
      List.of("G-01", "Snabbare och stabilare incidenthantering, färre återkommande fel"),
      List.of("G-02", "Effektivare ekonomiadministration med mindre manuellt arbete"),
      List.of("G-03", "\"En väg in\": tillgänglig och effektiv kundservice"),
      List.of("G-04", "Rättssäker, enhetlig och begriplig myndighetsutövning"),
      List.of("G-05", "En attraktiv arbetsgivare: enklare vardag för medarbetare och chefer"),
      List.of("G-06", "Säker och stabil IT-drift"));

  private record Mandatory(String id, String name, double hours, double share, boolean managersOnly) {}

  /** Courses everyone takes, unrelated to any initiative: the LMS's everyday rows. */
  private static final List<Mandatory> MANDATORY = List.of(
      new Mandatory("GDPR-BAS", "Dataskydd – grundkurs", 2.0, 0.6, false),
      new Mandatory("BRAND-1", "Brandskydd och utrymning", 3.0, 0.35, false),
      new Mandatory("CHEF-AM", "Arbetsmiljö för chefer", 14.0, 0.8, true));

  private final GeneratorOptions options;
  private final Workforce workforce;
  private final List<Initiative> initiatives;
  private final Adoption adoption;
  private final Organisation org;

  InputFiles(GeneratorOptions options, Organisation org, Workforce workforce, List<Initiative> initiatives,
      Adoption adoption) {
    this.options = requireNonNull(options, "options is null");
    this.org = requireNonNull(org, "org is null");
    this.workforce = requireNonNull(workforce, "workforce is null");
    this.initiatives = List.copyOf(initiatives);
    this.adoption = requireNonNull(adoption, "adoption is null");
  }

  CsvTable employees() {
    CsvTable t = new CsvTable("employees.csv",
        "employee_id", "display_name", "email", "org_unit", "manager_id", "hired_on", "left_on");
    for (Person p : workforce.people()) {
      t.add(p.employeeId(), p.displayName(), p.email(), p.unit().path(),
          p.managerIndex() < 0 ? null : workforce.person(p.managerIndex()).employeeId(), p.hiredOn(), p.leftOn());
    }
    return t;
  }

  CsvTable goals() {
    CsvTable t = new CsvTable("goals.csv", "goal_id", "title");
    for (List<String> g : GOALS) {
      t.add(g.get(0), g.get(1));
    }
    return t;
  }

  CsvTable initiatives() {
    CsvTable t = new CsvTable("initiatives.csv", "initiative_id", "name", "goal_id", "owner_id",
        "owner_has_mandate", "pilot_start", "pilot_end", "status", "target_org_units", "course_ids",
        "usage_signals", "practice_hours_per_week", "follow_up_every_days", "kpi", "kpi_direction");
    for (Initiative ini : initiatives) {
      Story s = ini.story();
      List<String> courses = new ArrayList<>();
      s.courses().forEach(c -> courses.add(c.id()));
      t.add(ini.id(), ini.name(), s.goalId(), ini.owner() == null ? null : ini.owner().employeeId(),
          jaNej(s.ownerHasMandate()), ini.pilotStart(), ini.pilotEnd(), s.status(), ini.targetsCell(),
          String.join(";", courses), s.signalsCell(), decimal(s.practiceHoursPerWeek(), 1), s.followUpEveryDays(),
          s.kpi() == null ? null : s.kpi().name(), s.kpi() == null ? null : s.kpi().direction());
    }
    return t;
  }

  /** Course completions: the stories' courses and the everyday mandatory ones, in date order. */
  CsvTable trainings() {
    record Row(LocalDate date, int person, String course, List<Object> cells) {}
    List<Row> rows = new ArrayList<>();
    for (Adoption.Completion c : adoption.completions()) {
      rows.add(new Row(c.completedOn(), c.person().index(), c.course().id(), List.of(c.person().employeeId(),
          c.course().id(), c.course().name(), c.completedOn(), yesNo(c.certified()), decimal(c.course().hours(), 1))));
    }
    SplittableRandom rng = Rng.stream(options.seed(), STREAM_TRAININGS);
    LocalDate end = options.endDate();
    for (Person p : workforce.people()) {
      // The yearly information-security course, this year and last.
      for (int year = end.getYear() - 1; year <= end.getYear(); year++) {
        LocalDate from = LocalDate.of(year, 2, 1);
        LocalDate date = SwedishCalendar.onOrAfterWorkingDay(from.plusDays(rng.nextInt(300)));
        if (rng.nextDouble() < 0.75 && !date.isAfter(end) && p.employedOn(date)) {
          String id = "INFOSEC-" + year;
          rows.add(new Row(date, p.index(), id, List.of(p.employeeId(), id, "Informationssäkerhet " + year,
              date, "", "1.5")));
        }
      }
      for (Mandatory m : MANDATORY) {
        double draw = rng.nextDouble();
        LocalDate from = p.hiredOn().isBefore(end.minusYears(4)) ? end.minusYears(4) : p.hiredOn();
        LocalDate date = SwedishCalendar.onOrAfterWorkingDay(from.plusDays(14 + rng.nextInt(900)));
        if ((m.managersOnly() && p.slot() != 0) || draw >= m.share() || date.isAfter(end) || !p.employedOn(date)) {
          continue;
        }
        rows.add(new Row(date, p.index(), m.id(), List.of(p.employeeId(), m.id(), m.name(), date, "",
            decimal(m.hours(), 1))));
      }
    }
    rows.sort(Comparator.comparing(Row::date).thenComparingInt(Row::person).thenComparing(Row::course));
    CsvTable t = new CsvTable("trainings.csv", "employee_id", "course_id", "course_name", "completed_on",
        "certified", "hours");
    rows.forEach(r -> t.add(r.cells().toArray()));
    return t;
  }

  /** Weekly practice logged per person, and the group sessions (workshops, peer learning, coaching). */
  CsvTable learningActivities() {
    record Row(LocalDate date, int initiative, int person, String activity, String hours) {}
    List<Row> rows = new ArrayList<>();
    LocalDate end = options.endDate();
    for (Initiative ini : initiatives) {
      SplittableRandom rng = Rng.stream(options.seed(), STREAM_LEARNING, ini.index());
      Story.Learning l = ini.story().learning();
      LocalDate last = ini.story().stopped() && ini.pilotEnd() != null && ini.pilotEnd().isBefore(end)
          ? ini.pilotEnd() : end;
      List<Person> target = adoption.targetPeople(ini);
      int week = 0;
      for (LocalDate monday = SwedishCalendar.monday(ini.pilotStart()); !monday.isAfter(last);
          monday = monday.plusWeeks(1), week++) {
        LocalDate wednesday = SwedishCalendar.onOrAfterWorkingDay(monday.plusDays(2));
        if (l.practiceShare() > 0 && wednesday.isBefore(monday.plusDays(5)) && !wednesday.isAfter(last)) {
          for (Person p : target) {
            if (rng.nextDouble() < l.practiceShare() && atWork(p, wednesday)) {
              double hours = Math.max(0.5, Math.round(l.practiceHours() * (0.75 + 0.5 * rng.nextDouble()) * 2) / 2.0);
              rows.add(new Row(wednesday, ini.index(), p.index(), "practice", decimal(hours, 1)));
            }
          }
        }
        LocalDate tuesday = SwedishCalendar.onOrAfterWorkingDay(monday.plusDays(1));
        if (l.sessionEveryWeeks() > 0 && week % l.sessionEveryWeeks() == 0 && tuesday.getMonth() != Month.JULY
            && !tuesday.isAfter(last)) {
          String activity = l.sessionActivities().get((week / l.sessionEveryWeeks()) % l.sessionActivities().size());
          String hours = activity.equals("workshop") ? "2.0" : activity.equals("peer_learning") ? "1.5" : "1.0";
          for (Person p : target) {
            if (rng.nextDouble() < l.attendance() && atWork(p, tuesday)) {
              rows.add(new Row(tuesday, ini.index(), p.index(), activity, hours));
            }
          }
        }
      }
    }
    rows.sort(Comparator.comparing(Row::date).thenComparingInt(Row::initiative).thenComparingInt(Row::person)
        .thenComparing(Row::activity));
    CsvTable t = new CsvTable("learning_activities.csv", "employee_id", "initiative_id", "activity", "held_on",
        "hours");
    for (Row r : rows) {
      t.add(workforce.person(r.person()).employeeId(), initiatives.get(r.initiative()).id(), r.activity(), r.date(),
          r.hours());
    }
    return t;
  }

  private boolean atWork(Person p, LocalDate date) {
    return p.employedOn(date) && SwedishCalendar.isWorkingDay(date)
        && !workforce.onVacation(p.index(), date, date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** Reviews at the agreed cadence (none in July); a stopped initiative's one review decided it. */
  CsvTable followUps() {
    CsvTable t = new CsvTable("follow_ups.csv", "initiative_id", "held_on", "forum", "maturity", "note");
    LocalDate end = options.endDate();
    for (Initiative ini : initiatives) {
      Story.FollowUps f = ini.story().followUps();
      if (f.forum() == null) {
        continue;
      }
      List<LocalDate> dates = new ArrayList<>();
      if (ini.story().stopped()) {
        if (ini.pilotEnd() != null) {
          dates.add(SwedishCalendar.onOrAfterWorkingDay(ini.pilotEnd().plusDays(5)));
        }
      } else if (ini.story().followUpEveryDays() != null) {
        int every = ini.story().followUpEveryDays();
        for (int k = 1; ; k++) {
          LocalDate d = SwedishCalendar.onOrAfterWorkingDay(ini.pilotStart().plusDays((long) k * every));
          if (d.isAfter(end)) {
            break;
          }
          if (d.getMonth() != Month.JULY) {
            dates.add(d);
          }
        }
      }
      dates.removeIf(d -> d.isAfter(end));
      for (int k = 0; k < dates.size(); k++) {
        double progress = dates.size() == 1 ? 1 : k / (double) (dates.size() - 1);
        long maturity = Math.round(f.maturityFrom() + (f.maturityTo() - f.maturityFrom()) * progress);
        t.add(ini.id(), dates.get(k), f.forum(), maturity, f.notes().get(k % f.notes().size()));
      }
    }
    return t;
  }

  /**
   * KPI observations per case in each target unit of 8 or more people, on working days from
   * 120 days before the pilot to the end date.
   */
  CsvTable outcomes() {
    record Row(LocalDate date, String kpi, String unit, String value, String unitId) {}
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> serial = new HashMap<>();
    LocalDate end = options.endDate();
    for (Initiative ini : initiatives) {
      Story.Kpi kpi = ini.story().kpi();
      if (kpi == null) {
        continue;
      }
      SplittableRandom rng = Rng.stream(options.seed(), STREAM_OUTCOMES, ini.index());
      LocalDate effectEnd = ini.pilotEnd() != null ? ini.pilotEnd() : ini.pilotStart().plusDays(120);
      long from = ini.pilotStart().toEpochDay();
      long span = Math.max(1, effectEnd.toEpochDay() - from);
      for (OrgUnit unit : org.units()) {
        if (!ini.targets(unit) || unit.size() < 8) {
          continue;
        }
        for (LocalDate d = ini.pilotStart().minusDays(120); !d.isAfter(end); d = d.plusDays(1)) {
          if (!SwedishCalendar.isWorkingDay(d)) {
            continue;
          }
          double progress = Math.min(1, Math.max(0, (d.toEpochDay() - from) / (double) span));
          double median = kpi.before() + (kpi.after() - kpi.before()) * progress;
          int n = 1 + rng.nextInt(1 + unit.size() / 6);
          for (int k = 0; k < n; k++) {
            double v = Math.max(Math.pow(10, -kpi.decimals()), Rng.logNormal(rng, median, kpi.sigma()));
            int no = serial.merge(kpi.unitIdPrefix(), 1, Integer::sum);
            rows.add(new Row(d, kpi.name(), unit.path(), decimal(v, kpi.decimals()),
                kpi.unitIdPrefix() + String.format(Locale.ROOT, "%07d", no)));
          }
        }
      }
    }
    rows.sort(Comparator.comparing(Row::date).thenComparing(Row::kpi).thenComparing(Row::unit)
        .thenComparing(Row::unitId));
    CsvTable t = new CsvTable("outcomes.csv", "kpi", "org_unit", "observed_on", "value", "unit_id");
    rows.forEach(r -> t.add(r.kpi(), r.unit(), r.date(), r.value(), r.unitId()));
    return t;
  }

  /** A decimal with '.', whatever the default locale. */
  static String decimal(Double value, int decimals) {
    return value == null ? null : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** The LMS exports certification as yes/no (empty when the course has no certificate). */
  /** The register is kept in Swedish: {@code ja}/{@code nej} (SPEC rev 2 section 2 reads them as booleans). */
  private static String jaNej(Boolean b) {
    return b == null ? null : b ? "ja" : "nej";
  }

  private static String yesNo(Boolean b) {
    return b == null ? "" : b ? "yes" : "no";
  }
}
