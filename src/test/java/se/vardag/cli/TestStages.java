package se.vardag.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import se.vardag.config.VardagConfig;
import se.vardag.run.Pipeline;

/** The CLI's report and delivery stages, for tests of whole runs. */
public final class TestStages {
  private TestStages() {}

  public static Pipeline.AfterPublish reportAndOutbox(VardagConfig config, Path output) {
    return se.vardag.run.ReportStages.afterPublish(config, output, Clock.fixed(Instant.parse("2026-11-28T02:15:00Z"), ZoneOffset.UTC),
        false);
  }

  /** The nightly run's report, mail plan and delivery, with the run's clock. */
  public static Pipeline.AfterPublish reportAndDelivery(VardagConfig config, Path output, Clock clock) {
    return se.vardag.run.ReportStages.afterPublish(config, output, clock, false);
  }
}
