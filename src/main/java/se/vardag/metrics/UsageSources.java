package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.util.AccumulatorV2;
import se.vardag.facts.DayFactsFile;

/**
 * The days on which each usage source had any event, from anyone (SPEC section 4): a source is
 * <em>silent</em> at D when none of its events is dated in {@code D-6 … D}. Sources are compared
 * case-insensitively after trimming. Small (sources × days); built on the driver.
 */
public final class UsageSources {
  /** Days stay silent for this long before D: the 7 days {@code D-6 … D}. */
  static final int SILENT_SPAN = 7;

  private final Map<String, NavigableSet<Integer>> days;

  private UsageSources(Map<String, NavigableSet<Integer>> days) {
    this.days = days;
  }

  /** From source → (64-day word index → word of day bits), as the usage store keeps days. */
  public static UsageSources ofWords(Map<String, Map<Integer, Long>> words) {
    requireNonNull(words, "words is null");
    Map<String, NavigableSet<Integer>> out = new TreeMap<>();
    words.forEach((source, byWord) -> {
      NavigableSet<Integer> set = out.computeIfAbsent(key(source), k -> new TreeSet<>());
      byWord.forEach((w, bits) -> {
        long b = bits;
        while (b != 0) {
          set.add(w * 64 + Long.numberOfTrailingZeros(b));
          b &= b - 1;
        }
      });
    });
    return new UsageSources(out);
  }

  /** From usage facts held in memory. */
  public static UsageSources ofFacts(Iterable<DayFactsFile.Fact> facts) {
    Map<String, Map<Integer, Long>> words = new HashMap<>();
    for (DayFactsFile.Fact f : facts) {
      addWords(words, f.source(), f.firstWord(), f.words());
    }
    return ofWords(words);
  }

  /** From explicit event dates per source (tests, small inputs). */
  public static UsageSources ofDates(Map<String, List<LocalDate>> dates) {
    Map<String, NavigableSet<Integer>> out = new TreeMap<>();
    dates.forEach((source, list) -> {
      NavigableSet<Integer> set = out.computeIfAbsent(key(source), k -> new TreeSet<>());
      list.forEach(d -> set.add((int) d.toEpochDay()));
    });
    return new UsageSources(out);
  }

  static void addWords(Map<String, Map<Integer, Long>> into, String source, int firstWord, long[] words) {
    Map<Integer, Long> byWord = into.computeIfAbsent(key(source), k -> new HashMap<>());
    for (int k = 0; k < words.length; k++) {
      if (words[k] != 0) {
        byWord.merge(firstWord + k, words[k], (a, b) -> a | b);
      }
    }
  }

  /** How sources are compared: trimmed, lower-case. */
  static String key(String source) {
    return requireNonNull(source, "source is null").strip().toLowerCase(Locale.ROOT);
  }

  /** The last day on or before {@code d} with an event of {@code source}; null when there is none. */
  public Integer lastEventOnOrBefore(String source, int d) {
    NavigableSet<Integer> set = days.get(key(source));
    return set == null ? null : set.floor(d);
  }

  /** No event of {@code source} is dated in {@code d-6 … d}. */
  public boolean silent(String source, int d) {
    Integer last = lastEventOnOrBefore(source, d);
    return last == null || last < d - (SILENT_SPAN - 1);
  }

  /** The sources with at least one event, trimmed and lower-case. */
  public List<String> sources() {
    return List.copyOf(days.keySet());
  }

  /**
   * Collects source → word → day bits on the executors while the usage store is read for the
   * signals (so the store is read once). Union is idempotent: a re-run task adds nothing new.
   */
  public static final class Collector
      extends AccumulatorV2<Map<String, Map<Integer, Long>>, Map<String, Map<Integer, Long>>> {
    private static final long serialVersionUID = 1L;
    private Map<String, Map<Integer, Long>> words = new HashMap<>();

    @Override
    public boolean isZero() {
      synchronized (this) {
        return words.isEmpty();
      }
    }

    @Override
    public Collector copy() {
      Collector c = new Collector();
      c.add(value());
      return c;
    }

    @Override
    public void reset() {
      synchronized (this) {
        words = new HashMap<>();
      }
    }

    @Override
    public void add(Map<String, Map<Integer, Long>> v) {
      synchronized (this) {
        v.forEach((source, byWord) -> {
          Map<Integer, Long> into = words.computeIfAbsent(source, k -> new HashMap<>());
          byWord.forEach((w, bits) -> into.merge(w, bits, (a, b) -> a | b));
        });
      }
    }

    @Override
    public void merge(AccumulatorV2<Map<String, Map<Integer, Long>>, Map<String, Map<Integer, Long>>> other) {
      add(other.value());
    }

    @Override
    public Map<String, Map<Integer, Long>> value() {
      synchronized (this) {
        Map<String, Map<Integer, Long>> copy = new HashMap<>();
        words.forEach((s, m) -> copy.put(s, new HashMap<>(m)));
        return Collections.unmodifiableMap(copy);
      }
    }
  }
}
