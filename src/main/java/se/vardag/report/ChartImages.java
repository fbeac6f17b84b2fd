package se.vardag.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The charts' bytes: an 8-bit palette PNG of the most frequent colours for the mail, and a smaller
 * copy for the PDF. Drawing is {@link Charts}'.
 */
final class ChartImages {
  private ChartImages() {}

  /**
   * A chart for the PDF: {@code png} scaled down to its display size (1x: every chart of every
   * headline initiative is in the PDF, and the mail carrying it must stay under 2 MB) by area
   * averaging, in a palette of {@link #PRINT_PALETTE} colours.
   */
  static byte[] forPrint(byte[] png) {
    try {
      BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
      int w = Math.max(1, img.getWidth() / Charts.SCALE);
      int h = Math.max(1, img.getHeight() / Charts.SCALE);
      int sw = img.getWidth();
      int[] src = img.getRGB(0, 0, sw, img.getHeight(), null, 0, sw);
      int[] dst = new int[w * h];
      int n = Charts.SCALE * Charts.SCALE;
      // Each pixel the mean of its Charts.SCALE x Charts.SCALE block (area averaging, in one pass).
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rs = 0;
          int gs = 0;
          int bs = 0;
          for (int dy = 0; dy < Charts.SCALE; dy++) {
            int row = (y * Charts.SCALE + dy) * sw + x * Charts.SCALE;
            for (int dx = 0; dx < Charts.SCALE; dx++) {
              int p = src[row + dx];
              rs += (p >> 16) & 255;
              gs += (p >> 8) & 255;
              bs += p & 255;
            }
          }
          dst[y * w + x] = ((rs + n / 2) / n) << 16 | ((gs + n / 2) / n) << 8 | ((bs + n / 2) / n);
        }
      }
      BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      small.setRGB(0, 0, w, h, dst, 0, w);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(palette(small, PRINT_PALETTE), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Colours a chart keeps in the PDF. */
  static final int PRINT_PALETTE = 32;

  /** Colours a chart keeps: its flat fills exactly, and enough shades for anti-aliased text and lines. */
  static final int PALETTE = 64;

  /**
   * The chart as an 8-bit palette PNG of its {@link #PALETTE} most frequent colours, each other pixel
   * drawn in the nearest of them: a third of the bytes of a true-colour PNG (the PDF embeds one per
   * initiative, and the whole mail must stay under 2 MB), and the same to the eye. Deterministic: equal
   * counts are ordered by colour value.
   */
  static BufferedImage palette(BufferedImage img, int colours) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    // A chart is long runs of one colour: count runs, not pixels, so the map is touched rarely.
    java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
    int run = 0;
    int last = px.length == 0 ? 0 : px[0] & 0xffffff;
    for (int p : px) {
      int c = p & 0xffffff;
      if (c != last) {
        counts.merge(last, run, Integer::sum);
        last = c;
        run = 0;
      }
      run++;
    }
    if (run > 0) {
      counts.merge(last, run, Integer::sum);
    }
    int[] pal = counts.entrySet().stream()
        .sorted(java.util.Map.Entry.<Integer, Integer>comparingByValue().reversed()
            .thenComparing(java.util.Map.Entry.comparingByKey()))
        .limit(colours).mapToInt(java.util.Map.Entry::getKey).toArray();
    byte[] r = new byte[pal.length];
    byte[] g = new byte[pal.length];
    byte[] b = new byte[pal.length];
    for (int i = 0; i < pal.length; i++) {
      r[i] = (byte) (pal[i] >> 16);
      g[i] = (byte) (pal[i] >> 8);
      b[i] = (byte) pal[i];
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
        new java.awt.image.IndexColorModel(8, pal.length, r, g, b));
    byte[] indexes = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    java.util.Map<Integer, Integer> nearest = new java.util.HashMap<>();
    int lastColour = -1;
    int lastIndex = 0;
    for (int i = 0; i < px.length; i++) {
      int c = px[i] & 0xffffff;
      if (c != lastColour) {
        lastColour = c;
        lastIndex = nearest.computeIfAbsent(c, k -> nearest(pal, k));
      }
      indexes[i] = (byte) lastIndex;
    }
    return out;
  }

  /** The palette entry nearest to {@code c}, by a weighted RGB distance (green counts most to the eye). */
  private static int nearest(int[] pal, int c) {
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int i = 0; i < pal.length; i++) {
      long dr = ((c >> 16) & 255) - ((pal[i] >> 16) & 255);
      long dg = ((c >> 8) & 255) - ((pal[i] >> 8) & 255);
      long db = (c & 255) - (pal[i] & 255);
      long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  static byte[] png(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(palette(img, PALETTE), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
