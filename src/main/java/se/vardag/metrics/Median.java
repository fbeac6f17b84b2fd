package se.vardag.metrics;

import java.util.Arrays;

/** The 50th percentile with linear interpolation: the mean of the two middle values for an even count. */
public final class Median {
  private Median() {}

  /** Null for no values. Sorts {@code values} in place. */
  public static Double of(double[] values, int count) {
    if (count == 0) {
      return null;
    }
    Arrays.sort(values, 0, count);
    int mid = count / 2;
    if (count % 2 == 1) {
      return values[mid];
    }
    return (values[mid - 1] + values[mid]) / 2.0;
  }
}
