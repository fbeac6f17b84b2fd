package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of initiatives.csv: a story placed on a site, with its dates resolved against the end
 * date and its owner resolved to a person.
 *
 * @param index 0-based position in the register
 * @param targets the target prefixes (full org_unit paths)
 * @param owner null when the register has no owner
 * @param pilotEnd null when the pilot has no end date
 */
record Initiative(int index, String id, Story story, int site, String name, List<String> targets,
    Person owner, LocalDate pilotStart, LocalDate pilotEnd) {

  Initiative {
    requireNonNull(id, "id is null");
    requireNonNull(story, "story is null");
    requireNonNull(name, "name is null");
    targets = List.copyOf(targets);
    requireNonNull(pilotStart, "pilotStart is null");
  }

  /** The i-th initiative's id: INI-001, INI-002, ... */
  static String idOf(int index) {
    return String.format("INI-%03d", index + 1);
  }

  static LocalDate pilotStartOf(Story story, LocalDate end) {
    return end.plusDays(story.pilotStart()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static LocalDate pilotEndOf(Story story, LocalDate end) {
    return story.pilotEnd() == null ? null
        : end.plusDays(story.pilotEnd()).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
  }

  static Initiative of(int index, Story story, int site, Person owner, LocalDate end) {
    String prefix = Organisation.sitePrefix(site);
    List<String> targets = new ArrayList<>();
    for (String t : story.targets()) {
      targets.add(prefix + t);
    }
    String name = site == 0 ? story.name() : story.name() + " (" + Organisation.siteName(site) + ")";
    return new Initiative(index, idOf(index), story, site, name, targets, owner,
        pilotStartOf(story, end), pilotEndOf(story, end));
  }

  /** SPEC section 3: the unit equals a target prefix or lies under it. */
  boolean targets(OrgUnit unit) {
    for (String p : targets) {
      if (unit.path().equals(p) || unit.path().startsWith(p + "/")) {
        return true;
      }
    }
    return false;
  }

  String targetsCell() {
    return String.join(";", targets);
  }
}
