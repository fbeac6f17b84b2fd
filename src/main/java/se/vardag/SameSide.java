package se.vardag;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for figures quoted next to a threshold (SPEC section 4): the quoted value reads on the
 * same side of the threshold as the exact value. A retention of 0.695 under "below 70 %" is quoted
 * as 69.5 %, never 70 %; a rate of 0.3004 under "above 30 %" as 30.04 %, never 30 %.
 *
 * <p>Starts at {@code minScale} decimals and adds decimals (up to {@link #MAX_SCALE}) until the
 * rounded value compares with the threshold exactly as the value does. Rounding is half-up.
 * Locale-free: callers format the digits (decimal point or comma) themselves.
 */
public final class SameSide {
  /** More decimals than any figure here needs; beyond it the value is quoted as rounded there. */
  public static final int MAX_SCALE = 8;

  private SameSide() {}

  /** {@code value} rounded to the fewest decimals ≥ {@code minScale} that keep its side of {@code threshold}. */
  public static BigDecimal round(double value, double threshold, int minScale) {
    return round(decimal(value), decimal(threshold), minScale);
  }

  /** A share 0..1 as a percentage (not yet formatted), on the same side of {@code thresholdShare} as 100 × share. */
  public static BigDecimal percent(double share, double thresholdShare, int minScale) {
    return round(decimal(share).movePointRight(2), decimal(thresholdShare).movePointRight(2), minScale);
  }

  private static BigDecimal round(BigDecimal exact, BigDecimal limit, int minScale) {
    int side = exact.compareTo(limit);
    BigDecimal rounded = null;
    for (int scale = Math.max(0, minScale); scale <= Math.max(MAX_SCALE, minScale); scale++) {
      rounded = exact.setScale(scale, RoundingMode.HALF_UP);
      if (rounded.compareTo(limit) == side) {
        break;
      }
    }
    return strip(rounded, minScale);
  }

  private static BigDecimal decimal(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("Cannot quote a value that is not finite: " + v);
    }
    return BigDecimal.valueOf(v);
  }

  /** Trailing zeros beyond {@code minScale} removed: 69.50 → 69.5, 70.0 with minScale 0 → 70. */
  private static BigDecimal strip(BigDecimal b, int minScale) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < Math.max(0, minScale) ? s.setScale(Math.max(0, minScale)) : s;
  }

  /** {@code value} rounded to {@code scale} decimals, half-up, trailing zeros removed (plain digits). */
  public static BigDecimal plain(double value, int scale) {
    BigDecimal b = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0) : b;
  }
}
