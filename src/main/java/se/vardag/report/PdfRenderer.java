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
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
    return render(List.of(xhtml), title, asOf);
  }

  /**
   * Renders the documents {@code parts} (each well-formed, every resource inline) side by side, on the
   * calling thread and the common pool, and puts their pages one after the other into one PDF dated
   * {@code asOf}, its pages numbered "n / N" at the bottom right. The layout of a long report is most of its
   * cost and one thread's work; in parts it uses the machine's other core (docs/performance.md).
   */
  static byte[] render(List<String> parts, String title, LocalDate asOf) {
    requireNonNull(parts, "parts is null");
    requireNonNull(asOf, "asOf is null");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("Cannot render a PDF of no documents");
    }
    List<PdfBoxRenderer> renderers = new ArrayList<>();
    List<PDDocument> later = new ArrayList<>();
    try {
      // The first part is laid out into the document that is saved; the others are saved on their own
      // (which embeds their fonts' subsets), read back, and their pages imported.
      List<Object> laidOut = java.util.stream.IntStream.range(0, parts.size()).parallel()
          .mapToObj(k -> k == 0 ? (Object) layout(parts.get(0)) : (Object) saved(parts.get(k))).toList();
      renderers.add((PdfBoxRenderer) laidOut.get(0));
      PDDocument doc = renderers.get(0).getPdfDocument();
      for (Object other : laidOut.subList(1, laidOut.size())) {
        PDDocument part = org.apache.pdfbox.Loader.loadPDF((byte[]) other);
        later.add(part);
        for (PDPage page : part.getPages()) {
          doc.importPage(page);
        }
      }
      numberPages(doc);
      Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      day.clear();
      day.set(asOf.getYear(), asOf.getMonthValue() - 1, asOf.getDayOfMonth());
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setProducer("Vardag");
      info.setCreationDate(day);
      info.setModificationDate(day);
      java.security.MessageDigest sha = Checksums.sha256();
      parts.forEach(x -> sha.update(x.getBytes(StandardCharsets.UTF_8)));
      byte[] id = java.util.Arrays.copyOf(sha.digest(), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw ReportErrors.cannotRenderPdf(asOf, e);
    } finally {
      for (PDDocument part : later) {
        closeQuietly(part::close);
      }
      for (PdfBoxRenderer r : renderers) {
        closeQuietly(r.getPdfDocument()::close);
        closeQuietly(r::close);
      }
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot close a PDF document or renderer: {}", e.toString());
    }
  }

  /** One document laid out and saved as a PDF of its own. */
  private static byte[] saved(String xhtml) {
    PdfBoxRenderer r = layout(xhtml);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
      r.getPdfDocument().save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      closeQuietly(r.getPdfDocument()::close);
      closeQuietly(r::close);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(PdfRenderer.class);

  /** One document laid out into pages of a PDF document left open. */
  private static PdfBoxRenderer layout(String xhtml) {
    requireNonNull(xhtml, "xhtml is null");
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.withHtmlContent(xhtml, null);
    b.withProducer("Vardag");
    font(b, "Regular", 400, FontStyle.NORMAL);
    font(b, "Bold", 700, FontStyle.NORMAL);
    font(b, "Italic", 400, FontStyle.ITALIC);
    font(b, "BoldItalic", 700, FontStyle.ITALIC);
    PdfBoxRenderer renderer = b.buildPdfRenderer();
    try {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      return renderer;
    } catch (IOException | RuntimeException e) {
      closeQuietly(renderer.getPdfDocument()::close);
      closeQuietly(renderer::close);
      throw e instanceof IOException io ? new java.io.UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Where and how a page's number is set: the bottom margin's middle, right-aligned, as the report's small print. */
  static final float NUMBER_SIZE = 9f * 0.75f; // 9 CSS px in points
  private static final float MM = 72f / 25.4f;

  /** Stamps "n / N" on every page, in the bundled regular font. */
  static void numberPages(PDDocument doc) throws IOException {
    PDType0Font font = PDType0Font.load(doc, new java.io.ByteArrayInputStream(FONT_FILES.computeIfAbsent("Regular",
        PdfRenderer::loadFont)), true);
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      PDPage page = doc.getPage(i);
      String label = (i + 1) + " / " + n;
      float width = font.getStringWidth(label) / 1000f * NUMBER_SIZE;
      PDRectangle box = page.getMediaBox();
      float x = box.getUpperRightX() - 10 * MM - width;
      float y = box.getLowerLeftY() + 7 * MM - NUMBER_SIZE * 0.35f;
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true,
          true)) {
        cs.beginText();
        cs.setFont(font, NUMBER_SIZE);
        cs.setNonStrokingColor(0x66 / 255f, 0x70 / 255f, 0x85 / 255f);
        cs.newLineAtOffset(x, y);
        cs.showText(label);
        cs.endText();
      }
    }
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
