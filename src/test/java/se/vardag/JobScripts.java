package se.vardag;

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

/**
 * Runs one of the project's test scripts under {@code jobs/} from an integration test
 * ({@code StandaloneClusterIT}, {@code ObjectStoreIT}): its output goes to this JVM's output, it must
 * finish within a limit (else it gets SIGTERM, so its trap stops what it started) and exit 0. Skipped
 * where {@code setsid}, which the scripts start their processes with, is missing (e.g. macOS).
 */
public final class JobScripts {
  private JobScripts() {}

  public static void runAndExpectSuccess(String name, long limitMinutes) throws Exception {
    assumeTrue(onPath("setsid"), "jobs/" + name + " needs setsid (util-linux)");
    Path project = Path.of(System.getProperty("vardag.project.dir", ".")).toAbsolutePath();
    Path script = project.resolve("jobs").resolve(name);
    assertThat(script).isExecutable();

    // The script's output goes through System.out: the test runner owns this JVM's own stdout.
    Process p = new ProcessBuilder(script.toString()).directory(project.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    Thread copy = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        out.lines().forEach(System.out::println);
      } catch (IOException e) {
        System.out.println("(output of jobs/" + name + " lost: " + e + ")");
      }
    }, name + " output");
    copy.setDaemon(true);
    copy.start();
    boolean finished = p.waitFor(limitMinutes, TimeUnit.MINUTES);
    if (!finished) {
      // SIGTERM: the script's trap stops everything it started before it exits.
      p.destroy();
      p.waitFor(1, TimeUnit.MINUTES);
    }
    copy.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(finished).as("jobs/%s finished within %d minutes", name, limitMinutes).isTrue();
    assertThat(p.exitValue()).as("exit code of jobs/%s (its output is above)", name).isZero();
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
