package se.vardag.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import se.vardag.AtomicFiles;
import se.vardag.Location;
import se.vardag.Text;

/**
 * A rendered report, ready to mail: subject, the whole report (HTML, text, PDF), the mail's digest
 * (HTML body and plain-text alternative), the CSV attachment and the charts. It is written to (and
 * loaded back from) a report folder, so delivery after a crash needs no Spark:
 * <pre>
 *   report.html        the whole report, charts referenced as charts/NAME.png
 *   report.txt         the whole report as text
 *   report.pdf         the whole report as a PDF (mailed as {@link #pdfName()}); absent when there is none
 *   mail.html          the mail's HTML body, the digest (charts as charts/NAME.png here, cid: in the mail)
 *   mail.txt           the mail's plain-text alternative
 *   initiatives.csv    the CSV attachment (mailed as {@link #attachmentName()})
 *   charts/NAME.png    the charts
 *   report.json        subject, language, attachment names, and each chart's Content-ID and alt text
 * </pre>
 * A folder written before the digest (no mail.html) loads with the whole report as its mail and no PDF.
 */
public final class RenderedReport {
  public static final String HTML_FILE = "report.html";
  public static final String TEXT_FILE = "report.txt";
  public static final String META_FILE = "report.json";
  public static final String PDF_FILE = "report.pdf";
  public static final String MAIL_HTML_FILE = "mail.html";
  public static final String MAIL_TEXT_FILE = "mail.txt";
  public static final String CHARTS_DIR = "charts";
  private static final Pattern SAFE_FILE = Pattern.compile("[a-z0-9][a-z0-9._-]*\\.png");

  /** A chart: file name under charts/, its Content-ID (without angle brackets), alt text and PNG bytes. */
  public record Chart(String fileName, String contentId, String alt, byte[] png) {
    public Chart {
      requireNonNull(fileName, "fileName is null");
      requireNonNull(contentId, "contentId is null");
      if (!SAFE_FILE.matcher(fileName).matches()) {
        throw new IllegalArgumentException("Cannot use chart file name " + fileName);
      }
      png = png.clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }
  }

  private final LocalDate asOf;
  private final String language;
  private final String subject;
  private final String text;
  private final String html;
  private final byte[] csv;
  private final String attachmentName;
  private final List<Chart> charts;
  private final String mailText;
  private final String mailHtml;
  private final byte[] pdf;
  private final String pdfName;

  /** A report whose mail is the report itself, without a PDF (a short message). */
  public RenderedReport(LocalDate asOf, String language, String subject, String text, String html, byte[] csv,
      String attachmentName, List<Chart> charts) {
    this(asOf, language, subject, text, html, csv, attachmentName, charts, text, html, null, null);
  }

  /**
   * {@code text} and {@code html}: the whole report; {@code mailText} and {@code mailHtml}: the mail's
   * digest; {@code pdf} (null: none) is mailed as {@code pdfName}.
   */
  public RenderedReport(LocalDate asOf, String language, String subject, String text, String html, byte[] csv,
      String attachmentName, List<Chart> charts, String mailText, String mailHtml, byte[] pdf, String pdfName) {
    this.asOf = requireNonNull(asOf, "asOf is null");
    this.language = requireNonNull(language, "language is null");
    this.subject = Text.oneLine(requireNonNull(subject, "subject is null"));
    this.text = requireNonNull(text, "text is null");
    this.html = requireNonNull(html, "html is null");
    this.csv = requireNonNull(csv, "csv is null").clone();
    this.attachmentName = Text.oneLine(requireNonNull(attachmentName, "attachmentName is null"));
    this.charts = List.copyOf(charts);
    this.mailText = requireNonNull(mailText, "mailText is null");
    this.mailHtml = requireNonNull(mailHtml, "mailHtml is null");
    this.pdf = pdf == null ? null : pdf.clone();
    if (pdf != null) {
      requireNonNull(pdfName, "pdfName is null");
    }
    this.pdfName = pdfName == null ? null : Text.oneLine(pdfName);
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** sv or en. */
  public String language() {
    return language;
  }

  /** The subject, on one line (no CR/LF, no control characters). */
  public String subject() {
    return subject;
  }

  /** The whole report as text (report.txt). */
  public String text() {
    return text;
  }

  /** The whole report's HTML as written to report.html: charts referenced as {@code charts/NAME.png}. */
  public String fileHtml() {
    return html;
  }

  /** The mail's plain-text alternative (the digest). */
  public String mailText() {
    return mailText;
  }

  /** The mail's HTML body as written to mail.html: charts referenced as {@code charts/NAME.png}. */
  public String mailFileHtml() {
    return mailHtml;
  }

  /** The mail's HTML body, the digest: each of its charts referenced as {@code cid:CONTENT-ID}. */
  public String mailHtml() {
    String out = mailHtml;
    for (Chart c : mailCharts()) {
      out = out.replace(chartSrc(c), "src=\"cid:" + c.contentId() + "\"");
    }
    return out;
  }

  /** The charts the mail's HTML shows (its inline parts): a subset of {@link #charts()}. */
  public List<Chart> mailCharts() {
    return charts.stream().filter(c -> mailHtml.contains(chartSrc(c))).toList();
  }

  private static String chartSrc(Chart c) {
    return "src=\"" + CHARTS_DIR + "/" + c.fileName() + "\"";
  }

  /** The whole report as a PDF, if there is one. */
  public java.util.Optional<byte[]> pdf() {
    return java.util.Optional.ofNullable(pdf).map(byte[]::clone);
  }

  /** The PDF's file name in the report's language (initiativrapport-2026-11-03.pdf); null without a PDF. */
  public String pdfName() {
    return pdfName;
  }

  /** The CSV attachment's bytes (UTF-8 with BOM). */
  public byte[] csv() {
    return csv.clone();
  }

  /** The attachment's file name in the report's language, e.g. initiativmått-2026-11-03.csv. */
  public String attachmentName() {
    return attachmentName;
  }

  public List<Chart> charts() {
    return charts;
  }

  /**
   * Writes the report folder whole: into a new folder beside {@code reportDir}, then renamed into place,
   * so a reader never sees a half-written report and a re-render replaces the old one completely.
   */
  public void writeTo(Path reportDir) {
    writeTo(Location.of(reportDir));
  }

  /**
   * As {@link #writeTo(Path)}; on a Hadoop file system, where nothing is renamed in one step, the
   * files are uploaded one by one into {@code reportDir}, which must lie in a version folder no reader
   * looks at yet (its date's pointer is written after it).
   */
  public void writeTo(Location reportDir) {
    if (!reportDir.isLocal()) {
      try {
        reportDir.delete();
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
          reportDir.resolve(f.getKey()).write(f.getValue());
        }
      } catch (IOException e) {
        throw ReportErrors.cannotWrite(reportDir, e);
      }
      return;
    }
    Path target = reportDir.path();
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
      cleanLeftovers(parent, target.getFileName().toString());
      Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
      Files.createDirectories(tmp.resolve(CHARTS_DIR));
      for (Map.Entry<String, byte[]> f : files().entrySet()) {
        AtomicFiles.writeAndSync(tmp.resolve(f.getKey()), f.getValue());
      }
      AtomicFiles.syncDir(tmp.resolve(CHARTS_DIR));
      AtomicFiles.syncDir(tmp);
      Path old = null;
      if (Files.exists(target)) {
        old = parent.resolve("." + target.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(target, old);
      }
      Files.move(tmp, target);
      AtomicFiles.syncDir(parent);
      if (old != null) {
        AtomicFiles.deleteRecursively(old);
      }
    } catch (IOException e) {
      throw ReportErrors.cannotWrite(reportDir, e);
    }
  }

  /** The folder's files by relative name, the metadata last (a loader reads it first). */
  private Map<String, byte[]> files() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(HTML_FILE, html.getBytes(StandardCharsets.UTF_8));
    out.put(TEXT_FILE, text.getBytes(StandardCharsets.UTF_8));
    out.put(MAIL_HTML_FILE, mailHtml.getBytes(StandardCharsets.UTF_8));
    out.put(MAIL_TEXT_FILE, mailText.getBytes(StandardCharsets.UTF_8));
    if (pdf != null) {
      out.put(PDF_FILE, pdf);
    }
    out.put(CsvExport.FILE_NAME, csv);
    for (Chart c : charts) {
      out.put(CHARTS_DIR + "/" + c.fileName(), c.png);
    }
    out.put(META_FILE, meta());
    return out;
  }

  /** Removes temporary or old folders a crashed earlier write left beside the report folder. */
  private static void cleanLeftovers(Path parent, String name) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + ".{tmp,old}-*")) {
      for (Path p : ds) {
        AtomicFiles.deleteRecursively(p);
      }
    }
  }

  private byte[] meta() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("as_of", asOf.toString());
    root.put("language", language);
    root.put("subject", subject);
    root.put("attachment_name", attachmentName);
    if (pdfName != null) {
      root.put("pdf_name", pdfName);
    }
    ArrayNode cs = root.putArray("charts");
    for (Chart c : charts) {
      cs.addObject().put("file", c.fileName()).put("content_id", c.contentId()).put("alt", c.alt());
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a report folder written by {@link #writeTo}. */
  public static RenderedReport load(Path reportDir) {
    return load(Location.of(reportDir));
  }

  /** Loads a report folder written by {@link #writeTo(Location)}. */
  public static RenderedReport load(Location reportDir) {
    Location meta = reportDir.resolve(META_FILE);
    try {
      if (!meta.isFile()) {
        throw ReportErrors.renderedReportMissing(reportDir, "there is no " + META_FILE);
      }
      JsonNode root = new ObjectMapper().readTree(meta.readAllBytes());
      List<Chart> charts = new ArrayList<>();
      for (JsonNode c : root.path("charts")) {
        String file = c.path("file").asText();
        charts.add(new Chart(file, c.path("content_id").asText(), c.path("alt").asText(),
            reportDir.resolve(CHARTS_DIR).resolve(file).readAllBytes()));
      }
      String text = string(reportDir.resolve(TEXT_FILE));
      String html = string(reportDir.resolve(HTML_FILE));
      boolean digest = reportDir.resolve(MAIL_HTML_FILE).isFile();
      String pdfName = root.hasNonNull("pdf_name") ? root.get("pdf_name").asText() : null;
      return new RenderedReport(LocalDate.parse(root.path("as_of").asText()), root.path("language").asText(),
          root.path("subject").asText(), text, html, reportDir.resolve(CsvExport.FILE_NAME).readAllBytes(),
          root.path("attachment_name").asText(), charts,
          digest ? string(reportDir.resolve(MAIL_TEXT_FILE)) : text,
          digest ? string(reportDir.resolve(MAIL_HTML_FILE)) : html,
          pdfName == null ? null : reportDir.resolve(PDF_FILE).readAllBytes(), pdfName);
    } catch (IOException | RuntimeException e) {
      if (e instanceof se.vardag.VardagException) {
        throw (se.vardag.VardagException) e;
      }
      throw ReportErrors.renderedReportMissing(reportDir, e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  private static String string(Location file) throws IOException {
    return new String(file.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RenderedReport{" + asOf + ", " + language + ", " + charts.size() + " charts}";
  }
}
