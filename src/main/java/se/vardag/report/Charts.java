package se.vardag.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import se.vardag.Text;

/**
 * The report's PNG charts, drawn with plain Java2D (headless) in DejaVu Sans, which has å, ä and ö.
 * Charts are drawn at twice their display size so they stay sharp on high-density screens; the HTML
 * shows them at {@link #WIDTH} pixels. Nothing here depends on the clock, so the bytes are reproducible.
 */
final class Charts {
  static final int WIDTH = 640;
  static final int SCALE = 2;
  static final String FONT_FAMILY = "DejaVu Sans";

  static final Color TEXT = new Color(0x1f, 0x29, 0x33);
  static final Color MUTED = new Color(0x66, 0x70, 0x85);
  static final Color GRID = new Color(0xe4, 0xe7, 0xec);
  static final Color BAR = new Color(0x25, 0x63, 0xeb);
  static final Color BAR_PILOT = new Color(0x9d, 0xbb, 0xf5);
  static final Color PEAK = new Color(0xb4, 0x23, 0x18);

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /** The colour of a verdict, the same as in the HTML. */
  /** The "verdict" of a bar that stands for no verdict (the ingredients chart): the plain bar colour. */
  static final String NEUTRAL = "neutral";

  static Color verdictColor(String verdict) {
    switch (verdict == null ? "" : verdict) {
      case NEUTRAL:
        return BAR;
      case "lacks_follow_through":
        return new Color(0xb4, 0x23, 0x18);
      case "at_risk":
        return new Color(0xdc, 0x68, 0x03);
      case "on_track":
        return new Color(0x06, 0x76, 0x47);
      case "in_pilot":
        return new Color(0x17, 0x5c, 0xd3);
      default:
        return new Color(0x98, 0xa2, 0xb3);
    }
  }

  static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** A font that can draw the text, preferring DejaVu Sans (installed with the JDK's fontconfig). */
  static Font font(int style, float size) {
    Font f = new Font(FONT_FAMILY, style, 1);
    if (!FONT_FAMILY.equals(f.getFamily(Locale.ROOT))) {
      f = new Font(Font.SANS_SERIF, style, 1);
    }
    return f.deriveFont(size);
  }

  static boolean dejaVuAvailable() {
    return Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT))
        .contains(FONT_FAMILY);
  }

  /** The weekly-active chart's words, from the bundle. */
  record WeeklyLabels(String title, String peakLabel, String pilotEndLabel, String duringLabel, String afterLabel,
      List<String> weekLabels) {}

  /**
   * Bars of weekly active users, oldest week first. {@code weekEnds} and {@code values} are aligned; a
   * dashed line marks the pilot peak, a vertical line the end of the pilot when it falls in the span.
   */
  static Png weekly(WeeklyLabels labels, List<LocalDate> weekEnds, List<Long> values, Long peak,
      LocalDate pilotEnd, String verdict) {
    int w = WIDTH;
    int h = 250;
    BufferedImage img = new BufferedImage(w * SCALE, h * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img);

    int left = 44;
    int right = w - 16;
    int top = 48;
    int bottom = h - 34;

    g.setFont(font(Font.BOLD, 14f));
    g.setColor(TEXT);
    g.drawString(clean(labels.title()), left - 34, 22);

    boolean anyDuring = false;
    boolean anyAfter = false;
    for (LocalDate end : weekEnds) {
      if (duringPilot(end, pilotEnd)) {
        anyDuring = true;
      } else {
        anyAfter = true;
      }
    }
    g.setFont(font(Font.PLAIN, 11f));
    int lx = right;
    for (int k = 1; k >= 0; k--) {
      boolean show = k == 1 ? anyAfter : anyDuring;
      if (!show) {
        continue;
      }
      String s = clean(k == 1 ? labels.afterLabel() : labels.duringLabel());
      int sw = g.getFontMetrics().stringWidth(s);
      lx -= sw;
      g.setColor(MUTED);
      g.drawString(s, lx, 21);
      lx -= 14;
      g.setColor(k == 1 ? BAR : BAR_PILOT);
      g.fillRect(lx, 12, 10, 10);
      lx -= 14;
    }

    long max = 1;
    for (Long v : values) {
      if (v != null) {
        max = Math.max(max, v);
      }
    }
    if (peak != null) {
      max = Math.max(max, peak);
    }
    long step = niceStep(max);
    long yMax = ((max + step - 1) / step) * step;
    if (yMax == max) {
      yMax += step;
    }

    g.setFont(font(Font.PLAIN, 11f));
    FontMetrics fm = g.getFontMetrics();
    for (long t = 0; t <= yMax; t += step) {
      int y = yFor(t, yMax, top, bottom);
      g.setColor(GRID);
      g.drawLine(left, y, right, y);
      g.setColor(MUTED);
      String s = Long.toString(t);
      g.drawString(s, left - 6 - fm.stringWidth(s), y + 4);
    }

    Stroke dashed = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    Stroke solid = g.getStroke();
    int peakY = -1;
    if (peak != null) {
      peakY = yFor(peak, yMax, top, bottom);
      g.setColor(PEAK);
      g.setStroke(dashed);
      g.drawLine(left, peakY, right, peakY);
      g.setStroke(solid);
    }

    int n = values.size();
    double slot = (right - left) / (double) Math.max(1, n);
    int barW = (int) Math.round(slot * 0.62);
    LocalDate first = n == 0 ? null : weekEnds.get(0).minusDays(6);
    for (int i = 0; i < n; i++) {
      int cx = (int) Math.round(left + slot * i + slot / 2);
      Long v = values.get(i);
      LocalDate end = weekEnds.get(i);
      boolean inPilot = duringPilot(end, pilotEnd);
      if (v != null) {
        int y = yFor(v, yMax, top, bottom);
        g.setColor(inPilot ? BAR_PILOT : BAR);
        g.fillRect(cx - barW / 2, y, barW, Math.max(0, bottom - y));
        String s = Long.toString(v);
        haloText(g, s, cx - fm.stringWidth(s) / 2, y - 4, TEXT);
      }
      g.setColor(MUTED);
      String label = clean(labels.weekLabels().get(i));
      g.drawString(label, cx - fm.stringWidth(label) / 2, bottom + 16);
    }
    g.setColor(MUTED);
    g.drawLine(left, bottom, right, bottom);

    if (pilotEnd != null && first != null && !pilotEnd.isBefore(first) && pilotEnd.isBefore(weekEnds.get(n - 1))) {
      // The end of day pilotEnd, placed proportionally between the first week's start and the last week's end.
      double days = ChronoUnit.DAYS.between(first, pilotEnd) + 1;
      double total = ChronoUnit.DAYS.between(first, weekEnds.get(n - 1)) + 1;
      int x = (int) Math.round(left + (right - left) * days / total);
      g.setColor(MUTED);
      g.setStroke(dashed);
      g.drawLine(x, top - 8, x, bottom);
      g.setStroke(solid);
      String s = clean(labels.pilotEndLabel());
      g.setFont(font(Font.PLAIN, 11f));
      int sw = g.getFontMetrics().stringWidth(s);
      int tx = x + sw + 6 > right ? x - sw - 4 : x + 4;
      g.drawString(s, tx, top - 10);
    }
    if (peakY >= 0) {
      g.setFont(font(Font.BOLD, 11f));
      String s = clean(labels.peakLabel());
      haloText(g, s, right - g.getFontMetrics().stringWidth(s), peakY - 5, PEAK);
    }
    g.dispose();
    ChartImages.Encoded png = ChartImages.encode(img);
    return new Png(png.png(), png.print(), w, h);
  }

  /** A week counts as during the pilot when any of its days is on or before the pilot's last day. */
  static boolean duringPilot(LocalDate weekEnd, LocalDate pilotEnd) {
    return pilotEnd == null || !weekEnd.minusDays(6).isAfter(pilotEnd);
  }

  /** Text on a white box, so it stays readable over grid and reference lines. */
  private static void haloText(Graphics2D g, String s, int x, int y, Color color) {
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.WHITE);
    g.fillRect(x - 2, y - fm.getAscent() + 1, fm.stringWidth(s) + 4, fm.getAscent());
    g.setColor(color);
    g.drawString(s, x, y);
  }

  /** One bar of the overview: a share 0..1, or a note in place of the bar ("too small to report on"). */
  record Bar(String label, String verdict, Double share, String valueText) {}

  /** The overview words. */
  record OverviewLabels(String title, String thresholdLabel, String axisLabel, List<String[]> legend,
      List<String> ticks) {}

  /** Horizontal bars of the everyday-use share per initiative, coloured by verdict, with the threshold. */
  static Png overview(OverviewLabels labels, List<Bar> bars, double threshold) {
    int w = WIDTH;
    int rowH = 24;
    int top = 80;
    int h = top + Math.max(1, bars.size()) * rowH + 44;
    BufferedImage img = new BufferedImage(w * SCALE, h * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img);

    g.setFont(font(Font.BOLD, 14f));
    g.setColor(TEXT);
    g.drawString(clean(labels.title()), 10, 22);

    // Legend: verdict colours.
    g.setFont(font(Font.PLAIN, 11f));
    FontMetrics fm = g.getFontMetrics();
    int lx = 10;
    for (String[] item : labels.legend()) {
      g.setColor(verdictColor(item[0]));
      g.fillRect(lx, 34, 10, 10);
      g.setColor(MUTED);
      String s = clean(item[1]);
      g.drawString(s, lx + 14, 43);
      lx += 14 + fm.stringWidth(s) + 14;
    }

    int labelW = 210;
    int left = 10 + labelW + 8;
    int right = w - 56;
    int bottom = top + bars.size() * rowH;
    for (int t = 0; t <= 4; t++) {
      int x = left + (right - left) * t / 4;
      g.setColor(GRID);
      g.drawLine(x, top - 4, x, bottom);
      g.setColor(MUTED);
      String s = clean(labels.ticks().get(t));
      g.drawString(s, x - fm.stringWidth(s) / 2, bottom + 14);
    }
    g.setColor(MUTED);
    String axis = clean(labels.axisLabel());
    g.drawString(axis, left + (right - left) / 2 - fm.stringWidth(axis) / 2, bottom + 30);

    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = top + i * rowH;
      g.setFont(font(Font.PLAIN, 12f));
      g.setColor(TEXT);
      g.drawString(fit(clean(b.label()), g.getFontMetrics(), labelW), 10, y + 16);
      g.setFont(font(Font.PLAIN, 11f));
      if (b.share() != null) {
        int bw = (int) Math.round((right - left) * Math.max(0, Math.min(1, b.share())));
        g.setColor(verdictColor(b.verdict()));
        g.fillRect(left, y + 5, Math.max(1, bw), rowH - 10);
        g.setColor(TEXT);
        g.drawString(clean(b.valueText()), left + bw + 5, y + 16);
      } else {
        g.setColor(MUTED);
        g.drawString(clean(b.valueText()), left + 4, y + 16);
      }
    }
    int tx = left + (int) Math.round((right - left) * Math.max(0, Math.min(1, threshold)));
    g.setColor(PEAK);
    g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    g.drawLine(tx, top - 6, tx, bottom);
    g.setFont(font(Font.BOLD, 11f));
    String s = clean(labels.thresholdLabel());
    int sw = g.getFontMetrics().stringWidth(s);
    g.drawString(s, Math.max(left, Math.min(tx - sw / 2, w - sw - 6)), top - 10);
    g.dispose();
    ChartImages.Encoded png = ChartImages.encode(img);
    return new Png(png.png(), png.print(), w, h);
  }

  /**
   * A rendered chart: the mail's PNG ({@link #SCALE} times the display size), the PDF's copy at display
   * size, and the display size.
   */
  record Png(byte[] bytes, byte[] print, int width, int height) {}

  private static Graphics2D start(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.scale(SCALE, SCALE);
    return g;
  }

  private static int yFor(double v, double yMax, int top, int bottom) {
    return (int) Math.round(bottom - (bottom - top) * (v / yMax));
  }

  static long niceStep(long max) {
    long raw = Math.max(1, (long) Math.ceil(max / 4.0));
    long mag = 1;
    while (mag * 10 <= raw) {
      mag *= 10;
    }
    for (long f : new long[] {1, 2, 5, 10}) {
      if (f * mag >= raw) {
        return f * mag;
      }
    }
    return 10 * mag;
  }

  /** Control characters (CR, LF, tab ...) drawn as spaces. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp));
    return b.toString();
  }

  /** The text shortened with an ellipsis to fit {@code width} pixels. */
  static String fit(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    int[] cps = s.codePoints().toArray();
    for (int n = cps.length - 1; n > 0; n--) {
      String t = new String(cps, 0, n).stripTrailing() + "\u2026";
      if (fm.stringWidth(t) <= width) {
        return t;
      }
    }
    return "\u2026";
  }
}
