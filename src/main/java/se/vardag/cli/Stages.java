package se.vardag.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.DeliveryResult;
import se.vardag.delivery.Mailer;
import se.vardag.model.Tables;
import se.vardag.publish.Publisher;
import se.vardag.publish.RunManifest;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportRenderer;
import se.vardag.run.Pipeline;

/** Wires the report (rendered before the switch, from the tables just written) and its delivery into a run. */
final class Stages {
  private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

  private Stages() {}

  static Pipeline.AfterPublish afterPublish(VardagConfig config, Path output, Clock clock, boolean resend) {
    ReportRenderer renderer = new ReportRenderer(config);
    Publisher publisher = new Publisher(output);
    return new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, Path versionDir, LocalDate asOf) {
        renderer.render(spark, versionDir, asOf, earlier(publisher, versionDir, asOf).orElse(null));
      }

      @Override
      public ExitCode deliver(Path publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        RenderedReport report = RenderedReport.load(publishedVersionDir.resolve(Tables.REPORT));
        return Stages.deliver(new Mailer(config, output.toAbsolutePath().normalize(), clock), asOf, report, resend,
            manifest);
      }
    };
  }

  /**
   * What the report for {@code asOf} compares with: the latest earlier date that this run wrote
   * (a backfill's previous date, beside {@code versionDir}) or that the output has published.
   * This run's tables of a date are newer than the published ones, so they win for the same date.
   */
  static Optional<ReportRenderer.Earlier> earlier(Publisher publisher, Path versionDir, LocalDate asOf) {
    TreeMap<LocalDate, Path> candidates = new TreeMap<>();
    for (LocalDate d : publisher.publishedDates()) {
      if (d.isBefore(asOf)) {
        publisher.published(d).ifPresent(dir -> candidates.put(d, dir));
      }
    }
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(versionDir.getParent())) {
      for (Path sibling : siblings) {
        LocalDate d = parseDate(sibling.getFileName().toString());
        if (d != null && d.isBefore(asOf) && Files.isDirectory(sibling.resolve(Tables.INITIATIVE_ADOPTION))) {
          candidates.put(d, sibling);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the run's version folders beside " + versionDir, e);
    }
    Map.Entry<LocalDate, Path> last = candidates.lastEntry();
    return last == null ? Optional.empty() : Optional.of(new ReportRenderer.Earlier(last.getKey(), last.getValue()));
  }

  private static LocalDate parseDate(String name) {
    try {
      return LocalDate.parse(name);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static ExitCode deliver(Mailer mailer, LocalDate asOf, RenderedReport report, boolean resend, RunManifest manifest) {
    DeliveryResult result = mailer.deliverAll(asOf, report, resend);
    if (result.failed()) {
      LOG.error("Delivery failed; the report stays pending for the next run: {}", result.summary());
    } else {
      LOG.info("Delivery: {}", result.summary());
    }
    manifest.node("delivery").put("sent", result.sent().size()).put("skipped", result.skipped().size())
        .put("pending", result.failures().size()).put("summary", result.summary());
    return result.exitCode();
  }

  static Pipeline.AfterPublish none() {
    return new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, Path versionDir, LocalDate asOf) {}

      @Override
      public ExitCode deliver(Path publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        return ExitCode.OK;
      }
    };
  }
}
