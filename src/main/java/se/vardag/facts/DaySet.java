package se.vardag.facts;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A set of days (epoch days) as bits in 64-day words, word {@code i} holding days
 * {@code 64i … 64i+63}. It is how Vardag keeps usage: per person and action, the days with an
 * event; and per person and initiative while metrics are computed, where "active in a period" is
 * one or two word tests.
 */
public final class DaySet {
  private static final long[] EMPTY = new long[0];

  private int base;
  private long[] words = EMPTY;

  /** Adds the days of one stored word. */
  public void or(int wordIndex, long word) {
    if (word == 0) {
      return;
    }
    if (words.length == 0) {
      base = wordIndex;
      words = new long[] {word};
      return;
    }
    if (wordIndex < base) {
      long[] grown = new long[words.length + (base - wordIndex)];
      System.arraycopy(words, 0, grown, base - wordIndex, words.length);
      words = grown;
      base = wordIndex;
    } else if (wordIndex >= base + words.length) {
      words = Arrays.copyOf(words, wordIndex - base + 1);
    }
    words[wordIndex - base] |= word;
  }

  public void add(int day) {
    or(Math.floorDiv(day, 64), 1L << Math.floorMod(day, 64));
  }

  public boolean isEmpty() {
    for (long w : words) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }

  public boolean contains(int day) {
    int i = Math.floorDiv(day, 64) - base;
    return i >= 0 && i < words.length && (words[i] & (1L << Math.floorMod(day, 64))) != 0;
  }

  /** True when some day in {@code from … to} (inclusive) is in the set. */
  public boolean anyIn(int from, int to) {
    return firstIn(from, to) != Integer.MIN_VALUE;
  }

  /** The first day in {@code from … to} (inclusive) that is in the set, or {@code Integer.MIN_VALUE}. */
  public int firstIn(int from, int to) {
    if (from > to || words.length == 0) {
      return Integer.MIN_VALUE;
    }
    int lo = Math.max(from, base * 64);
    int hi = Math.min(to, (base + words.length) * 64 - 1);
    if (lo > hi) {
      return Integer.MIN_VALUE;
    }
    int wi = Math.floorDiv(lo, 64);
    int wEnd = Math.floorDiv(hi, 64);
    for (; wi <= wEnd; wi++) {
      long w = words[wi - base];
      if (w == 0) {
        continue;
      }
      int first = wi * 64;
      if (wi == Math.floorDiv(lo, 64)) {
        w &= -1L << (lo - first);
      }
      if (wi == wEnd) {
        int top = hi - first;
        if (top < 63) {
          w &= (1L << (top + 1)) - 1;
        }
      }
      if (w != 0) {
        return first + Long.numberOfTrailingZeros(w);
      }
    }
    return Integer.MIN_VALUE;
  }

  /**
   * The days {@code d} for which some day in {@code d-span … d} is in this set (this set shifted
   * forward by 0 … span days, unioned).
   */
  public DaySet spread(int span) {
    DaySet out = new DaySet();
    if (words.length == 0) {
      return out;
    }
    out.base = base;
    out.words = new long[words.length + (span + 63) / 64 + 1];
    for (int i = 0; i < words.length; i++) {
      long w = words[i];
      if (w == 0) {
        continue;
      }
      for (int s = 0; s <= span; s++) {
        int word = i + s / 64;
        int shift = s % 64;
        out.words[word] |= w << shift;
        if (shift != 0) {
          out.words[word + 1] |= w >>> (64 - shift);
        }
      }
    }
    return out;
  }

  /** Adds every day of a stored run of words: word {@code firstWord + i} is {@code words[i]}. */
  public void or(int firstWord, long[] words) {
    for (int i = 0; i < words.length; i++) {
      or(firstWord + i, words[i]);
    }
  }

  /** Adds every day of another set. */
  public void or(DaySet other) {
    or(other.base, other.words);
  }

  /** Index of the first stored word (meaningful when not empty). */
  public int firstWord() {
    int i = 0;
    while (i < words.length && words[i] == 0) {
      i++;
    }
    return base + i;
  }

  /** The stored words from {@link #firstWord()} to the last non-empty one. */
  public long[] words() {
    int from = 0;
    while (from < words.length && words[from] == 0) {
      from++;
    }
    int to = words.length;
    while (to > from && words[to - 1] == 0) {
      to--;
    }
    return Arrays.copyOfRange(words, from, to);
  }

  /** Calls {@code visitor} with every day of the set in {@code from … to}, in order. */
  public void forEachIn(int from, int to, IntConsumer visitor) {
    for (int d = firstIn(from, to); d != Integer.MIN_VALUE; d = d == to ? Integer.MIN_VALUE : firstIn(d + 1, to)) {
      visitor.accept(d);
    }
  }
}
