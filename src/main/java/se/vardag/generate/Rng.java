package se.vardag.generate;

import java.util.SplittableRandom;

/**
 * Deterministic random streams. Every stream is derived from the seed and a fixed key (a day, a
 * person, an initiative), never from the order in which threads run, so the same options always
 * give the same bytes.
 */
final class Rng {
  private Rng() {}

  /** A fresh generator for the stream (seed, keys...). */
  static SplittableRandom stream(long seed, long... keys) {
    return new SplittableRandom(mix(seed, keys));
  }

  static long mix(long seed, long... keys) {
    long h = murmur(seed ^ 0x5DEECE66DL);
    for (long k : keys) {
      h = murmur(h ^ murmur(k + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  /** A uniform double in [0, 1) from (seed, keys...), without allocating a generator. */
  static double unit(long seed, long... keys) {
    return (mix(seed, keys) >>> 11) * 0x1.0p-53;
  }

  private static long murmur(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** An integer in [0, n) drawn from weights (a small linear scan; the tables are short). */
  static int weighted(SplittableRandom rng, int[] cumulative) {
    int r = rng.nextInt(cumulative[cumulative.length - 1]);
    int i = 0;
    while (cumulative[i] <= r) {
      i++;
    }
    return i;
  }

  /** A log-normal value with the given median and log-scale standard deviation. */
  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(rng));
  }

  static double gaussian(SplittableRandom rng) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
