package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The roster: everyone in the organisation's units, a few people who left before the usage
 * period (HR keeps them in the snapshot), joiners and leavers during it, future hires, and each
 * person's holidays. Employee ids follow hiring order, like an HR system's.
 */
final class Workforce {
  /** A person who must leave on a given date (an initiative owner, for a story). */
  record Departure(int site, String localPath, int slot, LocalDate leftOn) {
    Departure {
      requireNonNull(localPath, "localPath is null");
      requireNonNull(leftOn, "leftOn is null");
    }
  }

  private static final long STREAM_PEOPLE = 1;
  private static final long STREAM_VACATION = 2;
  private static final String EMAIL_DOMAIN = "@vardagsverket.example";
  /** Slots 0 (manager) and 1 (typical owner) never join or leave at random. */
  private static final int PROTECTED_SLOTS = 2;
  private static final double LEAVER_SHARE = 0.025;
  private static final double JOINER_SHARE = 0.02;

  private final List<Person> people;
  private final Map<String, Integer> bySlot;
  private final long seed;

  private Workforce(List<Person> people, long seed) {
    this.people = List.copyOf(people);
    this.seed = seed;
    this.bySlot = new HashMap<>();
    for (Person p : people) {
      if (p.slot() >= 0) {
        bySlot.put(slotKey(p.unit().path(), p.slot()), p.index());
      }
    }
  }

  private static String slotKey(String path, int slot) {
    return path + "#" + slot;
  }

  List<Person> people() {
    return people;
  }

  Person person(int index) {
    return people.get(index);
  }

  Optional<Person> atSlot(OrgUnit unit, int slot) {
    Integer i = bySlot.get(slotKey(unit.path(), slot));
    return i == null ? Optional.empty() : Optional.of(people.get(i));
  }

  private static final class Draft {
    final OrgUnit unit;
    final int slot;
    final String first;
    final String last;
    LocalDate hiredOn;
    LocalDate leftOn;
    final double activity;
    final int dayStart;

    Draft(OrgUnit unit, int slot, SplittableRandom rng) {
      this.unit = unit;
      this.slot = slot;
      this.first = SwedishNames.firstName(rng);
      this.last = SwedishNames.lastName(rng);
      this.activity = 0.7 + 0.6 * rng.nextDouble();
      // Between 07:00 and 09:00, on the quarter hour.
      this.dayStart = 7 * 3600 + rng.nextInt(9) * 900;
    }
  }

  static Workforce build(GeneratorOptions options, Organisation org, List<Departure> departures) {
    SplittableRandom rng = Rng.stream(options.seed(), STREAM_PEOPLE);
    LocalDate start = options.startDate();
    LocalDate end = options.endDate();
    List<Draft> drafts = new ArrayList<>();
    Map<String, Draft> slots = new HashMap<>();
    for (OrgUnit unit : org.units()) {
      for (int slot = 0; slot < unit.size(); slot++) {
        Draft d = new Draft(unit, slot, rng);
        double tenureYears = -Math.log(1 - rng.nextDouble()) * (slot == 0 ? 10 : 6);
        if (tenureYears > 30) {
          tenureYears = 5 + 25 * rng.nextDouble();
        }
        d.hiredOn = SwedishCalendar.onOrAfterWorkingDay(start.minusDays(20 + Math.round(tenureYears * 365)));
        drafts.add(d);
        slots.put(slotKey(unit.path(), slot), d);
      }
    }
    Set<Draft> special = new HashSet<>();
    for (int site = 0; site < org.sites(); site++) {
      // Two future hires per site, starting after the end date.
      specialHire(org, site, "Kundtjänst/Team Öst", slots, special,
          SwedishCalendar.onOrAfterWorkingDay(end.plusDays(4)));
      specialHire(org, site, "IT/Drift", slots, special,
          SwedishCalendar.onOrAfterWorkingDay(end.withDayOfMonth(1).plusMonths(2)));
      // Someone who has given notice: left_on is set but after the end date (still employed at D).
      org.unit(site, "Verksamhet/Handläggning").filter(u -> u.size() > PROTECTED_SLOTS + 2).ifPresent(u -> {
        Draft d = slots.get(slotKey(u.path(), u.size() - 2));
        d.leftOn = end.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1);
        special.add(d);
      });
    }
    for (Departure dep : departures) {
      Draft d = slots.get(slotKey(Organisation.sitePrefix(dep.site()) + dep.localPath(), dep.slot()));
      if (d != null) {
        d.leftOn = dep.leftOn();
        special.add(d);
      }
    }
    long span = end.toEpochDay() - start.toEpochDay();
    for (Draft d : drafts) {
      if (d.slot < PROTECTED_SLOTS || special.contains(d) || isFixedSmallUnit(d.unit) || span < 30) {
        continue;
      }
      double r = rng.nextDouble();
      if (r < LEAVER_SHARE) {
        d.leftOn = start.plusDays(7 + rng.nextLong(span - 6));
      } else if (r < LEAVER_SHARE + JOINER_SHARE) {
        d.hiredOn = SwedishCalendar.onOrAfterWorkingDay(start.plusDays(7 + rng.nextLong(span - 20)));
      }
    }
    // Former employees: left before the usage period; HR keeps them in the snapshot.
    int former = Organisation.formerCount(options.employees());
    List<OrgUnit> units = org.units();
    for (int i = 0; i < former; i++) {
      OrgUnit unit = units.get(rng.nextInt(units.size()));
      Draft d = new Draft(unit, -1, rng);
      d.leftOn = start.minusDays(1 + rng.nextInt(700));
      d.hiredOn = d.leftOn.minusDays(200 + rng.nextInt(3000));
      drafts.add(d);
    }
    return assignIds(drafts, slots, org, options.seed());
  }

  private static boolean isFixedSmallUnit(OrgUnit unit) {
    return unit.size() < 5;
  }

  private static void specialHire(Organisation org, int site, String localPath, Map<String, Draft> slots,
      Set<Draft> special, LocalDate hiredOn) {
    org.unit(site, localPath).filter(u -> u.size() > PROTECTED_SLOTS + 1).ifPresent(u -> {
      Draft d = slots.get(slotKey(u.path(), u.size() - 1));
      d.hiredOn = hiredOn;
      special.add(d);
    });
  }

  private static Workforce assignIds(List<Draft> drafts, Map<String, Draft> slots, Organisation org, long seed) {
    List<Draft> order = new ArrayList<>(drafts);
    // Stable sort: hiring order, ties in creation order.
    order.sort(Comparator.comparing(d -> d.hiredOn));
    Map<Draft, Integer> index = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    Set<String> emails = new HashSet<>();
    List<Person> people = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      Draft d = order.get(i);
      Draft manager = managerOf(d, slots, org);
      String local = SwedishNames.emailLocalPart(d.first, d.last);
      String email = local + EMAIL_DOMAIN;
      for (int n = 2; !emails.add(email); n++) {
        email = local + n + EMAIL_DOMAIN;
      }
      people.add(new Person(i, "E" + (1001 + i), d.first, d.last, email, d.unit, d.slot,
          manager == null || manager == d ? -1 : index.get(manager), d.hiredOn, d.leftOn, d.activity, d.dayStart));
    }
    return new Workforce(people, seed);
  }

  /** The unit's manager; for a manager, the head of the parent unit (or of the site, or of site 0). */
  private static Draft managerOf(Draft d, Map<String, Draft> slots, Organisation org) {
    String prefix = Organisation.sitePrefix(d.unit.site());
    if (d.slot != 0) {
      return slots.get(slotKey(d.unit.path(), 0));
    }
    String parent = d.unit.parentLocalPath();
    while (!parent.isEmpty()) {
      Draft head = slots.get(slotKey(prefix + parent, 0));
      if (head == null) {
        head = slots.get(slotKey(prefix + parent + "/Ledning och kvalitet", 0));
      }
      if (head != null && head != d) {
        return head;
      }
      int slash = parent.lastIndexOf('/');
      parent = slash < 0 ? "" : parent.substring(0, slash);
    }
    Draft siteHead = slots.get(slotKey(prefix + "Ledning", 0));
    if (siteHead != null && siteHead != d) {
      return siteHead;
    }
    return d.unit.site() == 0 ? null : slots.get(slotKey("Ledning", 0));
  }

  /**
   * Whether the person is on leave that day: a summer holiday of three to five weeks (most in
   * July), Christmas, a week of sportlov or höstlov, the Friday after Ascension. A pure function
   * of (seed, person, date), so every file agrees on who was away.
   */
  boolean onVacation(int person, LocalDate date, int isoWeek) {
    int year = date.getYear();
    long h = Rng.mix(seed, STREAM_VACATION, person, year);
    int month = date.getMonthValue();
    if (month >= 6 && month <= 8) {
      if ((h & 127) >= 118) {
        return false; // about 8% take no summer holiday
      }
      int w = (int) ((h >>> 7) & 1023) % 100;
      int startWeek = w < 10 ? 26 : w < 40 ? 27 : w < 70 ? 28 : w < 90 ? 29 : 30;
      int l = (int) ((h >>> 17) & 1023) % 100;
      int weeks = l < 25 ? 3 : l < 80 ? 4 : 5;
      return isoWeek >= startWeek && isoWeek < startWeek + weeks;
    }
    if ((month == 12 && date.getDayOfMonth() >= 20) || (month == 1 && date.getDayOfMonth() <= 6)) {
      long hx = month == 12 ? h : Rng.mix(seed, STREAM_VACATION, person, year - 1);
      return ((hx >>> 27) & 127) % 100 < 60;
    }
    if (isoWeek >= 8 && isoWeek <= 10) {
      return ((h >>> 34) & 127) % 100 < 25 && isoWeek == 8 + (int) ((h >>> 41) & 3) % 3;
    }
    if (isoWeek == 44) {
      return ((h >>> 43) & 127) % 100 < 15;
    }
    if (date.getDayOfWeek().getValue() == 5
        && date.minusDays(1).equals(SwedishCalendar.easterSunday(year).plusDays(39))) {
      return ((h >>> 50) & 127) % 100 < 45;
    }
    return false;
  }
}
