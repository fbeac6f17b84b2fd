package se.vardag.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one day's usage file. Each day draws from its own random stream, seeded from (seed,
 * day), so days can be written in parallel in any order and still give the same bytes.
 *
 * <p>Rows are written as bytes, not through a CSV printer, for speed: none of their values can
 * need quoting (timestamps, employee ids, and source/action names checked by {@link ActionCatalog}
 * to hold no comma or quote).
 */
final class UsageWriter {
  static final String HEADER = "event_time,employee_id,source,action,count";

  private static final long STREAM_USAGE = 4;
  private static final double SICK = 0.035;
  private static final double CHECKS_MAIL_ON_HOLIDAY = 0.02;
  private static final double NEAR_MIDNIGHT = 0.004;
  private static final int WORKDAY_SECONDS = 8 * 3600 + 1800;

  private static final int SECOND_SHIFT = 46;
  private static final int PERSON_SHIFT = 24;
  private static final int ACTION_SHIFT = 8;

  /** Where a deliberately broken row went (line 1 is the header). */
  record Result(long rows, long badRowLine) {}

  private final GeneratorOptions options;
  private final Workforce workforce;
  private final ActionCatalog catalog;
  private final int people;
  private final byte[][] ids;
  private final UnitKind[] kinds;
  private final long[] hired;
  private final long[] left;
  private final Adoption.Membership[][] memberships;
  private final int mailRead;

  UsageWriter(GeneratorOptions options, Workforce workforce, Adoption adoption, ActionCatalog catalog) {
    this.options = requireNonNull(options, "options is null");
    this.workforce = requireNonNull(workforce, "workforce is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    List<Person> list = workforce.people();
    List<Adoption.Consultant> consultants = adoption.consultants();
    people = list.size();
    int n = people + consultants.size();
    if (n >= (1 << (SECOND_SHIFT - PERSON_SHIFT))) {
      throw new IllegalArgumentException("Cannot pack events for " + n + " people");
    }
    ids = new byte[n][];
    kinds = new UnitKind[people];
    hired = new long[people];
    left = new long[people];
    memberships = new Adoption.Membership[n][];
    for (Person p : list) {
      int i = p.index();
      ids[i] = p.employeeId().getBytes(UTF_8);
      kinds[i] = p.unit().kind();
      hired[i] = p.hiredOn().toEpochDay();
      left[i] = p.leftOn() == null ? Long.MAX_VALUE : p.leftOn().toEpochDay();
      memberships[i] = adoption.memberships(i).toArray(new Adoption.Membership[0]);
    }
    for (int c = 0; c < consultants.size(); c++) {
      ids[people + c] = consultants.get(c).employeeId().getBytes(UTF_8);
      memberships[people + c] = new Adoption.Membership[] {consultants.get(c).membership()};
    }
    mailRead = catalog.idOf("outlook:mail.read");
  }

  static String fileName(LocalDate day) {
    return "usage-" + day + ".csv";
  }

  /**
   * Writes the day's file.
   *
   * @param breakOneRow leave one row's action empty (a contract-breaking row for data-samples)
   */
  Result write(LocalDate day, Path file, boolean breakOneRow) throws IOException {
    long[] events = events(day);
    int n = events.length;
    long badIndex = breakOneRow && n > 0 ? Math.min(n - 1, 99) : -1;
    DayFormat fmt = new DayFormat(day, options.zone().getRules());
    try (OutputStream out = Files.newOutputStream(file)) {
      Buffer buf = new Buffer(out);
      buf.put((HEADER + "\n").getBytes(UTF_8));
      for (int k = 0; k < n; k++) {
        long e = events[k];
        int second = (int) (e >>> SECOND_SHIFT);
        int person = (int) ((e >>> PERSON_SHIFT) & ((1 << (SECOND_SHIFT - PERSON_SHIFT)) - 1));
        int action = (int) ((e >>> ACTION_SHIFT) & 0xFFFF);
        int count = (int) (e & 0xFF);
        fmt.timestamp(buf, second);
        buf.put((byte) ',');
        buf.put(ids[person]);
        buf.put((byte) ',');
        byte[] columns = catalog.columns(action);
        if (k == badIndex) {
          // The source and its comma, but no action.
          int comma = 0;
          while (columns[comma] != ',') {
            comma++;
          }
          buf.put(columns, comma + 1);
        } else {
          buf.put(columns, columns.length);
        }
        buf.put((byte) ',');
        buf.putInt(count);
        buf.put((byte) '\n');
      }
      buf.flush();
    }
    return new Result(n, badIndex < 0 ? -1 : badIndex + 2);
  }

  /** The day's events, sorted by time (then person, action). */
  long[] events(LocalDate day) {
    SplittableRandom rng = Rng.stream(options.seed(), STREAM_USAGE, day.toEpochDay());
    long epochDay = day.toEpochDay();
    boolean workingDay = SwedishCalendar.isWorkingDay(day);
    int isoWeek = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    Events ev = new Events(Math.max(1024, people * 8));
    for (int i = 0; i < people; i++) {
      if (hired[i] > epochDay || left[i] <= epochDay) {
        continue;
      }
      Person p = workforce.person(i);
      boolean away = workingDay && workforce.onVacation(i, day, isoWeek);
      if (workingDay && !away) {
        if (rng.nextDouble() < SICK) {
          continue;
        }
        atWork(ev, p, epochDay, rng);
      } else {
        double chance = away ? CHECKS_MAIL_ON_HOLIDAY : offDayChance(kinds[i]);
        if (rng.nextDouble() < chance) {
          int n = 1 + rng.nextInt(3);
          for (int k = 0; k < n; k++) {
            int action = away ? mailRead : catalog.noise(kinds[i], rng);
            ev.add(8 * 3600 + rng.nextInt(14 * 3600), i, action, catalog.count(action, rng));
          }
        }
      }
    }
    if (workingDay) {
      for (int c = people; c < ids.length; c++) {
        Adoption.Membership m = memberships[c][0];
        if (rng.nextDouble() < m.dailyChance(epochDay)) {
          ev.add(9 * 3600 + rng.nextInt(7 * 3600), c, m.actionIds[rng.nextInt(m.actionIds.length)], 1);
        }
      }
    }
    long[] out = ev.toArray();
    Arrays.sort(out);
    return out;
  }

  private void atWork(Events ev, Person p, long epochDay, SplittableRandom rng) {
    int i = p.index();
    int n = (int) Math.round(p.activity() * (4 + rng.nextInt(7)));
    int start = p.dayStartSecond();
    for (int k = 0; k < n; k++) {
      int action = catalog.noise(kinds[i], rng);
      ev.add(start + rng.nextInt(WORKDAY_SECONDS), i, action, catalog.count(action, rng));
    }
    for (Adoption.Membership m : memberships[i]) {
      double chance = m.dailyChance(epochDay);
      if (chance > 0 && rng.nextDouble() < chance) {
        int uses = 1 + rng.nextInt(3);
        for (int k = 0; k < uses; k++) {
          int action = m.actionIds[rng.nextInt(m.actionIds.length)];
          ev.add(start + rng.nextInt(WORKDAY_SECONDS), i, action, catalog.count(action, rng));
        }
      }
    }
    if (rng.nextDouble() < NEAR_MIDNIGHT) {
      // A late evening or a very early start: within twenty minutes of midnight.
      int second = rng.nextBoolean() ? 24 * 3600 - 1 - rng.nextInt(1200) : rng.nextInt(1200);
      int action = catalog.noise(kinds[i], rng);
      ev.add(second, i, action, 1);
    }
  }

  /** On weekends and holidays: on-call operations, weekend shifts in customer service, a few others. */
  private static double offDayChance(UnitKind kind) {
    switch (kind) {
      case OPERATIONS:
        return 0.25;
      case CUSTOMER_SERVICE:
        return 0.05;
      case SERVICE_DESK:
      case MANAGEMENT:
        return 0.04;
      default:
        return 0.015;
    }
  }

  /** A growable array of packed events: second, person, action, count in one long. */
  private static final class Events {
    private long[] a;
    private int n;

    Events(int capacity) {
      a = new long[capacity];
    }

    void add(int second, int person, int action, int count) {
      if (n == a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = ((long) second << SECOND_SHIFT) | ((long) person << PERSON_SHIFT)
          | ((long) action << ACTION_SHIFT) | Math.min(count, 255);
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** The day's "YYYY-MM-DDT" and offsets, and the time formatting of one row. */
  private static final class DayFormat {
    private final LocalDate day;
    private final byte[] datePrefix;
    private final byte[] offset;
    private final ZoneRules rules;
    private final boolean transition;

    DayFormat(LocalDate day, ZoneRules rules) {
      this.day = day;
      this.rules = rules;
      this.datePrefix = (day + "T").getBytes(UTF_8);
      ZoneOffset atNoon = rules.getOffset(day.atTime(12, 0));
      this.offset = atNoon.getId().equals("Z") ? "+00:00".getBytes(UTF_8) : atNoon.getId().getBytes(UTF_8);
      Instant startOfDay = day.atStartOfDay().toInstant(rules.getOffset(day.atStartOfDay()));
      ZoneOffsetTransition next = rules.nextTransition(startOfDay);
      this.transition = next != null && next.getInstant().isBefore(startOfDay.plusSeconds(26 * 3600));
    }

    void timestamp(Buffer buf, int second) throws IOException {
      buf.put(datePrefix);
      int h = second / 3600;
      int m = (second / 60) % 60;
      int s = second % 60;
      buf.put2(h);
      buf.put((byte) ':');
      buf.put2(m);
      buf.put((byte) ':');
      buf.put2(s);
      if (!transition) {
        buf.put(offset);
        return;
      }
      // A day when clocks change: the offset in force at that local time (the earlier one in the
      // repeated hour; no event is placed in the skipped hour).
      List<ZoneOffset> valid = rules.getValidOffsets(day.atTime(LocalTime.ofSecondOfDay(second)));
      ZoneOffset o = valid.isEmpty() ? rules.getOffset(day.atTime(12, 0)) : valid.get(0);
      buf.put((o.getId().equals("Z") ? "+00:00" : o.getId()).getBytes(UTF_8));
    }
  }

  /** A byte buffer flushed to the file in large blocks. */
  private static final class Buffer {
    private final OutputStream out;
    private final byte[] b = new byte[1 << 20];
    private int n;

    Buffer(OutputStream out) {
      this.out = out;
    }

    void put(byte[] bytes) throws IOException {
      put(bytes, bytes.length);
    }

    void put(byte[] bytes, int length) throws IOException {
      if (n + length > b.length) {
        flush();
      }
      System.arraycopy(bytes, 0, b, n, length);
      n += length;
    }

    void put(byte x) throws IOException {
      if (n == b.length) {
        flush();
      }
      b[n++] = x;
    }

    void put2(int v) throws IOException {
      put((byte) ('0' + v / 10));
      put((byte) ('0' + v % 10));
    }

    void putInt(int v) throws IOException {
      if (v >= 100) {
        put((byte) ('0' + v / 100));
      }
      if (v >= 10) {
        put((byte) ('0' + (v / 10) % 10));
      }
      put((byte) ('0' + v % 10));
    }

    void flush() throws IOException {
      out.write(b, 0, n);
      n = 0;
    }
  }
}
