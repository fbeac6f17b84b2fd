package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.Checkpoint;
import se.vardag.ExitCode;
import se.vardag.SparkTestSupport;
import se.vardag.cli.TestStages;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;

/**
 * A run killed with SIGKILL at any point leaves every previously published date readable and
 * complete, and the next run succeeds: killed during the usage ingest, during the table writes,
 * between writing and switching, and during delivery (before and after the message went out).
 * The killed runs are separate JVMs started like jobs/vardag; each stops at a named
 * {@link Checkpoint} so the kill lands exactly there.
 */
class CrashTest {
  private static final LocalDate D = TestOrganisation.LAST_DAY;
  private static final Map<String, String> ENV = Map.of(
      "VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.05",
      "VARDAG_MAIL_TO", "ledning@example.org",
      "VARDAG_SPARK_MASTER", "local[2]",
      "VARDAG_SPARK_SHUFFLE_PARTITIONS", "4");
  private static final VardagConfig CONFIG = ConfigLoader.load(Optional.empty(), ENV);
  private static final Map<String, String> DELTA_ENV = delta();
  private static final VardagConfig DELTA = ConfigLoader.load(Optional.empty(), DELTA_ENV);

  private static Map<String, String> delta() {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put("VARDAG_OUTPUT_FORMAT", "delta");
    return Map.copyOf(env);
  }

  @TempDir
  static Path dir;

  private static Path input;
  private static Path out;
  private static Path deltaOut;
  private static Path home;

  @BeforeAll
  static void publishTwoDates() throws Exception {
    SparkTestSupport.spark();
    input = dir.resolve("in");
    out = dir.resolve("out");
    deltaOut = dir.resolve("out-delta");
    home = dir.resolve("home");
    TestOrganisation.write(input, 45, 9);
    assertThat(run(D.minusDays(1))).isEqualTo(ExitCode.OK);
    assertThat(run(D)).isEqualTo(ExitCode.OK);
    assertThat(run(DELTA, deltaOut, D.minusDays(1))).isEqualTo(ExitCode.OK);
    assertThat(run(DELTA, deltaOut, D)).isEqualTo(ExitCode.OK);
  }

  /** A whole run in this JVM (the same output folder and key as the killed ones). */
  private static ExitCode run(LocalDate d) {
    return run(CONFIG, out, d);
  }

  private static ExitCode run(VardagConfig config, Path output, LocalDate d) {
    return new Pipeline(config, new Pipeline.Options(input, output, null, false), Clock.systemUTC(), home,
        TestStages.reportAndOutbox(config, output)).nightly(Optional.of(d));
  }

  /** Starts jobs/vardag's JVM for a nightly run of {@code d}, waits until it reaches {@code point}, kills it. */
  private static void killAt(String point, LocalDate d) throws Exception {
    killAt(point, d, out, ENV);
  }

  private static void killAt(String point, LocalDate d, Path out, Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path flags = Path.of(System.getProperty("vardag.project.dir", "."), "jobs", "lib", "java-module-flags");
    command.addAll(Files.readAllLines(flags).stream().filter(l -> !l.isBlank()).toList());
    command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "-D" + Checkpoint.PROPERTY + "=" + point, "-Duser.home=" + home,
        "se.vardag.cli.Main", "nightly", "--input", input.toString(), "--output", out.toString(),
        "--as-of", d.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          if (line.equals("VARDAG-PAUSED " + point)) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    boolean reached = paused.get(5, TimeUnit.MINUTES);
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(reached).as("the run reached %s", point).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
  }

  /** What a reader sees of every published date: all of it, complete, and nothing else. */
  private static void assertPublished(Map<LocalDate, String> expected) throws Exception {
    for (String table : Tables.PUBLISHED_TABLES) {
      try (Stream<Path> parts = Files.list(out.resolve(table))) {
        assertThat(parts.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted())
            .as(table).containsExactlyElementsOf(expected.keySet().stream().sorted().map(d -> "as_of=" + d).toList());
      }
    }
    for (Map.Entry<LocalDate, String> e : expected.entrySet()) {
      assertThat(PipelineTest.digest(out, e.getKey())).as("tables of %s", e.getKey()).isEqualTo(e.getValue());
    }
  }

  private static long outboxFilesFor(LocalDate d) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("outbox"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(d + "_")).count();
    }
  }

  @Test
  void aRunKilledAtAnyPointLeavesThePublishedDatesWholeAndTheNextRunSucceeds() throws Exception {
    Map<LocalDate, String> published = new java.util.TreeMap<>();
    published.put(D.minusDays(1), PipelineTest.digest(out, D.minusDays(1)));
    published.put(D, PipelineTest.digest(out, D));

    // During the usage ingest of a new file.
    LocalDate monday = D.plusDays(3);
    TestOrganisation.writeUsageDay(input, monday, new Random(4));
    killAt(Checkpoint.INGEST, D);
    assertPublished(published);
    assertThat(run(D)).isEqualTo(ExitCode.OK);
    published.put(D, PipelineTest.digest(out, D)); // the new file counts from now on (it is after D: no change)
    assertPublished(published);

    // During the writes, and between writing and the switch.
    for (String point : List.of(Checkpoint.WRITE, Checkpoint.BEFORE_SWITCH)) {
      killAt(point, D);
      assertPublished(published);
      assertThat(run(D)).isEqualTo(ExitCode.OK);
      assertPublished(published);
    }

    // During delivery: the tables of the new date are already published; the mail is sent by the next run.
    killAt(Checkpoint.DELIVERY, monday);
    published.put(monday, PipelineTest.digest(out, monday));
    assertPublished(published);
    assertThat(outboxFilesFor(monday)).isZero();
    assertThat(run(monday)).isEqualTo(ExitCode.OK);
    assertThat(outboxFilesFor(monday)).isEqualTo(1);

    // After the message went out but before that was recorded: the next run sends it again under
    // the same Message-ID to the same outbox file, never a second copy.
    LocalDate tuesday = D.plusDays(4);
    TestOrganisation.writeUsageDay(input, tuesday, new Random(5)); // fresh for Tuesday (SPEC rev 2, exit code 7)
    killAt(Checkpoint.AFTER_SEND, tuesday);
    assertThat(outboxFilesFor(tuesday)).isEqualTo(1);
    assertThat(run(tuesday)).isEqualTo(ExitCode.OK);
    assertThat(outboxFilesFor(tuesday)).isEqualTo(1);
    published.put(tuesday, PipelineTest.digest(out, tuesday));
    assertPublished(published);

    // Nothing of the killed runs is left behind once later runs have cleaned up.
    try (Stream<Path> versions = Files.list(out.resolve("_versions"))) {
      assertThat(versions.count()).isLessThanOrEqualTo(2L * published.size());
    }
  }

  /**
   * output.format = delta: a run killed while it writes, before its commits, and after its commits but
   * before its switch leaves every published date's tables, quarantine, report and publication log as
   * they were (D's rows are the same in every run of it), and the next run publishes D again.
   */
  @Test
  void aDeltaRunKilledBeforeOrAfterItsCommitsLeavesThePublishedDatesWhole() throws Exception {
    Map<LocalDate, String> published = new java.util.TreeMap<>();
    for (LocalDate d : List.of(D.minusDays(1), D)) {
      published.put(d, PipelineTest.digest(deltaOut, d));
    }
    Path reportOfD = deltaOut.resolve(Tables.REPORTS_DIR).resolve("as_of=" + D);
    for (String point : List.of(Checkpoint.WRITE, Checkpoint.BEFORE_SWITCH, Checkpoint.AFTER_COMMIT)) {
      Path before = reportOfD.toRealPath();
      int entries = se.vardag.publish.PublicationLog.read(se.vardag.Location.of(deltaOut), se.vardag.FsConf.none())
          .size();
      long version = new se.vardag.publish.DeltaLogReader(deltaOut.resolve("delta").resolve(Tables.INITIATIVE_ADOPTION))
          .latestVersion();
      killAt(point, D, deltaOut, DELTA_ENV);
      assertThat(new se.vardag.publish.DeltaLogReader(deltaOut.resolve("delta").resolve(Tables.INITIATIVE_ADOPTION))
          .latestVersion()).as("the Delta version after a kill at %s", point)
          .isEqualTo(point.equals(Checkpoint.AFTER_COMMIT) ? version + 1 : version);
      for (Map.Entry<LocalDate, String> e : published.entrySet()) {
        assertThat(PipelineTest.digest(deltaOut, e.getKey())).as("tables of %s after a kill at %s", e.getKey(), point)
            .isEqualTo(e.getValue());
      }
      assertThat(reportOfD.toRealPath()).as("the report of D after a kill at %s", point).isEqualTo(before);
      assertThat(Files.isRegularFile(before.resolve("report.html"))).isTrue();
      assertThat(se.vardag.publish.PublicationLog.read(se.vardag.Location.of(deltaOut), se.vardag.FsConf.none()))
          .as("no publication log entry for the killed run").hasSize(entries);
      assertThat(run(DELTA, deltaOut, D)).isEqualTo(ExitCode.OK);
      assertThat(reportOfD.toRealPath()).isNotEqualTo(before);
      assertThat(PipelineTest.digest(deltaOut, D)).isEqualTo(published.get(D));
    }
  }
}
