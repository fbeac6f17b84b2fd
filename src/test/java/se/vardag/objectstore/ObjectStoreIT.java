package se.vardag.objectstore;

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
 * Runs {@code jobs/object-store-test} in {@code ./mvnw verify} (maven-failsafe-plugin, after the
 * application jar is packaged): the nightly job with its output on a real S3 API server (S3Mock)
 * and output.format = delta must publish exactly the tables of a local Parquet run, read back with
 * Delta Kernel, through a rerun, a SIGKILL mid-publish and two runs at once. Skip with
 * {@code -DskipITs}. See docs/cluster.md.
 */
class ObjectStoreIT {
  private static final long LIMIT_MINUTES = 30;

  @Test
  void theNightlyJobOnS3PublishesTheTablesOfALocalRun() throws Exception {
    assumeTrue(onPath("setsid"), "jobs/object-store-test needs setsid (util-linux)");
    Path project = Path.of(System.getProperty("vardag.project.dir", ".")).toAbsolutePath();
    Path script = project.resolve("jobs").resolve("object-store-test");
    assertThat(script).isExecutable();

    // The script's output goes through System.out: the test runner owns this JVM's own stdout.
    Process p = new ProcessBuilder(script.toString()).directory(project.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    Thread copy = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        out.lines().forEach(System.out::println);
      } catch (IOException e) {
        System.out.println("(output of jobs/object-store-test lost: " + e + ")");
      }
    }, "object-store-test output");
    copy.setDaemon(true);
    copy.start();
    boolean finished = p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      // SIGTERM: the script's trap stops S3Mock and the runs before it exits.
      p.destroy();
      p.waitFor(1, TimeUnit.MINUTES);
    }
    copy.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(finished).as("jobs/object-store-test finished within %d minutes", LIMIT_MINUTES).isTrue();
    assertThat(p.exitValue()).as("exit code of jobs/object-store-test (its output is above)").isZero();
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
