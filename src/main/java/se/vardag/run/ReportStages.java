package se.vardag.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.ExitCode;
import se.vardag.Location;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.DeliveryResult;
import se.vardag.delivery.MailPlan;
import se.vardag.delivery.MailPlanner;
import se.vardag.delivery.Mailer;
import se.vardag.model.Tables;
import se.vardag.publish.Publisher;
import se.vardag.publish.RunManifest;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportData;
import se.vardag.report.ReportRenderer;
import se.vardag.report.ReportVariants;

/**
 * The report's stages of a run: the report (rendered before the switch, from the tables just written),
 * the mail plan (who gets which report or alert) and its delivery. {@code nightly} and {@code backfill}
 * get them as {@link Pipeline.AfterPublish}; {@link ReportRun} runs them on a published date.
 */
public final class ReportStages {
  private static final Logger LOG = LoggerFactory.getLogger(ReportStages.class);

  private ReportStages() {}

  /** For nightly: the report, the mail plan, delivery. */
  public static Pipeline.AfterPublish afterPublish(VardagConfig config, Path output, Clock clock, boolean resend) {
    return afterPublish(config, output, clock, resend, true);
  }

  /** For nightly, with the output folder anywhere: the report, the mail plan, delivery. */
  public static Pipeline.AfterPublish afterPublish(VardagConfig config, Location output, Clock clock, boolean resend) {
    return afterPublish(config, output, clock, resend, true);
  }

  /** As {@link #afterPublish(VardagConfig, Location, Clock, boolean, boolean)}, for a local output folder. */
  public static Pipeline.AfterPublish afterPublish(VardagConfig config, Path output, Clock clock, boolean resend,
      boolean planMail) {
    return afterPublish(config, Location.of(output.toAbsolutePath().normalize()), clock, resend, planMail);
  }

  /**
   * {@code planMail} false (a backfill, which delivers nothing): the report alone. The output's files
   * are opened with the settings of the locations the run passes in ({@link Location#with}).
   */
  public static Pipeline.AfterPublish afterPublish(VardagConfig config, Location output, Clock clock, boolean resend,
      boolean planMail) {
    ReportRenderer renderer = new ReportRenderer(config);
    return new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, Location versionDir, LocalDate asOf) {
        render(spark, versionDir, asOf, null);
      }

      @Override
      public void render(SparkSession spark, Location versionDir, LocalDate asOf,
          Map<String, Dataset<Row>> computed) {
        Location out = output.with(versionDir.fs());
        ReportStages.render(config, renderer, spark, out, versionDir, asOf,
            comparable(publisher(out), versionDir, asOf, true), planMail, computed);
      }

      @Override
      public ExitCode deliver(Location publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        Location out = output.with(publishedVersionDir.fs());
        return ReportStages.deliver(new Mailer(config, out, clock), publisher(out), publishedVersionDir, asOf, resend,
            manifest);
      }

      private Publisher publisher(Location out) {
        return Publisher.of(out, out.fs(), true);
      }
    };
  }

  /**
   * Renders D's report into {@code versionDir/report/}, compared with the latest of {@code comparable}
   * (earlier dates and their version folders), then, with {@code planMail}, plans and renders each
   * recipient's mail into {@code versionDir/mail/}.
   */
  static void render(VardagConfig config, ReportRenderer renderer, SparkSession spark, Location output,
      Location versionDir, LocalDate asOf, TreeMap<LocalDate, Location> comparable, boolean planMail) {
    render(config, renderer, spark, output, versionDir, asOf, comparable, planMail, null);
  }

  /**
   * As {@link #render(VardagConfig, ReportRenderer, SparkSession, Location, Location, LocalDate, TreeMap,
   * boolean)}, D's rows taken from {@code computed} (the rows just written; null: read from {@code versionDir}).
   */
  static void render(VardagConfig config, ReportRenderer renderer, SparkSession spark, Location output,
      Location versionDir, LocalDate asOf, TreeMap<LocalDate, Location> comparable, boolean planMail,
      Map<String, Dataset<Row>> computed) {
    ReportData base = renderer.read(spark, versionDir, asOf, computed);
    Map.Entry<LocalDate, Location> last = comparable.lastEntry();
    ReportData data = last == null ? base
        : renderer.compare(spark, base, new ReportRenderer.Earlier(last.getKey(), last.getValue()), computed);
    renderer.write(data, versionDir);
    if (planMail) {
      LocalDate previous = last == null ? null : last.getKey();
      ReportVariants variants = new ReportVariants(renderer, spark, base, d -> Optional.ofNullable(comparable.get(d)));
      new MailPlanner(config, output).plan(asOf, versionDir, variants, previous, previous);
    }
  }

  /**
   * The earlier dates the report for {@code asOf} may compare with, and their version folders: the dates
   * the output has published and, with {@code siblings}, those this run wrote beside {@code versionDir} (a
   * backfill's earlier dates; newer than the published ones, so they win for the same date).
   */
  static TreeMap<LocalDate, Location> comparable(Publisher publisher, Location versionDir, LocalDate asOf,
      boolean siblings) {
    TreeMap<LocalDate, Location> candidates = new TreeMap<>();
    for (LocalDate d : publisher.publishedDates()) {
      if (d.isBefore(asOf)) {
        publisher.published(d).ifPresent(dir -> candidates.put(d, dir));
      }
    }
    if (!siblings) {
      return candidates;
    }
    try {
      Location run = versionDir.parent();
      for (Location.Entry sibling : run.entries()) {
        LocalDate d = parseDate(sibling.name());
        if (d != null && d.isBefore(asOf) && run.resolve(sibling.name()).resolve(Tables.INITIATIVE_ADOPTION)
            .isDirectory()) {
          candidates.put(d, run.resolve(sibling.name()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the run's version folders beside " + versionDir, e);
    }
    return candidates;
  }

  private static LocalDate parseDate(String name) {
    try {
      return LocalDate.parse(name);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Delivers D's mail from the published version folder: as its mail plan says, or, for a folder
   * rendered before there were plans, the organisation's report to mail.to.
   */
  static ExitCode deliver(Mailer mailer, Publisher publisher, Location publishedVersionDir, LocalDate asOf,
      boolean resend, RunManifest manifest) {
    // Only the newest date's plan says who the recipients are now: an older date's leaves others' pending mail.
    boolean newest = publisher.publishedDates().stream().noneMatch(d -> d.isAfter(asOf));
    Location planFile = publishedVersionDir.resolve(MailPlan.DIR).resolve(MailPlan.FILE);
    DeliveryResult result;
    boolean planned;
    try {
      planned = planFile.isFile();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for the mail plan " + planFile, e);
    }
    if (planned) {
      MailPlan plan;
      try {
        plan = MailPlan.load(planFile);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the mail plan " + planFile
            + "; run 'jobs/vardag report --as-of " + asOf + "' to plan and send the mail again", e);
      }
      result = mailer.deliverAll(asOf, publishedVersionDir, plan, resend, newest);
    } else {
      result = mailer.deliverAll(asOf, RenderedReport.load(publishedVersionDir.resolve(Tables.REPORT)), resend);
    }
    if (result.failed()) {
      LOG.error("Delivery failed; the report stays pending for the next run: {}", result.summary());
    } else {
      LOG.info("Delivery: {}", result.summary());
    }
    manifest.node("delivery").put("sent", result.sent().size()).put("skipped", result.skipped().size())
        .put("pending", result.failures().size()).put("summary", result.summary());
    return result.exitCode();
  }

  public static Pipeline.AfterPublish none() {
    return new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, Location versionDir, LocalDate asOf) {}

      @Override
      public ExitCode deliver(Location publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        return ExitCode.OK;
      }
    };
  }
}
