package se.vardag.report;

import java.text.MessageFormat;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import se.vardag.SameSide;

/**
 * The report's words and number formats for one locale. Every word of the report comes from
 * {@code se/vardag/report/messages_<locale>.properties} (UTF-8); patterns are {@link MessageFormat}s.
 * Numbers, percentages and dates are formatted the way the locale writes them.
 */
public final class Messages {
  public static final String BUNDLE = "se.vardag.report.messages";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DateTimeFormatter longDate;
  private final DateTimeFormatter shortDate;

  public Messages(String language) {
    if (!"sv".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("Cannot render a report in '" + language + "': expected sv or en");
    }
    this.locale = "sv".equals(language) ? Locale.forLanguageTag("sv-SE") : Locale.forLanguageTag("en-GB");
    this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.longDate = DateTimeFormatter.ofPattern(raw("format.date.long"), locale);
    this.shortDate = DateTimeFormatter.ofPattern(raw("format.date.short"), locale);
  }

  public Locale locale() {
    return locale;
  }

  /** The language tag of the bundle: sv or en. */
  public String language() {
    return locale.getLanguage();
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The pattern itself, unformatted. */
  public String raw(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("Cannot find message " + key + " in " + BUNDLE + "_" + language(), e);
    }
  }

  /** The message for {@code key} with its arguments: Numbers are formatted by the locale, Strings as is. */
  public String get(String key, Object... args) {
    return new MessageFormat(raw(key), locale).format(args);
  }

  public String count(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  public String count(Long n) {
    return n == null ? raw("value.none") : count(n.longValue());
  }

  /** A share 0..1 as a whole percentage ("62 %" in Swedish, "62%" in English). */
  public String percent(double share) {
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMaximumFractionDigits(0);
    return f.format(share);
  }

  /**
   * A share 0..1 quoted next to a threshold (SPEC section 4): as a whole percentage, with as many more
   * decimals as it takes to read on the same side of {@code thresholdShare} as the exact value. Under
   * "below 70 %", 0.695 reads "69,5 %" (sv) / "69.5%" (en), never 70 %; 0.3004 over 30 % reads "30,04 %".
   */
  public String percent(double share, double thresholdShare) {
    BigDecimal p = SameSide.percent(share, thresholdShare, 0);
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(0);
    f.setMaximumFractionDigits(Math.max(0, p.scale()));
    return f.format(p.movePointLeft(2));
  }

  /**
   * A decimal quoted next to a threshold: at most {@code digits} fraction digits, more when fewer would
   * read on the other side of (or equal to) {@code threshold}; in the locale's notation ("22,5").
   */
  public String decimal(double d, double threshold, int digits) {
    BigDecimal plain = SameSide.plain(d, digits);
    BigDecimal v = Integer.signum(plain.compareTo(BigDecimal.valueOf(threshold)))
        == Integer.signum(Double.compare(d, threshold)) ? plain : SameSide.round(d, threshold, digits);
    return decimal(v);
  }

  /** An exact decimal in the locale's notation, with exactly the fraction digits it has (trailing zeros dropped). */
  public String decimal(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(0);
    f.setMaximumFractionDigits(Math.max(0, s.scale()));
    return f.format(s);
  }

  /** A list in the report's language: "a", "a och b", "a, b och c" (sv) / "a, b and c" (en). */
  public String list(java.util.List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + raw("format.list.last") + items.get(items.size() - 1);
  }

  /** A change such as -0.25 as a signed percentage ("−25 %"). */
  public String signedPercent(double change) {
    String p = percent(Math.abs(change));
    if (change > 0 && Math.round(change * 100) != 0) {
      return "+" + p;
    }
    if (change < 0 && Math.round(change * 100) != 0) {
      return "\u2212" + p;
    }
    return p;
  }

  /** A decimal with at most {@code digits} fraction digits, in the locale's notation ("1,5"). */
  public String decimal(double d, int digits) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(digits);
    f.setMinimumFractionDigits(0);
    return f.format(d);
  }

  public String date(LocalDate d) {
    return longDate.format(d);
  }

  public String shortDate(LocalDate d) {
    return shortDate.format(d);
  }
}
