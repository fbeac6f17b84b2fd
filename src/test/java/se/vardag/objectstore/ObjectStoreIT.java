package se.vardag.objectstore;

import org.junit.jupiter.api.Test;
import se.vardag.JobScripts;

/**
 * Runs {@code jobs/object-store-test} in {@code ./mvnw verify} (maven-failsafe-plugin, after the
 * application jar is packaged): the nightly job with its output on a real S3 API server (S3Mock)
 * and output.format = delta must publish exactly the tables of a local Parquet run, read back with
 * Delta Kernel, through a rerun, a SIGKILL mid-publish and two runs at once. Skip with
 * {@code -DskipITs}. See docs/cluster.md.
 */
class ObjectStoreIT {
  @Test
  void theNightlyJobOnS3PublishesTheTablesOfALocalRun() throws Exception {
    JobScripts.runAndExpectSuccess("object-store-test", 30);
  }
}
