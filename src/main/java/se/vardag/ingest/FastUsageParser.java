package se.vardag.ingest;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.vardag.privacy.Pseudonymizer;

/**
 * The fast path of {@link UsageFileParser}: reads a usage file's bytes directly when the whole
 * file has the regular shape the generator and the usual exports write, and gives up (returns
 * null) at the first byte that is anything else. The generic path ({@link ContractFileReader})
 * stays the reference: it is re-run on any file this class gives up on, and it alone produces
 * rejections. This class therefore only accepts what it has fully checked the generic path would
 * accept unchanged:
 *
 * <ul>
 *   <li>the header is exactly {@code event_time,employee_id,source,action,count} at the first
 *       byte (no byte order mark, no other case, order, spacing or extra column), ended by LF or
 *       CRLF;
 *   <li>every line ends in LF or CRLF (the last may end at the end of the file), is not blank, and
 *       holds only bytes 0x20–0x7E, no double quote and exactly four commas;
 *   <li>every field is non-empty, at most {@code maxFieldChars} long, and starts and ends with a
 *       non-space (so trimming would change nothing: the other characters {@link Values#trim}
 *       removes, tab, other controls, Unicode spaces and format characters, are bytes this path
 *       never accepts, so any line holding one, at a field's edge or not, goes to the generic path);
 *   <li>event_time is exactly what {@link Values#timestampDay} accepts (the same grammar, ranges,
 *       calendar and offsets) and not after the run's last accepted day (events in the future are
 *       rejected), and count is 1 to 10 digits within int range.
 * </ul>
 *
 * For such a file the result equals the generic path's: the same day resolution, pseudonyms,
 * {@link Locale#ROOT} lower-casing (plain A–Z for ASCII), counts and sorted bits. It also gives up
 * in the (unrealistic) case that the distinct pids, names and the day span need more than 63 bits
 * together (see {@link #bits}). Not thread-safe; one instance per file.
 *
 * <p>Why one file of ~650 lines: it is one hand-written scanner whose states share the cursor, the
 * line's field offsets and the give-up rule; split, each part would have to re-establish what the
 * previous one checked, and the proof above (that it accepts only what the generic path accepts
 * unchanged) would have to be read across files. It is the hottest loop of an initial load.
 */
final class FastUsageParser {
  static final byte[] HEADER = "event_time,employee_id,source,action,count".getBytes(US_ASCII);

  private static final long BAD = Long.MIN_VALUE;

  private static final byte ORDINARY = 0;
  private static final byte COMMA = 1;
  private static final byte LF = 2;
  private static final byte CR = 3;
  private static final byte IRREGULAR = 4;
  /** What each byte value is to the line scanner. */
  private static final byte[] KIND = new byte[256];

  static {
    Arrays.fill(KIND, IRREGULAR);
    for (int c = 0x20; c <= 0x7E; c++) {
      KIND[c] = ORDINARY;
    }
    KIND[','] = COMMA;
    KIND['"'] = IRREGULAR;
    KIND['\n'] = LF;
    KIND['\r'] = CR;
  }

  private final byte[] buf;
  private final int len;
  private final Values.DayResolver zone;
  private final int maxFieldChars;
  private final Pseudonymizer pseudonyms;

  /** Exact employee id bytes → interner id; {@code pids[id]} is its pseudonym. */
  private final ByteInterner employees;
  private long[] pids = new long[1024];
  /** Exact source / action bytes → id of the lower-cased string in {@link #lowerStrings}. */
  private final ByteInterner sources;
  private final ByteInterner actions;
  private int[] sourceLower = new int[64];
  private int[] actionLower = new int[256];
  private final Map<String, Integer> lowerIds = new HashMap<>();
  private final List<String> lowerStrings = new ArrayList<>();

  /** Per row with count ≥ 1: its employee (interner id), lower-cased source and action, and day. */
  private int[] rowEmployee;
  private int[] rowSource;
  private int[] rowAction;
  private int[] rowDay;
  private int activeRows;

  /** The last date prefix (YYYY-MM-DD) seen and its epoch day. */
  private final byte[] lastDate = new byte[10];
  private boolean lastDateValid;
  private long lastEpochDay;

  private FastUsageParser(byte[] buf, int len, Values.DayResolver zone, int maxFieldChars, Pseudonymizer pseudonyms) {
    this.buf = buf;
    this.len = len;
    this.zone = zone;
    this.maxFieldChars = maxFieldChars;
    this.pseudonyms = pseudonyms;
    this.employees = new ByteInterner(buf);
    this.sources = new ByteInterner(buf);
    this.actions = new ByteInterner(buf);
    int rows = Math.max(16, len / 40);
    rowEmployee = new int[rows];
    rowSource = new int[rows];
    rowAction = new int[rows];
    rowDay = new int[rows];
  }

  /**
   * The result of the first {@code len} bytes of {@code buf} as a whole usage file, or null when
   * the file is not regular (then only the generic path may read it). {@code zone}'s cache is
   * used; pass a fresh resolver if the caller's must stay untouched.
   */
  static UsageFileParser.Result parse(byte[] buf, int len, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms) {
    return parse(buf, len, zone, maxFieldChars, pseudonyms, UsageFileParser.NO_FUTURE_LIMIT);
  }

  /**
   * {@link #parse}, giving up (null) at the first row dated after {@code lastDay}: rows in the
   * future are rejected, and only the generic path rejects.
   */
  static UsageFileParser.Result parse(byte[] buf, int len, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms, int lastDay) {
    FastUsageParser p = new FastUsageParser(buf, len, zone, maxFieldChars, pseudonyms);
    p.lastDay = lastDay;
    return p.run();
  }

  /** The last event day accepted; a later row makes the file irregular. */
  private int lastDay = UsageFileParser.NO_FUTURE_LIMIT;

  private UsageFileParser.Result run() {
    int h = HEADER.length;
    if (len <= h || !Arrays.equals(buf, 0, h, HEADER, 0, h)) {
      return null;
    }
    int p;
    if (buf[h] == '\n') {
      p = h + 1;
    } else if (buf[h] == '\r' && h + 1 < len && buf[h + 1] == '\n') {
      p = h + 2;
    } else {
      return null;
    }
    UsageFileParser.Result result = new UsageFileParser.Result();
    final byte[] b = buf;
    final int n = len;
    long rows = 0;
    long events = 0;
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    while (p < n) {
      int lineStart = p;
      int c1 = -1;
      int c2 = -1;
      int c3 = -1;
      int c4 = -1;
      int commas = 0;
      int lineEnd;
      while (true) {
        // Ordinary bytes (0x20–0x7E but comma and double quote) are skipped with one table look-up.
        while (p < n && KIND[b[p] & 0xFF] == ORDINARY) {
          p++;
        }
        if (p == n) {
          lineEnd = n;
          break;
        }
        byte kind = KIND[b[p] & 0xFF];
        if (kind == COMMA) {
          switch (commas) {
            case 0:
              c1 = p;
              break;
            case 1:
              c2 = p;
              break;
            case 2:
              c3 = p;
              break;
            case 3:
              c4 = p;
              break;
            default:
              return null;
          }
          commas++;
          p++;
        } else if (kind == LF) {
          lineEnd = p++;
          break;
        } else if (kind == CR && p + 1 < n && b[p + 1] == '\n') {
          lineEnd = p;
          p += 2;
          break;
        } else {
          return null; // a double quote, a lone CR, a control byte, DEL or a byte ≥ 0x80
        }
      }
      if (commas != 4) {
        return null; // also a blank line
      }
      // Fields: [lineStart, c1) [c1+1, c2) [c2+1, c3) [c3+1, c4) [c4+1, lineEnd)
      if (!plain(b, lineStart, c1) || !plain(b, c1 + 1, c2) || !plain(b, c2 + 1, c3) || !plain(b, c3 + 1, c4)
          || !plain(b, c4 + 1, lineEnd)) {
        return null;
      }
      long count = count(b, c4 + 1, lineEnd);
      if (count == BAD) {
        return null;
      }
      long dayOrBad = eventDay(b, lineStart, c1);
      if (dayOrBad == BAD || dayOrBad > lastDay) {
        return null; // what the generic path would reject, a row in the future included
      }
      rows++;
      events += count;
      if (count == 0) {
        continue;
      }
      int day = (int) dayOrBad;
      int e = activeRows++;
      if (e == rowDay.length) {
        grow();
      }
      rowEmployee[e] = employee(c1 + 1, c2);
      rowSource[e] = lower(sources, c2 + 1, c3, true);
      rowAction[e] = lower(actions, c3 + 1, c4, false);
      rowDay[e] = day;
      if (day < minDay) {
        minDay = day;
      }
      if (day > maxDay) {
        maxDay = day;
      }
    }
    result.rowsRead = rows;
    result.rowsRejected = 0;
    result.events = events;
    result.minDay = minDay;
    result.maxDay = maxDay;
    return bits(result) ? result : null;
  }

  private void grow() {
    int size = rowDay.length * 2;
    rowEmployee = Arrays.copyOf(rowEmployee, size);
    rowSource = Arrays.copyOf(rowSource, size);
    rowAction = Arrays.copyOf(rowAction, size);
    rowDay = Arrays.copyOf(rowDay, size);
  }

  /**
   * Fills {@code result.bits} from the rows, in the generic path's order (pid, source, action,
   * word index), without a hash map or a comparator: each row becomes one long of ranks, (pid
   * rank, source rank, action rank, day − first day), whose numeric order is that order; after
   * sorting, the rows of one fact are adjacent. Ranks come from the sorted distinct pids (so two
   * ids with the same pseudonym make one fact, as in the generic path) and the sorted distinct
   * lower-cased names. Returns false when the ranks do not fit in 63 bits (then the caller falls
   * back to the generic path).
   */
  private boolean bits(UsageFileParser.Result result) {
    if (activeRows == 0) {
      return true;
    }
    // Distinct pids, sorted as Long.compare sorts them.
    int employeeCount = employees.size();
    long[] sortedPids = Arrays.copyOf(pids, employeeCount);
    Arrays.sort(sortedPids);
    int distinctPids = 0;
    for (int i = 0; i < employeeCount; i++) {
      if (i == 0 || sortedPids[i] != sortedPids[i - 1]) {
        sortedPids[distinctPids++] = sortedPids[i];
      }
    }
    int[] pidRank = new int[employeeCount];
    for (int i = 0; i < employeeCount; i++) {
      pidRank[i] = Arrays.binarySearch(sortedPids, 0, distinctPids, pids[i]);
    }
    // Lower-cased names, sorted as String.compareTo sorts them (sources and actions share ranks).
    int names = lowerStrings.size();
    String[] sortedNames = lowerStrings.toArray(new String[0]);
    Arrays.sort(sortedNames);
    int[] nameRank = new int[names];
    for (int i = 0; i < names; i++) {
      nameRank[i] = Arrays.binarySearch(sortedNames, lowerStrings.get(i));
    }
    int firstDay = result.minDay;
    int dayBits = bitsFor((long) result.maxDay - firstDay + 1);
    int nameBits = bitsFor(names);
    int pidBits = bitsFor(distinctPids);
    if (pidBits + 2 * nameBits + dayBits > 63) {
      return false;
    }
    int actionShift = dayBits;
    int sourceShift = actionShift + nameBits;
    int pidShift = sourceShift + nameBits;
    long[] packed = new long[activeRows];
    for (int e = 0; e < activeRows; e++) {
      packed[e] = ((long) pidRank[rowEmployee[e]] << pidShift) | ((long) nameRank[rowSource[e]] << sourceShift)
          | ((long) nameRank[rowAction[e]] << actionShift) | (rowDay[e] - firstDay);
    }
    radixSort(packed, pidShift + pidBits);
    long dayMask = (1L << dayBits) - 1;
    long nameMask = (1L << nameBits) - 1;
    List<UsageFileParser.Bits> out = new ArrayList<>();
    int e = 0;
    while (e < activeRows) {
      long key = packed[e] >>> dayBits;
      int day = firstDay + (int) (packed[e] & dayMask);
      int word = Math.floorDiv(day, 64);
      long bits = 0;
      while (e < activeRows && packed[e] >>> dayBits == key) {
        day = firstDay + (int) (packed[e] & dayMask);
        if (Math.floorDiv(day, 64) != word) {
          break;
        }
        bits |= 1L << Math.floorMod(day, 64);
        e++;
      }
      out.add(new UsageFileParser.Bits(sortedPids[(int) (key >>> (pidShift - dayBits))],
          sortedNames[(int) ((key >>> (sourceShift - dayBits)) & nameMask)],
          sortedNames[(int) ((key >>> (actionShift - dayBits)) & nameMask)], word, bits));
    }
    result.bits.addAll(out);
    return true;
  }

  /** Sorts non-negative values below 2^bits ascending (LSD radix sort, 11 bits a pass). */
  static void radixSort(long[] a, int bits) {
    long[] src = a;
    long[] dst = new long[a.length];
    int[] offsets = new int[1 << 11];
    for (int shift = 0; shift < bits; shift += 11) {
      Arrays.fill(offsets, 0);
      for (long v : src) {
        offsets[(int) (v >>> shift) & 0x7FF]++;
      }
      int sum = 0;
      for (int i = 0; i < offsets.length; i++) {
        int c = offsets[i];
        offsets[i] = sum;
        sum += c;
      }
      for (long v : src) {
        dst[offsets[(int) (v >>> shift) & 0x7FF]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, a.length);
    }
  }

  /** Bits needed for the values 0 … n − 1 (at least 1). */
  private static int bitsFor(long n) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1));
  }

  /** Non-empty, within the length limit, and no space at either end (trimming changes nothing). */
  private boolean plain(byte[] b, int from, int to) {
    int n = to - from;
    return n > 0 && n <= maxFieldChars && b[from] != ' ' && b[to - 1] != ' ';
  }

  /** 1 to 10 digits within int range (what {@link Values#integer} accepts without a sign), or BAD. */
  private static long count(byte[] b, int from, int to) {
    int n = to - from;
    if (n < 1 || n > 10) {
      return BAD;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return BAD;
      }
      v = v * 10 + d;
    }
    return v > Integer.MAX_VALUE ? BAD : v;
  }

  /** Two digits as a number, or -1. */
  private static int d2(byte[] b, int at) {
    int hi = b[at] - '0';
    int lo = b[at + 1] - '0';
    if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
      return -1;
    }
    return hi * 10 + lo;
  }

  /** A port of {@link Values#timestampDay} to bytes: the epoch day, or BAD where it would throw. */
  private long eventDay(byte[] b, int s, int e) {
    int n = e - s;
    if (n < 16 || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':') {
      return BAD;
    }
    long epochDay;
    if (lastDateValid && Arrays.equals(b, s, s + 10, lastDate, 0, 10)) {
      epochDay = lastEpochDay;
    } else {
      int y1 = d2(b, s);
      int y2 = d2(b, s + 2);
      int month = d2(b, s + 5);
      int day = d2(b, s + 8);
      if (y1 < 0 || y2 < 0 || month < 0 || day < 0) {
        return BAD;
      }
      int year = y1 * 100 + y2;
      if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
        return BAD;
      }
      epochDay = LocalDate.of(year, month, day).toEpochDay();
      System.arraycopy(b, s, lastDate, 0, 10);
      lastEpochDay = epochDay;
      lastDateValid = true;
    }
    int hour = d2(b, s + 11);
    int minute = d2(b, s + 14);
    if (hour < 0 || minute < 0) {
      return BAD;
    }
    int second = 0;
    int i = s + 16;
    if (i < e && b[i] == ':') {
      if (i + 3 > e) {
        return BAD;
      }
      second = d2(b, i + 1);
      if (second < 0) {
        return BAD;
      }
      i += 3;
      if (i < e && (b[i] == '.' || b[i] == ',')) {
        int start = ++i;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
          i++;
        }
        if (i == start || i - start > 9) {
          return BAD;
        }
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return BAD;
    }
    if (i == e) {
      return epochDay; // local time in the configured zone: its date is the event's date
    }
    int offsetSeconds;
    byte sign = b[i];
    if (sign == 'Z' && i + 1 == e) {
      offsetSeconds = 0;
    } else if (sign == '+' || sign == '-') {
      int rest = e - i - 1;
      int oh;
      int om = 0;
      if (rest == 2) {
        oh = d2(b, i + 1);
      } else if (rest == 4) {
        oh = d2(b, i + 1);
        om = d2(b, i + 3);
      } else if (rest == 5 && b[i + 3] == ':') {
        oh = d2(b, i + 1);
        om = d2(b, i + 4);
      } else {
        return BAD;
      }
      if (oh < 0 || om < 0 || oh > 18 || om > 59) {
        return BAD;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
    } else {
      return BAD;
    }
    long epochSecond = epochDay * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return zone.epochDay(epochSecond);
  }

  /** The interner id of the employee id in bytes [from, to); its pseudonym is then in {@link #pids}. */
  private int employee(int from, int to) {
    int before = employees.size();
    int id = employees.intern(from, to);
    if (id == before) {
      if (id == pids.length) {
        pids = Arrays.copyOf(pids, id * 2);
      }
      pids[id] = pseudonyms.id(new String(buf, from, to - from, US_ASCII));
    }
    return id;
  }

  /** The id of the lower-cased value of bytes [from, to) in {@link #lowerStrings}. */
  private int lower(ByteInterner interner, int from, int to, boolean source) {
    int before = interner.size();
    int id = interner.intern(from, to);
    int[] map = source ? sourceLower : actionLower;
    if (id == before) {
      if (id == map.length) {
        map = Arrays.copyOf(map, id * 2);
        if (source) {
          sourceLower = map;
        } else {
          actionLower = map;
        }
      }
      String lower = new String(buf, from, to - from, US_ASCII).toLowerCase(Locale.ROOT);
      Integer known = lowerIds.get(lower);
      if (known == null) {
        known = lowerStrings.size();
        lowerStrings.add(lower);
        lowerIds.put(lower, known);
      }
      map[id] = known;
    }
    return map[id];
  }

  /**
   * Interns byte ranges of one buffer by their exact bytes: the same bytes give the same id (ids
   * are 0, 1, 2 … in order of first appearance). Values of up to 8 bytes are packed into a long
   * (unique, since the fast path passes no zero byte) and kept in one open-addressing table of
   * (key, id) pairs, so a lookup touches neither the buffer nor other arrays; longer values are
   * kept as (start, length) of their first occurrence.
   */
  static final class ByteInterner {
    private final byte[] buf;
    /** Packed short values: key at 2s, id at 2s + 1; key 0 is an empty slot. */
    private long[] shortTable = new long[2 * 256];
    private int shortCount;
    private int[] slots = new int[256];
    private int[] starts = new int[128];
    private int[] lengths = new int[128];
    private int[] hashes = new int[128];
    private int[] ids = new int[128];
    /** Values longer than 8 bytes; entries of starts, lengths, hashes and ids. */
    private int longCount;
    private int size;

    ByteInterner(byte[] buf) {
      this.buf = buf;
    }

    int size() {
      return size;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 29)) & mask;
    }

    private int internShort(long key) {
      long[] table = shortTable;
      int mask = table.length / 2 - 1;
      int at = slot(key, mask);
      while (true) {
        long k = table[2 * at];
        if (k == key) {
          return (int) table[2 * at + 1];
        }
        if (k == 0) {
          break;
        }
        at = (at + 1) & mask;
      }
      int id = size++;
      table[2 * at] = key;
      table[2 * at + 1] = id;
      if (++shortCount * 2 > mask + 1) {
        long[] bigger = new long[table.length * 2];
        int m = bigger.length / 2 - 1;
        for (int s = 0; s < table.length / 2; s++) {
          if (table[2 * s] != 0) {
            int a = slot(table[2 * s], m);
            while (bigger[2 * a] != 0) {
              a = (a + 1) & m;
            }
            bigger[2 * a] = table[2 * s];
            bigger[2 * a + 1] = table[2 * s + 1];
          }
        }
        shortTable = bigger;
      }
      return id;
    }

    /** Whether the bytes at a and b are the same for length bytes (short values: a plain loop). */
    private boolean same(int a, int b, int length) {
      for (int i = 0; i < length; i++) {
        if (buf[a + i] != buf[b + i]) {
          return false;
        }
      }
      return true;
    }

    int intern(int from, int to) {
      int length = to - from;
      if (length <= 8) {
        long key = 0;
        for (int i = from; i < to; i++) {
          key = (key << 8) | (buf[i] & 0xFF);
        }
        return internShort(key);
      }
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + buf[i];
      }
      h ^= h >>> 16;
      h *= 0x45D9F3B;
      h ^= h >>> 16;
      int mask = slots.length - 1;
      int at = h & mask;
      while (true) {
        int e = slots[at] - 1;
        if (e < 0) {
          break;
        }
        if (hashes[e] == h && lengths[e] == length && same(starts[e], from, length)) {
          return ids[e];
        }
        at = (at + 1) & mask;
      }
      int e = longCount++;
      if (e == starts.length) {
        starts = Arrays.copyOf(starts, e * 2);
        lengths = Arrays.copyOf(lengths, e * 2);
        hashes = Arrays.copyOf(hashes, e * 2);
        ids = Arrays.copyOf(ids, e * 2);
      }
      int id = size++;
      starts[e] = from;
      lengths[e] = length;
      hashes[e] = h;
      ids[e] = id;
      slots[at] = e + 1;
      if (longCount * 2 > slots.length) {
        slots = new int[slots.length * 2];
        int m = slots.length - 1;
        for (int k = 0; k < longCount; k++) {
          int x = hashes[k] & m;
          while (slots[x] != 0) {
            x = (x + 1) & m;
          }
          slots[x] = k + 1;
        }
      }
      return id;
    }
  }
}
