package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import se.vardag.Location;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;
import se.vardag.report.ReportModel.ChartRef;
import se.vardag.report.ReportModel.InitiativeSection;
import se.vardag.report.ReportModel.Question;

/**
 * Renders the leadership report for D from the tables published in one version folder, and writes it
 * to {@code <versionDir>/report/} (see {@link RenderedReport} for the files). Nothing in the report
 * depends on the clock: the same tables give the same report, byte for byte.
 */
public final class ReportRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRenderer.class);

  private final VardagConfig config;

  /** An earlier published date and its version folder, for the report's changes. */
  public record Earlier(LocalDate asOf, Location versionDir) {
    public Earlier {
      requireNonNull(asOf, "asOf is null");
      requireNonNull(versionDir, "versionDir is null");
    }

    public Earlier(LocalDate asOf, Path versionDir) {
      this(asOf, Location.of(requireNonNull(versionDir, "versionDir is null")));
    }
  }

  public ReportRenderer(VardagConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /** Reads the tables of {@code versionDir}, renders the report for {@code asOf} and writes it beside them. */
  public RenderedReport render(SparkSession spark, Path versionDir, LocalDate asOf) {
    return render(spark, Location.of(versionDir), asOf, null);
  }

  /**
   * As {@link #render(SparkSession, Path, LocalDate)}, opening with the changes since {@code
   * earlier} (a date and the version folder published for it; null: nothing to compare with).
   */
  public RenderedReport render(SparkSession spark, Path versionDir, LocalDate asOf, Earlier earlier) {
    return render(spark, Location.of(versionDir), asOf, earlier);
  }

  /** As {@link #render(SparkSession, Path, LocalDate, Earlier)}, for a version folder anywhere. */
  public RenderedReport render(SparkSession spark, Location versionDir, LocalDate asOf, Earlier earlier) {
    ReportData data = read(spark, versionDir, asOf);
    if (earlier != null) {
      data = compare(spark, data, earlier);
    }
    return write(data, versionDir);
  }

  /** Renders the report of {@code data} and writes it to {@code <versionDir>/report/}. */
  public RenderedReport write(ReportData data, Location versionDir) {
    RenderedReport report = render(data);
    Location dir = versionDir.resolve(Tables.REPORT);
    report.writeTo(dir);
    LOG.info("Rendered the {} report for {} into {}: {} initiatives, {} in the headline list, {} charts",
        report.language(), data.asOf(), dir, data.initiatives().size(),
        data.initiatives().stream().filter(InitiativeRow::headline).count(), report.charts().size());
    return report;
  }

  /** D's published rows and manifest facts, read from {@code versionDir}, compared with nothing. */
  public ReportData read(SparkSession spark, Location versionDir, LocalDate asOf) {
    return TableReader.read(spark, versionDir, asOf, null);
  }

  /**
   * As {@link #read(SparkSession, Location, LocalDate)}, the tables' rows for {@code asOf} taken from {@code
   * computed} (each table's rows just written, with their {@code as_of}; null or a table not in it: read
   * from {@code versionDir}). The quarantine's counts and the manifest are read from {@code versionDir}.
   */
  public ReportData read(SparkSession spark, Location versionDir, LocalDate asOf,
      Map<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> computed) {
    return TableReader.read(spark, versionDir, asOf, computed);
  }

  /** {@code data} compared with {@code earlier}'s published verdicts and flags. */
  public ReportData compare(SparkSession spark, ReportData data, Earlier earlier) {
    return compare(spark, data, earlier, null);
  }

  /**
   * As {@link #compare(SparkSession, ReportData, Earlier)}, the earlier date's rows taken from {@code
   * computed} when it holds them (an earlier date of the same backfill), else read from its version folder.
   */
  public ReportData compare(SparkSession spark, ReportData data, Earlier earlier,
      Map<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> computed) {
    return data.comparedWith(TableReader.readEarlier(spark, earlier.versionDir(), earlier.asOf(), computed));
  }

  /** Renders the report from data already read (writes nothing). */
  public RenderedReport render(ReportData data) {
    return render(data, Scope.all());
  }

  /**
   * The short alert for {@code data} (already scoped and compared with the recipient's last mail), or
   * empty when nothing got worse; {@code nextFullReport} (null: not known) is named at its end.
   */
  public java.util.Optional<RenderedReport> renderAlert(ReportData data, Scope scope, LocalDate nextFullReport) {
    Messages m = new Messages(config.reportLocale());
    return new AlertRenderer(m, new ReportBuilder(m, config.organisation(), config.minGroupSize(), config.flags()))
        .render(data, scope, nextFullReport);
  }

  /** Renders one recipient's report from data already scoped to {@code scope} (writes nothing). */
  public RenderedReport render(ReportData data, Scope scope) {
    Messages m = new Messages(config.reportLocale());
    ReportModel model = new ReportBuilder(m, config.organisation(), config.minGroupSize(), config.flags())
        .build(data, scope);
    List<ChartRef> refs = new ArrayList<>();
    for (InitiativeSection s : model.headline()) {
      for (Question q : s.questions()) {
        if (q.chart() != null) {
          refs.add(q.chart());
        }
      }
    }
    if (model.overview() != null) {
      refs.add(model.overview());
    }
    if (model.ingredients() != null) {
      refs.add(model.ingredients());
    }
    List<RenderedReport.Chart> charts = refs.stream().map(ReportRenderer::chart).toList();
    HtmlRenderer htmlRenderer = new HtmlRenderer(m);
    TextRenderer textRenderer = new TextRenderer(m);
    Function<ChartRef, String> file = c -> RenderedReport.CHARTS_DIR + "/" + c.fileName();
    String html = htmlRenderer.render(model, file);
    String text = textRenderer.render(model);
    // The PDF is the same HTML, laid out on A4 pages, its charts inline as data: URLs of their print copies.
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, String> printSrc = new HashMap<>();
    for (ChartRef c : refs) {
      printSrc.put(c.fileName(), "data:image/png;base64," + b64.encodeToString(c.print()));
    }
    byte[] pdf = PdfRenderer.render(htmlRenderer.printParts(model, c -> printSrc.get(c.fileName()), PDF_SPLIT_ABOVE),
        model.subject(), data.asOf());
    String pdfName = m.get("pdf.name", data.asOf().toString());
    String detail = m.get("digest.detail", pdfName);
    byte[] csv = CsvExport.write(data.initiatives(), data.quality().missingOptionalInputs());
    return new RenderedReport(data.asOf(), m.language(), model.subject(), text, html, csv,
        ReportBuilder.attachmentName(m, data.asOf()), charts, textRenderer.digest(model, detail),
        htmlRenderer.digest(model, file, detail), pdf, pdfName);
  }

  /**
   * The size of the PDF's HTML (characters, charts not counted) above which it is laid out in two parts side
   * by side: about twenty pages; a smaller report is laid out whole, as the parts' fixed cost would outweigh
   * the second core.
   */
  static final int PDF_SPLIT_ABOVE = 150_000;

  private static RenderedReport.Chart chart(ChartRef c) {
    return new RenderedReport.Chart(c.fileName(), c.contentId(), c.alt(), c.png());
  }
}
