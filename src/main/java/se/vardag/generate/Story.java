package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One initiative archetype: the facts it puts in the register and how the people in its target
 * units behave. Dates are days relative to the end date D (negative: before D).
 *
 * @param key stable name of the archetype
 * @param name the initiative's name at the head office; regions get " (Region X)" appended
 * @param targets local paths of the target org units (prefixes)
 * @param goalId may name a goal that goals.csv does not have
 * @param owner the owner's unit and slot (0 is the unit manager), or null for no owner
 * @param ownerLeftDaysBeforeEnd the owner's left_on is D minus this, or null
 * @param ownerHasMandate null when the register leaves it empty
 * @param pilotStart days from D to pilot_start (moved back to a Monday)
 * @param pilotEnd days from D to pilot_end (moved back to a Friday), or null for no end
 * @param signalsCell the register's usage_signals cell, verbatim
 * @param signalActions the {@code source:action} values the target people log
 * @param practiceHoursPerWeek null for no allocation
 * @param followUpEveryDays null for no cadence
 * @param kpi null for no KPI
 * @param expectedVerdict the verdict at D under SPEC sections 3-4 with the default arguments
 * @param expectedFlags the flags raised then, in SPEC order
 */
record Story(
    String key,
    String name,
    List<String> targets,
    String goalId,
    Slot owner,
    Integer ownerLeftDaysBeforeEnd,
    Boolean ownerHasMandate,
    int pilotStart,
    Integer pilotEnd,
    String status,
    List<Course> courses,
    String signalsCell,
    List<String> signalActions,
    Double practiceHoursPerWeek,
    Integer followUpEveryDays,
    Kpi kpi,
    Behaviour behaviour,
    Learning learning,
    FollowUps followUps,
    Outsiders outsiders,
    String expectedVerdict,
    List<String> expectedFlags) {

  Story {
    requireNonNull(key, "key is null");
    requireNonNull(name, "name is null");
    targets = List.copyOf(targets);
    requireNonNull(status, "status is null");
    courses = List.copyOf(courses);
    requireNonNull(signalsCell, "signalsCell is null");
    signalActions = List.copyOf(signalActions);
    requireNonNull(behaviour, "behaviour is null");
    requireNonNull(learning, "learning is null");
    requireNonNull(followUps, "followUps is null");
    requireNonNull(outsiders, "outsiders is null");
    requireNonNull(expectedVerdict, "expectedVerdict is null");
    expectedFlags = List.copyOf(expectedFlags);
  }

  boolean stopped() {
    return status.equals("stopped");
  }

  /** A person by unit and slot. */
  record Slot(String localPath, int slot) {
    Slot {
      requireNonNull(localPath, "localPath is null");
    }
  }

  record Course(String id, String name, double hours, boolean certifiable) {
    Course {
      requireNonNull(id, "id is null");
      requireNonNull(name, "name is null");
    }
  }

  /**
   * The KPI the initiative should move, observed per case in each target unit of 8 or more
   * people on working days: log-normal around a median that moves from {@code before} at
   * pilot_start to {@code after} at pilot_end.
   *
   * @param direction the register's kpi_direction cell, or null to leave it empty (the default)
   * @param decimals decimals of the written value
   */
  record Kpi(String name, String direction, double before, double after, double sigma, String unitIdPrefix,
      int decimals) {
    Kpi {
      requireNonNull(name, "name is null");
      requireNonNull(unitIdPrefix, "unitIdPrefix is null");
    }
  }

  /**
   * How the target people take it up. Shares are exact (rounded) counts of the target group.
   *
   * @param trainedShare share of target people who complete a course
   * @param adoptIfTrained share of the trained who start using it
   * @param adoptIfUntrained share of the untrained who start using it anyway
   * @param pilotDaily chance per working day at work that an adopter uses it during the pilot
   * @param keepShare share of adopters who keep using it after the pilot
   * @param postDaily the keepers' chance per working day after the pilot
   * @param lapsedDaily the others' chance per working day once their use has faded
   * @param fadeDays how long the others' use takes to fade after the pilot
   */
  record Behaviour(double trainedShare, double adoptIfTrained, double adoptIfUntrained, double pilotDaily,
      double keepShare, double postDaily, double lapsedDaily, int fadeDays) {}

  /**
   * Learning activities: weekly practice logged per person, and group sessions.
   *
   * @param practiceShare chance that a person logs practice in a given week
   * @param practiceHours mean hours of a logged practice week
   * @param sessionEveryWeeks 0 for no sessions
   * @param sessionActivities activities of the sessions, in rotation
   * @param attendance chance that a target person attends a session
   */
  record Learning(double practiceShare, double practiceHours, int sessionEveryWeeks, List<String> sessionActivities,
      double attendance) {
    Learning {
      sessionActivities = List.copyOf(sessionActivities);
    }

    static Learning none() {
      return new Learning(0, 0, 0, List.of(), 0);
    }
  }

  /**
   * Follow-up reviews at the register's cadence (skipping July), or none.
   *
   * @param forum null for no follow-ups
   * @param maturityFrom maturity at the first review
   * @param maturityTo maturity at the last review up to D
   * @param notes notes in rotation
   */
  record FollowUps(String forum, int maturityFrom, int maturityTo, List<String> notes) {
    FollowUps {
      notes = List.copyOf(notes);
    }

    static FollowUps none() {
      return new FollowUps(null, 0, 0, List.of());
    }
  }

  /**
   * People outside the target units who use it now and then, and whether a consultant who is not
   * in the roster does too.
   */
  record Outsiders(List<String> units, int perUnit, double daily, boolean consultant) {
    Outsiders {
      units = List.copyOf(units);
    }

    static Outsiders none() {
      return new Outsiders(List.of(), 0, 0, false);
    }
  }
}
