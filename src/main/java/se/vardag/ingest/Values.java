package se.vardag.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Strict parsers for the cell types of the input contract (SPEC section 2). Dates become epoch
 * days (days since 1970-01-01), which is how every fact is stored inside Vardag.
 */
public final class Values {
  public static final String DATE_EXPECTED = "expected a date YYYY-MM-DD";
  public static final String TIMESTAMP_EXPECTED =
      "expected an ISO-8601 timestamp such as 2026-11-03T08:15:00+01:00";
  public static final String DECIMAL_EXPECTED = "expected a decimal number with '.' as the decimal point";
  public static final String INTEGER_EXPECTED = "expected a whole number";
  public static final String BOOLEAN_EXPECTED = "expected true, false, yes, no, ja, nej, 1 or 0";

  private Values() {}

  /** {@code YYYY-MM-DD} as an epoch day. */
  public static int date(String s) throws BadValue {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw new BadValue(DATE_EXPECTED, s);
    }
    int year = digits(s, 0, 4, DATE_EXPECTED);
    int month = digits(s, 5, 7, DATE_EXPECTED);
    int day = digits(s, 8, 10, DATE_EXPECTED);
    return (int) epochDay(year, month, day, s, DATE_EXPECTED);
  }

  /**
   * The epoch day, in {@code zone}, of an ISO-8601 timestamp {@code YYYY-MM-DDTHH:MM[:SS[.fff]]}
   * followed by {@code Z}, {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH}, or nothing (then the
   * local time is already in {@code zone}, and the date is its own).
   */
  public static int timestampDay(String s, DayResolver zone) throws BadValue {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      throw new BadValue(TIMESTAMP_EXPECTED, s);
    }
    int year = digits(s, 0, 4, TIMESTAMP_EXPECTED);
    int month = digits(s, 5, 7, TIMESTAMP_EXPECTED);
    int day = digits(s, 8, 10, TIMESTAMP_EXPECTED);
    int hour = digits(s, 11, 13, TIMESTAMP_EXPECTED);
    int minute = digits(s, 14, 16, TIMESTAMP_EXPECTED);
    int second = 0;
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      if (i + 3 > n) {
        throw new BadValue(TIMESTAMP_EXPECTED, s);
      }
      second = digits(s, i + 1, i + 3, TIMESTAMP_EXPECTED);
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        if (i == start || i - start > 9) {
          throw new BadValue(TIMESTAMP_EXPECTED, s);
        }
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw new BadValue(TIMESTAMP_EXPECTED + " (time of day out of range)", s);
    }
    long epochDay = epochDay(year, month, day, s, TIMESTAMP_EXPECTED);
    if (i == n) {
      return (int) epochDay; // local time in the configured zone: its date is the event's date
    }
    int offsetSeconds;
    char sign = s.charAt(i);
    if (sign == 'Z' && i + 1 == n) {
      offsetSeconds = 0;
    } else if (sign == '+' || sign == '-') {
      int rest = n - i - 1;
      int oh;
      int om = 0;
      if (rest == 2) {
        oh = digits(s, i + 1, i + 3, TIMESTAMP_EXPECTED);
      } else if (rest == 4) {
        oh = digits(s, i + 1, i + 3, TIMESTAMP_EXPECTED);
        om = digits(s, i + 3, i + 5, TIMESTAMP_EXPECTED);
      } else if (rest == 5 && s.charAt(i + 3) == ':') {
        oh = digits(s, i + 1, i + 3, TIMESTAMP_EXPECTED);
        om = digits(s, i + 4, i + 6, TIMESTAMP_EXPECTED);
      } else {
        throw new BadValue(TIMESTAMP_EXPECTED, s);
      }
      if (oh > 18 || om > 59) {
        throw new BadValue(TIMESTAMP_EXPECTED + " (offset out of range)", s);
      }
      offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
    } else {
      throw new BadValue(TIMESTAMP_EXPECTED, s);
    }
    long epochSecond = epochDay * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return zone.epochDay(epochSecond);
  }

  /** A decimal number: optional minus, digits, optional '.' and digits. No exponent, no comma. */
  public static double decimal(String s) throws BadValue {
    int n = s.length();
    int i = 0;
    if (n > 0 && s.charAt(0) == '-') {
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    boolean ok = i > intStart;
    if (ok && i < n && s.charAt(i) == '.') {
      int fracStart = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      ok = i > fracStart;
    }
    if (!ok || i != n || n > 40) {
      if (s.matches("-?\\d+,\\d+")) {
        throw new BadValue(DECIMAL_EXPECTED + " (a decimal comma is not accepted)", s);
      }
      throw new BadValue(DECIMAL_EXPECTED, s);
    }
    return Double.parseDouble(s);
  }

  /** A whole number in int range: optional minus and digits. */
  public static int integer(String s) throws BadValue {
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    if (i == n || n - i > 10) {
      throw new BadValue(INTEGER_EXPECTED, s);
    }
    long v = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new BadValue(INTEGER_EXPECTED, s);
      }
      v = v * 10 + (c - '0');
    }
    v = s.charAt(0) == '-' ? -v : v;
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new BadValue(INTEGER_EXPECTED + " (out of range)", s);
    }
    return (int) v;
  }

  /** {@code true/false/yes/no/ja/nej/1/0} in any case (an empty cell is unknown: the caller's null). */
  public static boolean bool(String s) throws BadValue {
    switch (s.toLowerCase(Locale.ROOT)) {
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
        throw new BadValue(BOOLEAN_EXPECTED, s);
    }
  }

  /** A {@code ;}-separated list: elements trimmed, empty elements dropped. */
  public static List<String> list(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split(";", -1)) {
      String t = trim(part);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  public static LocalDate toDate(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  /**
   * Whether {@code c} is trimmed from the ends of a value (SPEC section 2): whitespace, Unicode
   * spaces (U+00A0, U+2007, U+202F, U+3000 …) and invisible format characters (U+200B, U+200E,
   * U+200F, U+2060, U+FEFF …).
   */
  public static boolean trimmable(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
  }

  /** {@code s} without {@link #trimmable} characters at either end. */
  public static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to) {
      int c = s.codePointAt(from);
      if (!trimmable(c)) {
        break;
      }
      from += Character.charCount(c);
    }
    while (to > from) {
      int c = s.codePointBefore(to);
      if (!trimmable(c)) {
        break;
      }
      to -= Character.charCount(c);
    }
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  /**
   * A value made readable for a message, in quotes: line breaks and tabs as {@code \n}, {@code
   * \r}, {@code \t}; every other control, format or non-ASCII space character as a backslash,
   * {@code u} and four hex digits (so an id ending in a no-break space reads {@code E1003}, backslash,
   * {@code u00A0}: the character is not invisible in the message); values
   * longer than 60 characters are cut, with their length.
   */
  public static String quoted(String value) {
    StringBuilder b = new StringBuilder("'");
    int max = Math.min(value.length(), 60);
    for (int i = 0; i < max; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c != ' ' && (Character.isISOControl(c) || trimmable(c))) {
        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    if (value.length() > max) {
      b.append("…(").append(value.length()).append(" characters)");
    }
    return b.append('\'').toString();
  }


  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int to, String expectation) throws BadValue {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new BadValue(expectation, s);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long epochDay(int year, int month, int day, String s, String expectation) throws BadValue {
    if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      throw new BadValue(expectation + " (no such day)", s);
    }
    return LocalDate.of(year, month, day).toEpochDay();
  }

  /**
   * Epoch second to the epoch day in a zone, caching the offset's validity interval: usage files
   * hold millions of timestamps from the same few weeks, so the zone rules are consulted rarely.
   * Not thread-safe; one per parsing task.
   */
  public static final class DayResolver {
    private final ZoneRules rules;
    private long validFrom = Long.MAX_VALUE;
    private long validTo = Long.MIN_VALUE;
    private int offset;

    public DayResolver(ZoneId zone) {
      this.rules = zone.getRules();
    }

    private DayResolver(ZoneRules rules) {
      this.rules = rules;
    }

    /** A resolver for the same zone with an empty cache (its answers are the same). */
    DayResolver fresh() {
      return new DayResolver(rules);
    }

    public int epochDay(long epochSecond) {
      if (epochSecond < validFrom || epochSecond >= validTo) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        ZoneOffset o = rules.getOffset(instant);
        offset = o.getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(instant);
        ZoneOffsetTransition prev = rules.previousTransition(instant.plusSeconds(1));
        validFrom = prev == null ? Long.MIN_VALUE : prev.toEpochSecond();
        validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (validFrom > epochSecond) {
          validFrom = epochSecond;
        }
      }
      return (int) Math.floorDiv(epochSecond + offset, 86400L);
    }
  }
}
