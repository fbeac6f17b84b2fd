package se.vardag.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code jobs/cluster-test} in {@code ./mvnw verify} (maven-failsafe-plugin, after the
 * application jar is packaged): a real Spark standalone cluster on 127.0.0.1 must publish exactly
 * the tables of a local run. Skip with {@code -DskipITs}. See docs/cluster.md.
 */
class StandaloneClusterIT {
  private static final long LIMIT_MINUTES = 30;

  @Test
  void clusterRunPublishesTheSameTablesAsALocalRun() throws Exception {
    assumeTrue(onPath("setsid"), "jobs/cluster-test needs setsid (util-linux)");
    Path project = Path.of(System.getProperty("vardag.project.dir", ".")).toAbsolutePath();
    Path script = project.resolve("jobs").resolve("cluster-test");
    assertThat(script).isExecutable();

    // The script's output goes through System.out: the test runner owns this JVM's own stdout.
    Process p = new ProcessBuilder(script.toString()).directory(project.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    Thread copy = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        out.lines().forEach(System.out::println);
      } catch (IOException e) {
        System.out.println("(output of jobs/cluster-test lost: " + e + ")");
      }
    }, "cluster-test output");
    copy.setDaemon(true);
    copy.start();
    boolean finished = p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      // SIGTERM: the script's trap stops the cluster before it exits.
      p.destroy();
      p.waitFor(1, TimeUnit.MINUTES);
    }
    copy.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(finished).as("jobs/cluster-test finished within %d minutes", LIMIT_MINUTES).isTrue();
    assertThat(p.exitValue()).as("exit code of jobs/cluster-test (its output is above)").isZero();
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
