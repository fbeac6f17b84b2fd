package se.vardag.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.DeliveryResult;
import se.vardag.delivery.Mailer;
import se.vardag.model.Tables;
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
    return new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, Path versionDir, LocalDate asOf) {
        renderer.render(spark, versionDir, asOf);
      }

      @Override
      public ExitCode deliver(Path publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        RenderedReport report = RenderedReport.load(publishedVersionDir.resolve(Tables.REPORT));
        return Stages.deliver(new Mailer(config, output.toAbsolutePath().normalize(), clock), asOf, report, resend,
            manifest);
      }
    };
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
