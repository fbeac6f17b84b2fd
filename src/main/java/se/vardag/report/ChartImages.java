package se.vardag.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The charts' bytes: an 8-bit palette PNG of the most frequent colours for the mail, and a copy averaged
 * down to display size for the PDF. Drawing is {@link Charts}'.
 *
 * <p>Both are made straight from the drawn image's pixel array and written by a small PNG encoder of
 * its own, not through {@code BufferedImage.getRGB} and ImageIO: those convert every pixel through a
 * colour model, and for the 69 charts of a 200-initiative report they took about 8 s of a nightly run's
 * 13 s report stage on two cores (JFR, docs/performance.md).
 */
final class ChartImages {
  private ChartImages() {}

  /** Colours a chart keeps in the PDF. */
  static final int PRINT_PALETTE = 32;

  /** Colours a chart keeps: its flat fills exactly, and enough shades for anti-aliased text and lines. */
  static final int PALETTE = 64;

  /** A chart's two PNGs: the mail's at {@link Charts#SCALE}x, the PDF's at 1x. */
  record Encoded(byte[] png, byte[] print) {}

  /** An image's pixels as palette indexes into {@code colours} (0xRRGGBB). */
  record Indexed(int width, int height, int[] colours, byte[] indexes) {
    /** The colour of pixel {@code i}. */
    int rgb(int i) {
      return colours[indexes[i] & 255];
    }
  }

  /** The mail's PNG and the PDF's smaller copy of a drawn chart (an image {@link Charts#SCALE} times its display size). */
  static Encoded encode(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] px = pixels(img);
    return new Encoded(png(palette(px, w, h, PALETTE)), png(palette(downscale(px, w, h, Charts.SCALE),
        Math.max(1, w / Charts.SCALE), Math.max(1, h / Charts.SCALE), PRINT_PALETTE)));
  }

  /** The pixels (0xRRGGBB, row by row): the raster itself for an RGB image, else converted once. */
  static int[] pixels(BufferedImage img) {
    if (img.getType() == BufferedImage.TYPE_INT_RGB && img.getRaster().getDataBuffer() instanceof DataBufferInt buffer
        && buffer.getNumBanks() == 1 && img.getRaster().getParent() == null) {
      return buffer.getData();
    }
    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < px.length; i++) {
      px[i] &= 0xffffff;
    }
    return px;
  }

  /**
   * The image {@code scale} times smaller in each direction, each pixel the mean of its {@code scale x
   * scale} block (area averaging in one pass, rounded half up); a remainder row or column is dropped.
   */
  static int[] downscale(int[] src, int sw, int sh, int scale) {
    int w = Math.max(1, sw / scale);
    int h = Math.max(1, sh / scale);
    int bw = Math.min(scale, sw);
    int bh = Math.min(scale, sh);
    int n = bw * bh;
    int[] dst = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rs = 0;
        int gs = 0;
        int bs = 0;
        for (int dy = 0; dy < bh; dy++) {
          int row = (y * scale + dy) * sw + x * scale;
          for (int dx = 0; dx < bw; dx++) {
            int p = src[row + dx];
            rs += (p >> 16) & 255;
            gs += (p >> 8) & 255;
            bs += p & 255;
          }
        }
        dst[y * w + x] = ((rs + n / 2) / n) << 16 | ((gs + n / 2) / n) << 8 | ((bs + n / 2) / n);
      }
    }
    return dst;
  }

  /**
   * The pixels in a palette of their {@code colours} most frequent colours, each other pixel drawn in the
   * nearest of them: a third of the bytes of a true-colour PNG (the PDF embeds one per initiative, and the
   * whole mail must stay under 2 MB), and the same to the eye. Deterministic: equal counts are ordered by
   * colour value.
   */
  static Indexed palette(int[] px, int w, int h, int colours) {
    // A chart is long runs of one colour: count runs, not pixels, so the map is touched rarely.
    Map<Integer, int[]> counts = new HashMap<>();
    int run = 0;
    int last = px.length == 0 ? 0 : px[0] & 0xffffff;
    for (int p : px) {
      int c = p & 0xffffff;
      if (c != last) {
        counts.computeIfAbsent(last, k -> new int[1])[0] += run;
        last = c;
        run = 0;
      }
      run++;
    }
    if (run > 0) {
      counts.computeIfAbsent(last, k -> new int[1])[0] += run;
    }
    long[] ranked = new long[counts.size()];
    int k = 0;
    for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
      // Most frequent first, then by colour value: sort ascending on (-count, colour).
      ranked[k++] = ((long) (Integer.MAX_VALUE - e.getValue()[0]) << 24) | e.getKey();
    }
    Arrays.sort(ranked);
    int[] pal = new int[Math.min(colours, ranked.length)];
    for (int i = 0; i < pal.length; i++) {
      pal[i] = (int) (ranked[i] & 0xffffff);
    }
    byte[] indexes = new byte[px.length];
    Map<Integer, Integer> nearest = new HashMap<>();
    int lastColour = -1;
    int lastIndex = 0;
    for (int i = 0; i < px.length; i++) {
      int c = px[i] & 0xffffff;
      if (c != lastColour) {
        lastColour = c;
        lastIndex = nearest.computeIfAbsent(c, key -> nearest(pal, key));
      }
      indexes[i] = (byte) lastIndex;
    }
    return new Indexed(w, h, pal, indexes);
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

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * The image as a PNG (ISO/IEC 15948): colour type 3 (palette), bit depth 8, no interlace, each row
   * unfiltered (the recommended filter for palette images), the rows deflated at zlib's default level: on
   * the 200-initiative report level 9 took 1.6 s of charts against 0.7 s at level 6, for 1.03 MB of PNG
   * against 1.23 MB (a 0.5 % larger PDF).
   */
  static byte[] png(Indexed img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(img.indexes().length / 8 + 1024);
    out.writeBytes(SIGNATURE);
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, img.width());
    putInt(ihdr, 4, img.height());
    ihdr[8] = 8; // bit depth
    ihdr[9] = 3; // colour type: palette
    chunk(out, "IHDR", ihdr, ihdr.length);
    byte[] plte = new byte[img.colours().length * 3];
    for (int i = 0; i < img.colours().length; i++) {
      plte[3 * i] = (byte) (img.colours()[i] >> 16);
      plte[3 * i + 1] = (byte) (img.colours()[i] >> 8);
      plte[3 * i + 2] = (byte) img.colours()[i];
    }
    chunk(out, "PLTE", plte, plte.length);
    int w = img.width();
    byte[] raw = new byte[(w + 1) * img.height()];
    for (int y = 0; y < img.height(); y++) {
      raw[y * (w + 1)] = 0; // filter type None
      System.arraycopy(img.indexes(), y * w, raw, y * (w + 1) + 1, w);
    }
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(raw);
      deflater.finish();
      byte[] buf = new byte[Math.max(1024, raw.length / 4)];
      ByteArrayOutputStream idat = new ByteArrayOutputStream(buf.length);
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        idat.write(buf, 0, n);
      }
      chunk(out, "IDAT", idat.toByteArray(), idat.size());
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
    byte[] len = new byte[4];
    putInt(len, 0, length);
    out.writeBytes(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.write(data, 0, length);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data, 0, length);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.writeBytes(c);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
