package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Charts are palette PNGs of their most frequent colours; the PDF's copies are averaged down to 1x. */
class ChartPaletteTest {

  @Test
  void thePaletteKeepsTheMostFrequentColoursAndDrawsEveryOtherPixelInTheNearest() {
    // Five pixels: white ×2, blue ×2 (one run each side of red), one red and one near-white.
    int white = 0xffffff;
    int blue = 0x2563eb;
    int red = 0xb42318;
    int nearWhite = 0xfafafa;
    BufferedImage img = image(6, 1, white, blue, red, blue, white, nearWhite);
    BufferedImage out = ChartImages.palette(img, 2);
    // white (2) and blue (2) tie on count; ties go by colour value: blue 0x2563eb before white.
    assertThat(rgb(out)).containsExactly(white, blue, blue, blue, white, white);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_BYTE_INDEXED);
    // With room for every colour nothing changes.
    assertThat(rgb(ChartImages.palette(img, 64))).containsExactly(white, blue, red, blue, white, nearWhite);
  }

  @Test
  void thePrintCopyIsTheMeanOfEachTwoByTwoBlock() throws Exception {
    // 4 x 2 at 2x: left block one black pixel and three white, right block all blue.
    int b = 0x2563eb;
    BufferedImage img = image(4, 2, 0x000000, 0xffffff, b, b, 0xffffff, 0xffffff, b, b);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(ChartImages.forPrint(png.toByteArray())));
    assertThat(small.getWidth()).isEqualTo(2);
    assertThat(small.getHeight()).isEqualTo(1);
    // (0 + 3 × 255 + 2) / 4 = 191 in each channel.
    assertThat(rgb(small)).containsExactly(0xbfbfbf, b);
  }

  private static BufferedImage image(int w, int h, int... rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, rgb, 0, w);
    return img;
  }

  private static int[] rgb(BufferedImage img) {
    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < px.length; i++) {
      px[i] &= 0xffffff;
    }
    return px;
  }
}
