package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Who takes each initiative up: which target people complete a course and when, who starts
 * using the new way of working, who keeps using it after the pilot, and who outside the target
 * units uses it now and then. Counts are exact shares of the target group, so a story does not
 * depend on luck.
 */
final class Adoption {
  private static final long STREAM_ADOPTION = 3;
  /** A non-adopter's chance per working day of trying it anyway. */
  private static final double TRY_DAILY = 0.003;
  /** Share of a certifiable course's participants who pass the first time; some retake it. */
  private static final double FIRST_PASS = 0.75;
  private static final double RETAKE = 0.4;

  /** One person's relation to one initiative, read by the usage generator every day. */
  static final class Membership {
    final Initiative initiative;
    final int[] actionIds;
    final boolean outsider;
    final boolean adopter;
    final boolean keeper;
    final long useFrom;
    private final long pilotStart;
    private final long pilotEnd;
    private final boolean stopped;
    private final double outsiderDaily;

    Membership(Initiative initiative, int[] actionIds, boolean outsider, boolean adopter, boolean keeper,
        long useFrom, double outsiderDaily) {
      this.initiative = requireNonNull(initiative, "initiative is null");
      this.actionIds = actionIds.clone();
      this.outsider = outsider;
      this.adopter = adopter;
      this.keeper = keeper;
      this.useFrom = useFrom;
      this.pilotStart = initiative.pilotStart().toEpochDay();
      this.pilotEnd = initiative.pilotEnd() == null ? Long.MAX_VALUE : initiative.pilotEnd().toEpochDay();
      this.stopped = initiative.story().stopped();
      this.outsiderDaily = outsiderDaily;
    }

    /** The chance that the person uses it on a working day at work. */
    double dailyChance(long day) {
      if (day < pilotStart || (stopped && day > pilotEnd)) {
        return 0;
      }
      if (outsider) {
        return outsiderDaily;
      }
      if (!adopter) {
        return TRY_DAILY;
      }
      if (day < useFrom) {
        return 0;
      }
      Story.Behaviour b = initiative.story().behaviour();
      if (day <= pilotEnd) {
        return b.pilotDaily();
      }
      if (keeper) {
        return b.postDaily();
      }
      double t = (day - Math.max(pilotEnd, useFrom)) / (double) b.fadeDays();
      return t >= 1 ? b.lapsedDaily() : b.pilotDaily() + (b.lapsedDaily() - b.pilotDaily()) * t;
    }
  }

  /** One row of trainings.csv. */
  record Completion(Person person, Story.Course course, LocalDate completedOn, Boolean certified) {
    Completion {
      requireNonNull(person, "person is null");
      requireNonNull(course, "course is null");
      requireNonNull(completedOn, "completedOn is null");
    }
  }

  /** Someone outside the roster (a consultant) who uses an initiative. */
  record Consultant(String employeeId, Membership membership) {
    Consultant {
      requireNonNull(employeeId, "employeeId is null");
      requireNonNull(membership, "membership is null");
    }
  }

  private final List<List<Membership>> byPerson;
  private final List<List<Person>> targetPeople;
  private final List<Completion> completions = new ArrayList<>();
  private final List<Consultant> consultants = new ArrayList<>();

  Adoption(GeneratorOptions options, List<Initiative> initiatives, Workforce workforce, Organisation org,
      ActionCatalog catalog) {
    List<Person> people = workforce.people();
    byPerson = new ArrayList<>(people.size());
    for (int i = 0; i < people.size(); i++) {
      byPerson.add(new ArrayList<>(1));
    }
    targetPeople = new ArrayList<>();
    LocalDate end = options.endDate();
    for (Initiative ini : initiatives) {
      SplittableRandom rng = Rng.stream(options.seed(), STREAM_ADOPTION, ini.index());
      Story story = ini.story();
      int[] actionIds = story.signalActions().stream().mapToInt(catalog::idOf).toArray();
      List<Person> target = new ArrayList<>();
      for (Person p : people) {
        if (ini.targets(p.unit()) && !p.hiredOn().isAfter(end)
            && (p.leftOn() == null || p.leftOn().isAfter(ini.pilotStart().minusDays(14)))) {
          target.add(p);
        }
      }
      targetPeople.add(List.copyOf(target));
      List<Person> shuffled = new ArrayList<>(target);
      Collections.shuffle(shuffled, new Random(rng.nextLong()));
      Story.Behaviour b = story.behaviour();
      int nTrained = share(b.trainedShare(), shuffled.size());
      List<Person> adopters = new ArrayList<>();
      LocalDate[] trainedOn = new LocalDate[shuffled.size()];
      List<LocalDate> sessions = courseSessions(ini.pilotStart());
      for (int k = 0; k < shuffled.size(); k++) {
        if (k < nTrained && !story.courses().isEmpty()) {
          trainedOn[k] = train(shuffled.get(k), story, sessions, end, rng);
        }
      }
      List<Person> trained = new ArrayList<>();
      List<Person> untrained = new ArrayList<>();
      for (int k = 0; k < shuffled.size(); k++) {
        (trainedOn[k] != null ? trained : untrained).add(shuffled.get(k));
      }
      adopters.addAll(trained.subList(0, share(b.adoptIfTrained(), trained.size())));
      adopters.addAll(untrained.subList(0, share(b.adoptIfUntrained(), untrained.size())));
      List<Person> keepOrder = new ArrayList<>(adopters);
      Collections.shuffle(keepOrder, new Random(rng.nextLong()));
      List<Person> keepers = keepOrder.subList(0, share(b.keepShare(), keepOrder.size()));
      for (int k = 0; k < shuffled.size(); k++) {
        Person p = shuffled.get(k);
        boolean adopter = adopters.contains(p);
        long useFrom = Long.MAX_VALUE;
        if (adopter) {
          LocalDate from = trainedOn[k] != null ? trainedOn[k].plusDays(1 + rng.nextInt(7))
              : ini.pilotStart().plusDays(3 + rng.nextInt(18));
          if (from.isBefore(p.hiredOn())) {
            from = p.hiredOn().plusDays(rng.nextInt(10));
          }
          useFrom = from.toEpochDay();
        }
        byPerson.get(p.index()).add(new Membership(ini, actionIds, false, adopter, keepers.contains(p), useFrom, 0));
      }
      addOutsiders(ini, actionIds, workforce, org);
      if (story.outsiders().consultant()) {
        consultants.add(new Consultant("K" + (9001 + ini.site()),
            new Membership(ini, actionIds, true, false, false, Long.MAX_VALUE, 0.3)));
      }
    }
  }

  private void addOutsiders(Initiative ini, int[] actionIds, Workforce workforce, Organisation org) {
    Story.Outsiders o = ini.story().outsiders();
    for (String local : o.units()) {
      org.unit(ini.site(), local).ifPresent(unit -> {
        for (int slot = 2; slot < 2 + o.perUnit(); slot++) {
          workforce.atSlot(unit, slot).filter(p -> !ini.targets(p.unit())).ifPresent(p ->
              byPerson.get(p.index()).add(new Membership(ini, actionIds, true, false, false, Long.MAX_VALUE,
                  o.daily())));
        }
      });
    }
  }

  private static int share(double share, int n) {
    return (int) Math.min(n, Math.round(share * n));
  }

  /** The course is given three times around the pilot's start; each ends on a working day. */
  private static List<LocalDate> courseSessions(LocalDate pilotStart) {
    return List.of(
        SwedishCalendar.onOrAfterWorkingDay(pilotStart.minusDays(11)),
        SwedishCalendar.onOrAfterWorkingDay(pilotStart.plusDays(3)),
        SwedishCalendar.onOrAfterWorkingDay(pilotStart.plusDays(17)));
  }

  /**
   * Records the person's course completion(s) and returns the first, or null when the person
   * could not take the course while employed and up to the end date.
   */
  private LocalDate train(Person p, Story story, List<LocalDate> sessions, LocalDate end, SplittableRandom rng) {
    List<LocalDate> possible = new ArrayList<>();
    for (LocalDate s : sessions) {
      if (!s.isBefore(p.hiredOn().plusDays(7)) && p.employedOn(s) && !s.isAfter(end)) {
        possible.add(s);
      }
    }
    LocalDate date;
    if (!possible.isEmpty()) {
      date = possible.get(rng.nextInt(possible.size()));
    } else if (p.hiredOn().isAfter(sessions.get(0))) {
      // A joiner: a later course instance, some weeks after starting.
      date = SwedishCalendar.onOrAfterWorkingDay(p.hiredOn().plusDays(21 + rng.nextInt(21)));
      if (date.isAfter(end) || !p.employedOn(date)) {
        return null;
      }
    } else {
      return null;
    }
    Story.Course course = story.courses().get(rng.nextInt(story.courses().size()));
    if (!course.certifiable()) {
      completions.add(new Completion(p, course, date, null));
      return date;
    }
    boolean passed = rng.nextDouble() < FIRST_PASS;
    completions.add(new Completion(p, course, date, passed));
    if (!passed && rng.nextDouble() < RETAKE) {
      LocalDate retake = SwedishCalendar.onOrAfterWorkingDay(date.plusDays(42));
      if (!retake.isAfter(end) && p.employedOn(retake)) {
        completions.add(new Completion(p, course, retake, true));
      }
    }
    return date;
  }

  List<Membership> memberships(int person) {
    return byPerson.get(person);
  }

  /** Everyone ever in the initiative's target units during its life (leavers and joiners too). */
  List<Person> targetPeople(Initiative ini) {
    return targetPeople.get(ini.index());
  }

  List<Completion> completions() {
    return completions;
  }

  List<Consultant> consultants() {
    return consultants;
  }
}
