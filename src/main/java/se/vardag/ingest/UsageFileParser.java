package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.vardag.privacy.Pseudonymizer;

/**
 * Reads one usage file into compact facts: for each (employee pseudonym, source, action) and each
 * block of 64 days, a bit set of the days with at least one event (count ≥ 1). That is all the
 * metrics need ("active in a period"), and it is a few bytes per person and action instead of a
 * row per event. Sources and actions are stored lower-case (signals match case-insensitively).
 */
public final class UsageFileParser {
  /** One compact fact: the days in block {@code wordIndex} (days wordIndex*64 … +63) as bits. */
  public record Bits(long pid, String source, String action, int wordIndex, long word) {}

  /** Everything one usage file holds. */
  public static final class Result {
    public final List<Bits> bits = new ArrayList<>();
    public final List<Rejection> rejections = new ArrayList<>();
    public long rowsRead;
    public long rowsRejected;
    /** Sum of {@code count} over valid rows. */
    public long events;
    /** First and last event day (epoch day) over valid rows with count ≥ 1; MAX/MIN when none. */
    public int minDay = Integer.MAX_VALUE;
    public int maxDay = Integer.MIN_VALUE;
    /** The file is empty (0 bytes, or nothing but a byte order mark and blank lines): no header, no events. */
    public boolean empty;
  }

  /** No event is in the future: every date is accepted (tests and tools without a run date). */
  public static final int NO_FUTURE_LIMIT = Integer.MAX_VALUE;

  private record Key(long pid, String source, String action, int wordIndex) {}

  /** Files up to this size are read whole and tried on the fast path; larger ones stream. */
  static final int FAST_PATH_MAX_BYTES = 64 << 20;

  private UsageFileParser() {}

  /**
   * Reads a whole usage file from {@code in} (which it closes). A file of the regular shape (see
   * {@link FastUsageParser}) is read by the fast path straight from its bytes; any other file, and
   * any file larger than {@link #FAST_PATH_MAX_BYTES}, by the generic contract reader, which is the
   * reference and alone produces rejections. Both give the same result for a regular file.
   */
  public static Result parse(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms) throws IOException {
    return parse(in, sourceFile, zone, maxFieldChars, pseudonyms, FutureLimit.NONE, FAST_PATH_MAX_BYTES);
  }

  /**
   * {@link #parse}, rejecting every row dated after {@code future}'s last accepted day (SPEC
   * section 2: events in the future).
   */
  public static Result parse(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms, FutureLimit future) throws IOException {
    return parse(in, sourceFile, zone, maxFieldChars, pseudonyms, future, FAST_PATH_MAX_BYTES);
  }

  /** {@link #parse} with another size limit for the fast path (tests). */
  static Result parse(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms, int fastPathMaxBytes) throws IOException {
    return parse(in, sourceFile, zone, maxFieldChars, pseudonyms, FutureLimit.NONE, fastPathMaxBytes);
  }

  /**
   * The last event date a run accepts: its own date plus {@code quality.max_future_days}. A row
   * dated later is rejected, so that one mistyped year cannot move the default as-of date.
   */
  public record FutureLimit(int lastDay, int runDay, int maxFutureDays) implements java.io.Serializable {
    /** Every date accepted. */
    public static final FutureLimit NONE = new FutureLimit(NO_FUTURE_LIMIT, NO_FUTURE_LIMIT, 0);

    /** The limit of a run on {@code runDate} (its clock's date in the configured time zone). */
    public static FutureLimit of(java.time.LocalDate runDate, int maxFutureDays) {
      int run = (int) runDate.toEpochDay();
      return new FutureLimit((int) Math.min(Integer.MAX_VALUE, (long) run + maxFutureDays), run, maxFutureDays);
    }

    /** The reason of a rejected row dated {@code day}. */
    String reason(int day) {
      return "Cannot accept event_time dated " + Values.toDate(day) + ": it is in the future, more than "
          + maxFutureDays + " day(s) after the run's date " + Values.toDate(runDay) + " (quality.max_future_days = "
          + maxFutureDays + ")";
    }
  }

  static Result parse(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms, FutureLimit future, int fastPathMaxBytes) throws IOException {
    requireNonNull(future, "future is null");
    requireNonNull(pseudonyms, "pseudonyms is null");
    requireNonNull(zone, "zone is null");
    // A file stream knows how much is left: then one buffer holds it all (+1 to see the end).
    int size = (int) Math.min(Math.max((long) in.available() + 1, 1 << 16), fastPathMaxBytes);
    byte[] bytes = new byte[size];
    int len = 0;
    boolean whole = false;
    while (len < fastPathMaxBytes) {
      if (len == bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, fastPathMaxBytes));
      }
      int n = in.read(bytes, len, bytes.length - len);
      if (n < 0) {
        whole = true;
        break;
      }
      len += n;
    }
    if (!whole) {
      // Too large to hold: the generic path streams it (the bytes read so far, then the rest).
      return parseGeneric(new SequenceInputStream(new ByteArrayInputStream(bytes, 0, len), in), sourceFile, zone,
          maxFieldChars, pseudonyms, future);
    }
    in.close();
    if (blank(bytes, len)) {
      Result empty = new Result();
      empty.empty = true;
      return empty;
    }
    // The fast path gets its own resolver, so the caller's reaches the generic path untouched.
    Result fast = FastUsageParser.parse(bytes, len, zone.fresh(), maxFieldChars, pseudonyms, future.lastDay());
    if (fast != null) {
      return fast;
    }
    return parseGeneric(new ByteArrayInputStream(bytes, 0, len), sourceFile, zone, maxFieldChars, pseudonyms, future);
  }

  /**
   * Whether the first {@code len} bytes hold nothing but a UTF-8 byte order mark and line breaks or
   * spaces: an empty usage file, which holds no events (SPEC section 2), not a broken contract.
   */
  static boolean blank(byte[] bytes, int len) {
    int i = len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    for (; i < len; i++) {
      byte b = bytes[i];
      if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Whether the file at {@code path} is {@link #blank} (read until its first other byte). */
  public static boolean blank(java.nio.file.Path path) throws IOException {
    return blank(java.nio.file.Files.newInputStream(path));
  }

  /** Whether the file read from {@code in} (closed here) is {@link #blank}. */
  public static boolean blank(InputStream raw) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(raw)) {
      byte[] head = in.readNBytes(3);
      if (!blank(head, head.length)) {
        return false;
      }
      byte[] chunk = new byte[8192];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        for (int i = 0; i < n; i++) {
          byte b = chunk[i];
          if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** The generic (reference) path: every file through {@link ContractFileReader}. Closes {@code in}. */
  static Result parseGeneric(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms) throws IOException {
    return parseGeneric(in, sourceFile, zone, maxFieldChars, pseudonyms, FutureLimit.NONE);
  }

  /** The generic path, rejecting rows dated after {@code future}'s last day. Closes {@code in}. */
  static Result parseGeneric(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms, FutureLimit future) throws IOException {
    requireNonNull(pseudonyms, "pseudonyms is null");
    BlankTracker tracked = new BlankTracker(in);
    try {
      return readGeneric(tracked, sourceFile, zone, maxFieldChars, pseudonyms, future);
    } catch (IngestException e) {
      if (tracked.blank) {
        Result empty = new Result();
        empty.empty = true;
        return empty; // no header because there is nothing at all: no events, not a broken contract
      }
      throw e;
    }
  }

  /** Notes whether every byte read so far is {@link #blank} (a BOM, line breaks, spaces, tabs). */
  private static final class BlankTracker extends java.io.FilterInputStream {
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};
    boolean blank = true;
    private long position;
    private int bomSeen;

    BlankTracker(InputStream in) {
      super(in);
    }

    private void see(int b, long at) {
      if (at == bomSeen && at < 3 && (b & 0xFF) == BOM[(int) at]) {
        bomSeen++;
        return;
      }
      if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
        blank = false;
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && blank) {
        see(b, position);
      }
      position++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = 0; i < n && blank; i++) {
        see(b[off + i], position + i);
      }
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }

  private static Result readGeneric(InputStream in, String sourceFile, Values.DayResolver zone, int maxFieldChars,
      Pseudonymizer pseudonyms, FutureLimit future) throws IOException {
    long[] inFuture = new long[1];
    Result result = new Result();
    Map<Key, long[]> words = new HashMap<>();
    Map<String, Long> pids = new HashMap<>();
    Map<String, String> lower = new HashMap<>();
    FileContract c = InputContract.USAGE;
    int dayAt = c.indexOf("event_time");
    int employeeAt = c.indexOf("employee_id");
    int sourceAt = c.indexOf("source");
    int actionAt = c.indexOf("action");
    int countAt = c.indexOf("count");
    ContractFileReader.Counts counts = ContractFileReader.read(in, sourceFile, c, zone, maxFieldChars,
        new ContractFileReader.Sink() {
          @Override
          public void row(long line, Object[] values, String raw) {
            int eventDay = (Integer) values[dayAt];
            if (eventDay > future.lastDay()) {
              inFuture[0]++;
              result.rejections.add(new Rejection(sourceFile, line, "event_time", future.reason(eventDay), raw));
              return;
            }
            int count = (Integer) values[countAt];
            result.events += count;
            if (count == 0) {
              return;
            }
            int day = (Integer) values[dayAt];
            long pid = pids.computeIfAbsent((String) values[employeeAt], pseudonyms::id);
            String source = lower.computeIfAbsent((String) values[sourceAt], s -> s.toLowerCase(Locale.ROOT));
            String action = lower.computeIfAbsent((String) values[actionAt], s -> s.toLowerCase(Locale.ROOT));
            int wordIndex = Math.floorDiv(day, 64);
            long bit = 1L << Math.floorMod(day, 64);
            words.computeIfAbsent(new Key(pid, source, action, wordIndex), k -> new long[1])[0] |= bit;
            result.minDay = Math.min(result.minDay, day);
            result.maxDay = Math.max(result.maxDay, day);
          }

          @Override
          public void rejected(Rejection rejection) {
            result.rejections.add(rejection);
          }
        });
    result.rowsRead = counts.read;
    result.rowsRejected = counts.rejected + inFuture[0];
    for (Map.Entry<Key, long[]> e : words.entrySet()) {
      Key k = e.getKey();
      result.bits.add(new Bits(k.pid(), k.source(), k.action(), k.wordIndex(), e.getValue()[0]));
    }
    sortBits(result.bits);
    return result;
  }

  /** Sorted, so the Parquet file compresses well and the output does not depend on hash order. */
  public static void sortBits(List<Bits> bits) {
    bits.sort((a, b) -> {
      int r = Long.compare(a.pid(), b.pid());
      if (r == 0) {
        r = a.source().compareTo(b.source());
      }
      if (r == 0) {
        r = a.action().compareTo(b.action());
      }
      return r != 0 ? r : Integer.compare(a.wordIndex(), b.wordIndex());
    });
  }
}
