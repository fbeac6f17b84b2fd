package se.vardag.report;

import static java.util.Objects.requireNonNull;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.Checksums;

/**
 * The report's full detail as a PDF, rendered from the report's own HTML ({@link HtmlRenderer#render}
 * with the charts as {@code data:} URLs) by OpenHTMLtoPDF on PDFBox. The text is set in the bundled
 * Liberation Sans (metric-compatible with Arial, the mail's font; SIL OFL, {@code fonts/}), embedded as
 * a subset, so å, ä, ö, → and − print on any reader. Like the rest of the report it does not depend on
 * the clock: the document's dates are D and its file identifier is a hash of the HTML, so the same
 * tables give the same bytes.
 */
final class PdfRenderer {
  static final String FONT_FAMILY = "Liberation Sans";
  private static final String FONTS = "/se/vardag/report/fonts/LiberationSans-";

  static {
    XRLog.setLoggerImpl(new Slf4jLog());
  }

  private PdfRenderer() {}

  /**
   * OpenHTMLtoPDF's log on SLF4J: its warnings about CSS it does not implement (the mail's
   * client-specific styles such as {@code outline}) at debug, everything else it warns about at warn.
   */
  private static final class Slf4jLog implements XRLogger {
    private static final Logger LOG = LoggerFactory.getLogger("se.vardag.report.pdf");

    @Override
    public void log(String where, Level level, String msg) {
      log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        LOG.error("{}: {}", where, msg, th);
      } else if (level.intValue() >= Level.WARNING.intValue() && !XRLog.CSS_PARSE.equals(where)) {
        LOG.warn("{}: {}", where, msg, th);
      } else if (LOG.isDebugEnabled()) {
        LOG.debug("{}: {}", where, msg, th);
      }
    }

    @Override
    public void setLevel(String logger, Level level) {}

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
      return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
    }
  }

  /** Renders {@code xhtml} (well-formed, every resource inline) into a PDF dated {@code asOf}. */
  static byte[] render(String xhtml, String title, LocalDate asOf) {
    requireNonNull(xhtml, "xhtml is null");
    requireNonNull(asOf, "asOf is null");
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.withHtmlContent(xhtml, null);
    b.withProducer("Vardag");
    font(b, "Regular", 400, FontStyle.NORMAL);
    font(b, "Bold", 700, FontStyle.NORMAL);
    font(b, "Italic", 400, FontStyle.ITALIC);
    font(b, "BoldItalic", 700, FontStyle.ITALIC);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    b.toStream(out);
    try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument doc = renderer.getPdfDocument();
      Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      day.clear();
      day.set(asOf.getYear(), asOf.getMonthValue() - 1, asOf.getDayOfMonth());
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setCreationDate(day);
      info.setModificationDate(day);
      byte[] id = HexFormat.of().parseHex(HexFormat.of().formatHex(
          Checksums.sha256().digest(xhtml.getBytes(StandardCharsets.UTF_8)), 0, 16));
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      doc.save(out);
      doc.close();
    } catch (IOException | RuntimeException e) {
      throw ReportErrors.cannotRenderPdf(asOf, e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder b, String style, int weight, FontStyle fontStyle) {
    byte[] ttf = FONT_FILES.computeIfAbsent(style, PdfRenderer::loadFont);
    b.useFont(() -> new java.io.ByteArrayInputStream(ttf), FONT_FAMILY, weight, fontStyle, true);
  }

  /** The bundled fonts, read once per process, without their GSUB tables (see {@link #withoutTable}). */
  private static final java.util.Map<String, byte[]> FONT_FILES = new java.util.concurrent.ConcurrentHashMap<>();

  private static byte[] loadFont(String style) {
    String resource = FONTS + style + ".ttf";
    try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find the font " + resource + " on the class path");
      }
      return withoutTable(in.readAllBytes(), "GSUB");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot read the font " + resource, e);
    }
  }

  /**
   * The TrueType font {@code ttf} without its table {@code tag} (its directory entry removed, the other
   * tables' offsets moved by the 16 bytes of the entry; the table's bytes stay, unreferenced), or {@code
   * ttf} itself when it has no such table.
   *
   * <p>Why GSUB: PDFBox 3.0 applies a font's glyph substitutions (for Latin script: ligatures) to every
   * string it shows, and builds regular expressions for that on each call; in a JFR profile of the 127-page
   * report of 200 initiatives that was 70 % of the PDF's time. The report has no use for ligatures (and
   * without them its text copies out of a PDF reader letter for letter), so the fonts are embedded without.
   */
  static byte[] withoutTable(byte[] ttf, String tag) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(ttf);
    int n = Short.toUnsignedInt(in.getShort(4));
    int drop = -1;
    for (int i = 0; i < n; i++) {
      if (tag.equals(new String(ttf, 12 + 16 * i, 4, StandardCharsets.US_ASCII))) {
        drop = i;
      }
    }
    if (drop < 0) {
      return ttf;
    }
    int m = n - 1;
    byte[] out = new byte[ttf.length - 16];
    java.nio.ByteBuffer o = java.nio.ByteBuffer.wrap(out);
    o.putInt(in.getInt(0));
    o.putShort((short) m);
    int entrySelector = 31 - Integer.numberOfLeadingZeros(Math.max(1, m));
    int searchRange = (1 << entrySelector) * 16;
    o.putShort((short) searchRange);
    o.putShort((short) entrySelector);
    o.putShort((short) (m * 16 - searchRange));
    for (int i = 0; i < n; i++) {
      if (i == drop) {
        continue;
      }
      int at = 12 + 16 * i;
      o.putInt(in.getInt(at));
      o.putInt(in.getInt(at + 4));
      o.putInt(in.getInt(at + 8) - 16);
      o.putInt(in.getInt(at + 12));
    }
    System.arraycopy(ttf, 12 + 16 * n, out, 12 + 16 * m, ttf.length - (12 + 16 * n));
    return out;
  }
}
