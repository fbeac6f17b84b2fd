package se.vardag.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import se.vardag.ExitCode;
import se.vardag.config.VardagConfig;
import se.vardag.publish.RunManifest;
import se.vardag.run.Pipeline;

/** Wires the report and delivery stages into a run. */
final class Stages {
  private Stages() {}

  static Pipeline.AfterPublish afterPublish(VardagConfig config, Path output, Clock clock, boolean resend) {
    return none();
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
