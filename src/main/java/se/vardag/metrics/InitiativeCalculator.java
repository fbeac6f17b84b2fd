package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.vardag.facts.DaySet;
import se.vardag.model.Initiative;

/**
 * Computes the figures of SPEC section 3 for one initiative, for one or more as-of days, from
 * its facts: the employees whose org unit matches its targets (with hire and leave dates), their
 * earliest training in one of its courses, the days on which anyone used it (per person, as day
 * sets), its learning activities, follow-ups and KPI observations. Plain Java: Spark hands each
 * initiative's facts to one instance (see {@link Facts}); the tests feed it directly.
 *
 * <p>All days are epoch days; D is an as-of day; periods are inclusive.
 */
public final class InitiativeCalculator {
  static final int WINDOW = 28;
  static final int WEEKS = 12;
  static final int NINETY = 90;

  private static final class Person {
    String orgUnit;
    int hired;
    int left = Integer.MAX_VALUE;
    int trainingDay = Integer.MAX_VALUE;
    final DaySet days = new DaySet();
    DaySet spread;
    List<double[]> learning;
  }

  private final Initiative initiative;
  private final Map<Long, Person> people = new HashMap<>();
  private final List<int[]> sessions = new ArrayList<>();
  private final List<int[]> followUps = new ArrayList<>();
  private final Map<Long, double[]> outcomes = new TreeMap<>();

  public InitiativeCalculator(Initiative initiative) {
    this.initiative = requireNonNull(initiative, "initiative is null");
  }

  private Person person(long pid) {
    return people.computeIfAbsent(pid, k -> new Person());
  }

  /** An employee whose org unit matches one of the targets. {@code left} null while employed. */
  public void target(long pid, String orgUnit, int hired, Integer left) {
    Person p = person(pid);
    p.orgUnit = requireNonNull(orgUnit, "orgUnit is null");
    p.hired = hired;
    p.left = left == null ? Integer.MAX_VALUE : left;
  }

  /** A completion of one of the initiative's courses; the earliest counts. */
  public void training(long pid, int completedOn) {
    Person p = person(pid);
    p.trainingDay = Math.min(p.trainingDay, completedOn);
  }

  /** Days on which {@code pid} had an event signalling the initiative: word {@code firstWord + k} is {@code words[k]}. */
  public void activity(long pid, int firstWord, long[] words) {
    person(pid).days.or(firstWord, words);
  }

  /** A learning activity of the initiative: workshop, peer_learning, practice or coaching. */
  public void learning(long pid, String activity, int heldOn, double hours) {
    Person p = person(pid);
    if (p.learning == null) {
      p.learning = new ArrayList<>(4);
    }
    p.learning.add(new double[] {heldOn, hours});
    int kind = activity.equals("workshop") ? 1 : activity.equals("peer_learning") ? 2 : activity.equals("coaching") ? 3 : 0;
    if (kind > 0) {
      sessions.add(new int[] {heldOn, kind});
    }
  }

  /** A follow-up held in governance; {@code maturity} 1–5 or null. */
  public void followUp(int heldOn, Integer maturity) {
    followUps.add(new int[] {heldOn, maturity == null ? 0 : maturity});
  }

  /** An observation of the initiative's KPI in a matching org unit; {@code rowId} identifies it. */
  public void outcome(long rowId, int observedOn, double value) {
    outcomes.put(rowId, new double[] {observedOn, value});
  }

  /** The figures as of each day in {@code asOfDays}. */
  public List<Result> compute(int[] asOfDays) {
    for (Person p : people.values()) {
      p.spread = p.days.spread(6);
    }
    List<Result> out = new ArrayList<>(asOfDays.length);
    for (int d : asOfDays) {
      out.add(computeFor(d));
    }
    return out;
  }

  /** The figures for one D: the initiative's, its units' (before suppression) and 12 weekly counts. */
  public record Result(Adoption adoption, List<UnitFigures> units, long[] weeklyActive) {}

  private Result computeFor(int d) {
    int w28 = d - (WINDOW - 1);
    long population = 0;
    long trained = 0;
    long active = 0;
    long sustained = 0;
    long trainedNotUsing = 0;
    long trainedNotUsingBase = 0;
    long currentWau = 0;
    long outside = 0;
    double practiceHours = 0;
    double[] firstUse = new double[people.size()];
    int firstUseCount = 0;
    long[] weekly = new long[WEEKS];
    Map<String, long[]> units = new TreeMap<>();

    // Pilot peak: d' from pilot_start+6 to min(pilot_end, D); a pilot shorter than 7 days uses its own span.
    int start = initiative.pilotStart();
    Integer end = initiative.pilotEnd();
    boolean shortPilot = end != null && end - start + 1 < 7;
    int peakLo = start + 6;
    int peakHi = end == null ? d : Math.min(end, d);
    boolean peakDefined = shortPilot ? d >= end : peakLo <= peakHi;
    int[] peakCounts = !shortPilot && peakDefined ? new int[peakHi - peakLo + 1] : null;
    long shortPilotActive = 0;

    for (Person p : people.values()) {
      boolean target = p.orgUnit != null && p.hired <= d && p.left > d;
      if (!target) {
        if (p.days.anyIn(w28, d)) {
          outside++;
        }
        continue;
      }
      population++;
      long[] unit = units.computeIfAbsent(p.orgUnit, k -> new long[4]);
      unit[0]++;
      boolean isTrained = p.trainingDay <= d;
      // The start date: the training date, or pilot_start when later (nobody uses it before the pilot).
      int startDay = Math.max(p.trainingDay, start);
      if (isTrained) {
        trained++;
        unit[1]++;
        int first = p.days.firstIn(startDay, d);
        if (first != Integer.MIN_VALUE) {
          firstUse[firstUseCount++] = first - startDay;
        }
      }
      boolean active28 = p.days.anyIn(w28, d);
      if (active28) {
        active++;
        unit[2]++;
      }
      int buckets = 0;
      for (int b = 0; b < 4; b++) {
        if (p.days.anyIn(d - 7 * b - 6, d - 7 * b)) {
          buckets++;
          if (b == 0) {
            currentWau++;
          }
        }
      }
      if (buckets >= 3) {
        sustained++;
        unit[3]++;
      }
      if (isTrained && startDay <= d - WINDOW) {
        trainedNotUsingBase++;
        if (!active28) {
          trainedNotUsing++;
        }
      }
      for (int k = 0; k < WEEKS; k++) {
        int weekEnd = d - 7 * k;
        if (p.days.anyIn(weekEnd - 6, weekEnd)) {
          weekly[k]++;
        }
      }
      if (peakDefined) {
        if (shortPilot) {
          if (p.days.anyIn(start, end)) {
            shortPilotActive++;
          }
        } else {
          int[] counts = peakCounts;
          p.spread.forEachIn(peakLo, peakHi, day -> counts[day - peakLo]++);
        }
      }
      if (p.learning != null) {
        for (double[] l : p.learning) {
          if (l[0] >= w28 && l[0] <= d) {
            practiceHours += l[1];
          }
        }
      }
    }

    Long pilotPeak = null;
    if (peakDefined) {
      if (shortPilot) {
        pilotPeak = shortPilotActive;
      } else {
        long max = 0;
        for (int c : peakCounts) {
          max = Math.max(max, c);
        }
        pilotPeak = max;
      }
    }

    Set<Long> distinctSessions = new HashSet<>();
    for (int[] s : sessions) {
      if (s[0] >= d - (NINETY - 1) && s[0] <= d) {
        distinctSessions.add((long) s[0] * 4 + s[1]);
      }
    }

    Integer lastFollowUp = null;
    Integer lastMaturity = null;
    int lastMaturityDay = Integer.MIN_VALUE;
    long followUps90 = 0;
    for (int[] f : followUps) {
      if (f[0] > d) {
        continue;
      }
      if (lastFollowUp == null || f[0] > lastFollowUp) {
        lastFollowUp = f[0];
      }
      if (f[1] > 0 && (f[0] > lastMaturityDay || (f[0] == lastMaturityDay && f[1] > lastMaturity))) {
        lastMaturityDay = f[0];
        lastMaturity = f[1];
      }
      if (f[0] >= d - (NINETY - 1)) {
        followUps90++;
      }
    }

    double[] baseline = new double[outcomes.size()];
    int baselineCount = 0;
    double[] current = new double[outcomes.size()];
    int currentCount = 0;
    for (double[] o : outcomes.values()) {
      int day = (int) o[0];
      if (day >= start - NINETY && day <= start - 1) {
        baseline[baselineCount++] = o[1];
      }
      if (day >= w28 && day <= d) {
        current[currentCount++] = o[1];
      }
    }
    double[] currentValues = java.util.Arrays.copyOf(current, currentCount);
    Double baselineMedian = Median.of(baseline, baselineCount);
    Double currentMedian = Median.of(current, currentCount);
    long improved = 0;
    if (baselineMedian != null) {
      for (double v : currentValues) {
        if (initiative.lowerIsBetter() ? v < baselineMedian : v > baselineMedian) {
          improved++;
        }
      }
    }

    Adoption adoption = new Adoption(d, population, trained, active, sustained, trainedNotUsing,
        trainedNotUsingBase, Median.of(firstUse, firstUseCount), currentWau, pilotPeak, practiceHours,
        distinctSessions.size(), lastFollowUp, followUps90, lastMaturity, baselineMedian, baselineCount,
        currentMedian, currentCount, improved, outside);
    List<UnitFigures> unitFigures = new ArrayList<>(units.size());
    units.forEach((name, c) -> unitFigures.add(new UnitFigures(name, c[0], c[1], c[2], c[3], null)));
    return new Result(adoption, unitFigures, weekly);
  }
}
