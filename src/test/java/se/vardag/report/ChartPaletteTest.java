package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Charts are palette PNGs of their most frequent colours; the PDF's copies are averaged down to 1x. The
 * PNGs are written by ChartImages' own encoder and read back here by ImageIO, an independent decoder.
 */
class ChartPaletteTest {

  @Test
  void thePaletteKeepsTheMostFrequentColoursAndDrawsEveryOtherPixelInTheNearest() {
    // Five pixels: white ×2, blue ×2 (one run each side of red), one red and one near-white.
    int white = 0xffffff;
    int blue = 0x2563eb;
    int red = 0xb42318;
    int nearWhite = 0xfafafa;
    int[] px = {white, blue, red, blue, white, nearWhite};
    ChartImages.Indexed out = ChartImages.palette(px, 6, 1, 2);
    // white (2) and blue (2) tie on count; ties go by colour value: blue 0x2563eb before white.
    assertThat(out.colours()).containsExactly(blue, white);
    assertThat(rgb(out)).containsExactly(white, blue, blue, blue, white, white);
    // With room for every colour nothing changes; the most frequent colours come first.
    ChartImages.Indexed all = ChartImages.palette(px, 6, 1, 64);
    assertThat(all.colours()).containsExactly(blue, white, red, nearWhite);
    assertThat(rgb(all)).containsExactly(px);
  }

  @Test
  void thePrintCopyIsTheMeanOfEachTwoByTwoBlock() throws Exception {
    // 4 x 2 at 2x: left block one black pixel and three white, right block all blue.
    int b = 0x2563eb;
    BufferedImage img = image(4, 2, 0x000000, 0xffffff, b, b, 0xffffff, 0xffffff, b, b);
    ChartImages.Encoded encoded = ChartImages.encode(img);
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(encoded.print()));
    assertThat(small.getWidth()).isEqualTo(2);
    assertThat(small.getHeight()).isEqualTo(1);
    // (0 + 3 × 255 + 2) / 4 = 191 in each channel.
    assertThat(rgb(small)).containsExactly(0xbfbfbf, b);
    BufferedImage mail = ImageIO.read(new ByteArrayInputStream(encoded.png()));
    assertThat(mail.getColorModel()).isInstanceOf(IndexColorModel.class);
    assertThat(rgb(mail)).containsExactly(0x000000, 0xffffff, b, b, 0xffffff, 0xffffff, b, b);
  }

  @Test
  void anImageOfAtMostSixtyFourColoursReadsBackPixelForPixel() throws Exception {
    // 97 x 41: odd sizes, so that rows of the PNG do not line up with anything.
    int w = 97;
    int h = 41;
    Random random = new Random(7);
    int[] colours = new int[64];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = random.nextInt(0x1000000);
    }
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      // Runs of a colour, as in a chart, with single odd pixels between them.
      px[i] = i % 13 == 0 ? colours[random.nextInt(64)] : colours[(i / 29) % 64];
    }
    BufferedImage img = image(w, h, px);
    assertThat(ChartImages.pixels(img)).containsExactly(px);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(ChartImages.png(ChartImages.palette(px, w, h, 64))));
    assertThat(back.getWidth()).isEqualTo(w);
    assertThat(back.getHeight()).isEqualTo(h);
    assertThat(rgb(back)).containsExactly(px);
  }

  @Test
  void anImageThatIsNotIntRgbIsConvertedOnce() {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
    img.setRGB(0, 0, 0x123456);
    img.setRGB(1, 0, 0xabcdef);
    assertThat(ChartImages.pixels(img)).containsExactly(0x123456, 0xabcdef);
  }

  private static BufferedImage image(int w, int h, int... rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, rgb, 0, w);
    return img;
  }

  private static int[] rgb(ChartImages.Indexed img) {
    int[] px = new int[img.indexes().length];
    for (int i = 0; i < px.length; i++) {
      px[i] = img.rgb(i);
    }
    return px;
  }

  private static int[] rgb(BufferedImage img) {
    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < px.length; i++) {
      px[i] &= 0xffffff;
    }
    return px;
  }
}
