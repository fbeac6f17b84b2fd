package se.vardag.cluster;

import org.junit.jupiter.api.Test;
import se.vardag.JobScripts;

/**
 * Runs {@code jobs/cluster-test} in {@code ./mvnw verify} (maven-failsafe-plugin, after the
 * application jar is packaged): a real Spark standalone cluster on 127.0.0.1 must publish exactly
 * the tables of a local run. Skip with {@code -DskipITs}. See docs/cluster.md.
 */
class StandaloneClusterIT {
  @Test
  void clusterRunPublishesTheSameTablesAsALocalRun() throws Exception {
    JobScripts.runAndExpectSuccess("cluster-test", 30);
  }
}
