package se.vardag.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.LogCapture;
import se.vardag.SparkTestSupport;
import se.vardag.VardagException;
import se.vardag.cli.Main;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.ingest.FileStats;
import se.vardag.ingest.InputFolder;
import se.vardag.ingest.ReferenceData;
import se.vardag.privacy.PseudonymKeys;
import se.vardag.publish.RunManifest;
import se.vardag.run.OutputLock;
import se.vardag.run.Pipeline;

/**
 * Issue 14: broken and hostile input and environment, each case on a copy of data-samples (with
 * only its last {@value #USAGE_DAYS} usage files, to stay fast). Every case asserts its exit code,
 * its message, that nothing was lost (every physical line read or rejected and counted) and that
 * nothing leaked (a canary appears in no message, log line, manifest or output file).
 */
class HostileInputTest {
  private static final int USAGE_DAYS = 8;
  private static final LocalDate D = LocalDate.parse("2026-11-27");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:15:00Z"), ZoneOffset.UTC);
  private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\S+)\\s+(\\d+) rows read,\\s+(\\d+) rejected");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  @BeforeAll
  static void spark() {
    SparkTestSupport.spark();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static VardagConfig config(String... env) {
    Map<String, String> m = new HashMap<>();
    m.put("VARDAG_SPARK_SHUFFLE_PARTITIONS", "4");
    for (int i = 0; i < env.length; i += 2) {
      m.put(env[i], env[i + 1]);
    }
    return ConfigLoader.load(Optional.empty(), m);
  }

  /** A copy of data-samples with its last USAGE_DAYS usage files. */
  private Path samples() throws IOException {
    Path src = Path.of("data-samples").toAbsolutePath();
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("usage"));
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".csv"))::iterator) {
        Files.copy(f, in.resolve(f.getFileName().toString()));
      }
    }
    List<Path> usage;
    try (Stream<Path> files = Files.list(src.resolve("usage"))) {
      usage = files.sorted().toList();
    }
    for (Path f : usage.subList(usage.size() - USAGE_DAYS, usage.size())) {
      Files.copy(f, in.resolve("usage").resolve(f.getFileName().toString()));
    }
    return in;
  }

  private Pipeline pipeline(VardagConfig config, Path in, Path out, Pipeline.AfterPublish after) {
    return new Pipeline(config, new Pipeline.Options(in, out, null, false), CLOCK, shared.resolve("home"), after);
  }

  private static Pipeline.AfterPublish noReport() {
    return new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, se.vardag.Location versionDir, LocalDate asOf) {}

      @Override
      public ExitCode deliver(se.vardag.Location publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        return ExitCode.OK;
      }
    };
  }

  /** What one validate run said: exit code, its whole output (or message), and the log. */
  private record Outcome(int exit, String text, String log) {
    String all() {
      return text + "\n" + log;
    }

    /** rows read and rejected per file, from the summary table. */
    Map<String, long[]> summary() {
      Map<String, long[]> m = new HashMap<>();
      Matcher x = SUMMARY.matcher(text);
      while (x.find()) {
        m.put(x.group(1), new long[] {Long.parseLong(x.group(2)), Long.parseLong(x.group(3))});
      }
      return m;
    }
  }

  private Outcome validate(VardagConfig config, Path in) {
    StringWriter out = new StringWriter();
    try (LogCapture log = new LogCapture()) {
      int exit;
      String text;
      try {
        exit = pipeline(config, in, dir.resolve("unused-out"), noReport()).validate(new PrintWriter(out)).code();
        text = out.toString();
      } catch (VardagException e) {
        exit = e.exitCode().code();
        text = out + e.getMessage();
      }
      return new Outcome(exit, text, log.text());
    }
  }

  private Outcome nightly(VardagConfig config, Path in, Path out, Optional<LocalDate> asOf,
      Pipeline.AfterPublish after) {
    try (LogCapture log = new LogCapture()) {
      int exit;
      String text;
      try {
        exit = pipeline(config, in, out, after).nightly(asOf).code();
        text = "";
      } catch (VardagException e) {
        exit = e.exitCode().code();
        text = e.getMessage();
      }
      return new Outcome(exit, text, log.text());
    }
  }

  private static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (LogCapture log = new LogCapture()) {
      int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new Outcome(exit, out + err.toString(), log.text());
    }
  }

  /** Physical lines of a file: LF, CRLF and a lone CR each end one; a last line without one counts. */
  static long physicalLines(Path f) throws IOException {
    byte[] b = Files.readAllBytes(f);
    long lines = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n'))) {
        lines++;
      }
    }
    return b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r' ? lines + 1 : lines;
  }

  /** Nothing lost: each single file's rows read equal its physical lines minus the header; usage likewise. */
  private static void assertNothingLost(Outcome o, Path in, String... files) throws IOException {
    Map<String, long[]> s = o.summary();
    for (String f : files) {
      assertThat(s).as("summary of %s in %s", f, o.text).containsKey(f);
      if (f.equals("usage/")) {
        long lines = 0;
        try (Stream<Path> usage = Files.list(in.resolve("usage"))) {
          for (Path p : (Iterable<Path>) usage::iterator) {
            lines += physicalLines(p) - 1;
          }
        }
        assertThat(s.get(f)[0]).as("usage rows read").isEqualTo(lines);
      } else {
        assertThat(s.get(f)[0]).as("%s rows read", f).isEqualTo(physicalLines(in.resolve(f)) - 1);
      }
    }
  }

  /** Nothing leaked: the canary is in no text and in no file under the given folders. */
  private static void assertNoLeak(String canary, Outcome o, Path... roots) throws IOException {
    assertThat(o.all()).doesNotContain(canary);
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
          assertThat(text).as("content of %s", p).doesNotContain(canary);
        }
      }
    }
  }

  private static JsonNode onlyRunManifest(Path out) throws IOException {
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      List<Path> files = runs.filter(p -> p.toString().endsWith(".json")).toList();
      assertThat(files).hasSize(1);
      return JSON.readTree(files.get(0).toFile());
    }
  }

  private static void replaceLine(Path file, int line, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(line - 1, edit.apply(lines.get(line - 1)));
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // 1. An unclosed quote loses only its own line.

  @Test
  void unclosedQuoteInAUsageFileAndInTrainingsRejectsOnlyItsLine() throws IOException {
    Path in = samples();
    Path usage = in.resolve("usage/usage-2026-11-26.csv");
    assertThat(physicalLines(usage)).isEqualTo(2239);
    // A quote before the source value (the third field).
    replaceLine(usage, 1000, l -> l.replaceFirst("^([^,]*,[^,]*,)", "$1\""));
    assertThat(Files.readAllLines(usage).get(999)).contains("\"");
    replaceLine(in.resolve("trainings.csv"), 100, l -> l.replaceFirst(",", ",\""));

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(0);
    assertThat(o.text).contains("usage/usage-2026-11-26.csv:1000: malformed CSV: unterminated quoted field: the double quote opened"
        + " on line 1000 is not closed within 100 lines; only line 1000 is rejected and reading resumes on line 1001");
    assertThat(o.text).contains("trainings.csv:100: malformed CSV: unterminated quoted field: the double quote opened on line 100 is"
        + " not closed within 100 lines; only line 100 is rejected and reading resumes on line 101");
    assertNothingLost(o, in, "trainings.csv", "usage/", "employees.csv");
    // trainings.csv: the sample's 3 rejected rows and this one; usage: the one line.
    assertThat(o.summary().get("trainings.csv")[1]).isEqualTo(4);
    assertThat(o.summary().get("usage/")[1]).isEqualTo(1);
  }

  @Test
  void aQuoteThatNeverClosesInTheLastLinesIsRejectedAtTheEndOfTheFile() throws IOException {
    Path in = samples();
    Path trainings = in.resolve("trainings.csv");
    long lines = physicalLines(trainings);
    replaceLine(trainings, (int) lines - 2, l -> "\"" + l);

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(0);
    assertThat(o.text).contains("trainings.csv:" + (lines - 2) + ": malformed CSV: unterminated quoted field: the double quote"
        + " opened on line " + (lines - 2) + " is not closed before the end of the file; only line " + (lines - 2)
        + " is rejected and reading resumes on line " + (lines - 1));
    assertNothingLost(o, in, "trainings.csv");
  }

  // ---------------------------------------------------------------------------------------------
  // 2. A stray future date must not delete real data; --as-of far outside the logs is refused.

  @Test
  void retentionIsCountedFromTheRunsClockNotFromAFarFutureDate() throws Exception {
    Path in = samples();
    Path out = dir.resolve("out");
    VardagConfig config = config("VARDAG_RETENTION_DAYS", "30");
    assertThat(nightly(config, in, out, Optional.of(D), noReport()).exit).isEqualTo(0);
    Path quarantine = out.resolve("quarantine/rejected_rows/as_of=" + D);
    assertThat(quarantine).exists();

    // 6. The same file changed with the same size and mtime, and a stray event dated 2099.
    Path changed = in.resolve("usage/usage-2026-11-27.csv");
    FileTime mtime = Files.getLastModifiedTime(changed);
    byte[] before = Files.readAllBytes(changed);
    String text = new String(before, StandardCharsets.UTF_8);
    String swapped = text.replaceFirst(",E1(\\d)(\\d)(\\d),", ",E1$1$3$2,");
    assertThat(swapped).isNotEqualTo(text).hasSameSizeAs(text);
    Files.writeString(changed, swapped);
    Files.setLastModifiedTime(changed, mtime);
    Files.writeString(in.resolve("usage/usage-2099-01-01.csv"),
        "event_time,employee_id,source,action,count\n2099-01-01T08:00:00Z,E1003,servicenow,incident.resolve,1\n");

    Outcome second = nightly(config, in, out, Optional.empty(), noReport());

    assertThat(second.exit).isEqualTo(0);
    // Retention counts 30 days back from the run's date 2026-11-28, whatever D the logs suggest.
    assertThat(quarantine).exists();
    List<JsonNode> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("runs"))) {
      for (Path p : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
        runs.add(JSON.readTree(p.toFile()));
      }
    }
    JsonNode last = runs.stream().filter(r -> r.path("usage_files").toString().contains("usage-2099-01-01.csv"))
        .findFirst().orElseThrow();
    JsonNode entry = null;
    for (JsonNode f : last.path("usage_files")) {
      if (f.path("file").asText().equals("usage/usage-2026-11-27.csv")) {
        entry = f;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("ingested_this_run").asBoolean()).isTrue();
    assertThat(entry.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(changed))));
  }

  @Test
  void anAsOfFarOutsideTheLogsIsRefusedWithExit2() throws IOException {
    Path in = samples();
    Outcome ancient = cli("nightly", "--input", in.toString(), "--output", dir.resolve("out").toString(),
        "--as-of", "0000-01-01");
    assertThat(ancient.exit).isEqualTo(2);
    assertThat(ancient.text).contains("vardag: Cannot run for --as-of 0000-01-01: it is before 2000-01-01, far outside"
        + " any usage log. Pass a date from 2000-01-01 to ");
    Outcome future = cli("backfill", "--input", in.toString(), "--output", dir.resolve("out").toString(),
        "--from", "2026-11-01", "--to", "2099-01-01");
    assertThat(future.exit).isEqualTo(2);
    assertThat(future.text).contains("vardag: Cannot run for --to 2099-01-01: it is after ")
        .contains("(the run's date + 1 day, quality.max_future_days), far outside any usage log.");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Symlinked secrets are refused and never quoted.

  @Test
  void aUsageFileLinkedToASecretOutsideTheInputIsRefusedAndNeverQuoted() throws IOException {
    Path in = samples();
    String canary = "Canary-Pa55word-7f3e";
    Path secret = dir.resolve("secrets/smtp-password");
    Files.createDirectories(secret.getParent());
    Files.writeString(secret, canary + "\n");
    Files.createSymbolicLink(in.resolve("usage/zz.csv"), secret);
    Files.createSymbolicLink(in.resolve("usage/passwd.csv"), Path.of("/etc/passwd"));
    Path out = dir.resolve("out");

    Outcome o = nightly(config(), in, out, Optional.empty(), noReport());

    assertThat(o.exit).isEqualTo(3);
    assertThat(o.text).contains("  - usage/passwd.csv: is a symbolic link to a file outside the input folder; Vardag"
        + " reads only files inside it (copy the file into the folder instead of linking it). The file was not read")
        .contains("  - usage/zz.csv: is a symbolic link to a file outside the input folder;");
    assertThat(o.all()).doesNotContain("root:x:0:0");
    assertNoLeak(canary, o, out);
    assertThat(onlyRunManifest(out).toString()).doesNotContain("root:x:0:0").contains("usage/zz.csv");
  }

  @Test
  void aLinkThatStaysInsideTheInputFolderIsFollowed() throws IOException {
    Path in = samples();
    Path archive = in.resolve("archive");
    Files.createDirectories(archive);
    Path moved = archive.resolve("usage-2026-11-27.csv");
    Files.move(in.resolve("usage/usage-2026-11-27.csv"), moved);
    Files.createSymbolicLink(in.resolve("usage/usage-2026-11-27.csv"), Path.of("../archive/usage-2026-11-27.csv"));

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(0);
    assertThat(InputFolder.open(in).usageFiles()).extracting(f -> f.name()).contains("usage/usage-2026-11-27.csv");
    assertNothingLost(o, in, "usage/");
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Personal data stays out of messages and manifests.

  @Test
  void aRosterWithoutItsHeaderLeaksNoNameOrEmail() throws IOException {
    Path in = samples();
    List<String> lines = Files.readAllLines(in.resolve("employees.csv"));
    Files.write(in.resolve("employees.csv"), lines.subList(1, lines.size()));
    Path out = dir.resolve("out");

    Outcome o = nightly(config(), in, out, Optional.empty(), noReport());

    assertThat(o.exit).isEqualTo(3);
    assertThat(o.text).contains("employees.csv:1: required column employee_id is missing from the header (found: 6"
        + " fields that do not look like a column name (not shown))");
    for (String personal : List.of("Sara Håkansson", "sara.hakansson@vardagsverket.example", "E1001", "Håkansson")) {
      assertNoLeak(personal, o, out);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 7. Cascades name their cause and do not count against their own file.

  @Test
  void aRejectedRosterRowMakesItsTrainingsDependentRejectionsThatNameTheCause() throws IOException {
    Path in = samples();
    Path employees = in.resolve("employees.csv");
    int lineOfE1131 = Files.readAllLines(employees).indexOf(Files.readAllLines(employees).stream()
        .filter(l -> l.startsWith("E1131,")).findFirst().orElseThrow()) + 1;
    replaceLine(employees, lineOfE1131, l -> l.replaceFirst(",(\\d{4})-(\\d\\d)-(\\d\\d),", ",$1-13-$3,"));
    // Own rejections: employees 3 of 330 (0.909 %), trainings 2 of 957 (0.209 %); with the 7 dependent
    // trainings (E1131's 6, E1323's 1) trainings would be 9 of 957 = 0.940 %, above 0.0092.
    VardagConfig config = config("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.0092");

    Outcome o = validate(config, in);

    assertThat(o.exit).as(o.text).isEqualTo(0);
    assertThat(o.text).contains("trainings.csv:900: column employee_id: employee E1323's roster row was rejected:"
        + " employees.csv line 115, duplicate employee_id 'E1323' (also on line 324); every copy is rejected: keep one"
        + " row per employee_id; this training counts again once that row is fixed");
    assertThat(o.text).containsPattern("trainings.csv:\\d+: column employee_id: employee E1131's roster row was"
        + " rejected: employees.csv line " + lineOfE1131 + ", ");
    assertThat(o.text).contains("trainings.csv:305: column employee_id: employee_id 'E1114' is not in employees.csv");
    assertThat(o.summary().get("trainings.csv")).containsExactly(957, 9);
    Map<String, FileStats> stats = ReferenceData.read(SparkTestSupport.spark(), InputFolder.open(in),
        config.timezone(), config.maxFieldChars(), PseudonymKeys.resolve(config, shared.resolve("home"))).stats();
    assertThat(stats.get("trainings.csv").dependentRejected()).isEqualTo(7);
    assertThat(stats.get("trainings.csv").ownRejected()).isEqualTo(2);
    assertNothingLost(o, in, "trainings.csv", "employees.csv");
  }

  @Test
  void aDuplicatedInitiativeIdNamesItselfAsTheCauseOfItsActivitiesRejection() throws IOException {
    Path in = samples();
    Path initiatives = in.resolve("initiatives.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(initiatives));
    String ini4 = lines.stream().filter(l -> l.startsWith("INI-004,")).findFirst().orElseThrow();
    int at = lines.indexOf(ini4) + 1;
    lines.add(ini4);
    Files.write(initiatives, lines);

    Outcome o = validate(config("VARDAG_QUALITY_MAX_REJECTED_SHARE", "0.25"), in);

    assertThat(o.exit).as(o.text).isEqualTo(0);
    assertThat(o.text).containsPattern("learning_activities.csv:\\d+: column initiative_id: initiative INI-004's row"
        + " in the register was rejected: initiatives.csv line " + at + ", duplicate initiative_id 'INI-004' \\(also on"
        + " line " + lines.size() + "\\)");
    assertThat(o.text).doesNotContain("'INI-004' is not in initiatives.csv");
    assertThat(o.summary().get("learning_activities.csv")).containsExactly(3586, 560);
  }

  // ---------------------------------------------------------------------------------------------
  // 8. Unsafe or impossible outputs.

  @Test
  void anOutputAtTheRootOrInsideTheInputIsRefusedWithExit2AndNothingIsWritten() throws IOException {
    Path in = samples();
    List<String> before;
    try (Stream<Path> w = Files.walk(in)) {
      before = w.map(Path::toString).sorted().toList();
    }
    Outcome root = cli("nightly", "--input", in.toString(), "--output", "/");
    assertThat(root.exit).isEqualTo(2);
    assertThat(root.text).startsWith("vardag: Cannot use --output /: it is the root of a file system.")
        .doesNotContain("internal error").doesNotContain("\tat ");
    Outcome same = cli("nightly", "--input", in.toString(), "--output", in.toString());
    assertThat(same.exit).isEqualTo(2);
    assertThat(same.text).contains("Cannot use --output " + in + ": it is the input folder.");
    Outcome inside = cli("backfill", "--input", in.toString(), "--output", in.resolve("usage/out").toString(),
        "--from", "2026-11-27", "--to", "2026-11-27");
    assertThat(inside.exit).isEqualTo(2);
    assertThat(inside.text).contains("it is inside the input folder " + in + ".");
    Outcome around = cli("nightly", "--input", in.toString(), "--output", dir.toString());
    assertThat(around.exit).isEqualTo(2);
    assertThat(around.text).contains("Cannot use --input " + in + ": it is inside the output folder " + dir);
    try (Stream<Path> w = Files.walk(in)) {
      assertThat(w.map(Path::toString).sorted().toList()).isEqualTo(before);
    }
  }

  @Test
  void aFullDiskGivesOneClearLineExit8AndARunManifest() throws IOException {
    Path in = samples();
    Path out = dir.resolve("out");
    Pipeline.AfterPublish full = new Pipeline.AfterPublish() {
      @Override
      public void render(SparkSession spark, se.vardag.Location versionDir, LocalDate asOf) {
        throw new UncheckedIOException("Cannot write the report",
            new FileSystemException(versionDir.path().resolve("report/report.html").toString(), null,
                "No space left on device"));
      }

      @Override
      public ExitCode deliver(se.vardag.Location publishedVersionDir, LocalDate asOf, RunManifest manifest) {
        return ExitCode.OK;
      }
    };

    Outcome o = nightly(config(), in, out, Optional.of(D), full);

    assertThat(o.exit).isEqualTo(ExitCode.OUTPUT_STORAGE_FULL.code()).isEqualTo(8);
    assertThat(o.text).isEqualTo("Cannot write to the output folder " + out + ": no space left on its file system."
        + " Free space on that file system (or pass an --output on a larger one) and run again. A date is published"
        + " only once all its files are written, so what was published before is unchanged.");
    JsonNode manifest = onlyRunManifest(out);
    assertThat(manifest.toString()).contains("no space left on its file system");
    assertThat(out.resolve("_published")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
        p -> assertThat(Files.list(p)).isEmpty());
  }

  @Test
  void aRealNoSpaceLeftErrorIsRecognisedAndOtherFailuresAreNot() {
    Path devFull = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devFull), "/dev/full is a Linux device");
    IOException real = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Files.write(devFull, new byte[1 << 16]));
    VardagException e = se.vardag.publish.Publisher.storageFull(se.vardag.Location.of("s3a://bucket/out"),
        new RuntimeException("job aborted", new UncheckedIOException("Cannot write", real)));
    assertThat(e).isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.OUTPUT_STORAGE_FULL);
    assertThat(e.getMessage()).startsWith("Cannot write to the output folder s3a://bucket/out: no space left on its file system.");
    Path local = Path.of("out").toAbsolutePath().normalize();
    assertThat(se.vardag.publish.Publisher.storageFull(se.vardag.Location.of(local),
        new RuntimeException("job aborted", new UncheckedIOException("Cannot write", real))).getMessage())
        .isEqualTo("Cannot write to the output folder " + local + ": no space left on its file system. Free space on"
            + " that file system (or pass an --output on a larger one) and run again. A date is published only once"
            + " all its files are written, so what was published before is unchanged.");
    assertThat(se.vardag.publish.Publisher.storageFull(se.vardag.Location.of("s3a://bucket/out"),
        new UncheckedIOException(new java.nio.file.AccessDeniedException("out/x")))).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // 9. Encodings.

  @Test
  void aUtf16FileIsNamedWithItsRemedyAndItsNulFilledHeaderIsNotQuoted() throws IOException {
    Path in = samples();
    Path trainings = in.resolve("trainings.csv");
    Files.write(trainings, ("\uFEFF" + Files.readString(trainings)).getBytes(StandardCharsets.UTF_16LE));

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(3);
    assertThat(o.text).contains("  - trainings.csv: the file is not UTF-8: it is UTF-16 (little-endian, byte order mark"
        + " FF FE). Re-export it as UTF-8 (Excel: Save As, \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8). The header is"
        + " not shown.");
    assertThat(o.all()).doesNotContain("\u0000").doesNotContain("found:");
  }

  @Test
  void aLatin1RowIsRejectedWithAHintAndKeepsItsBytes() throws IOException {
    Path in = samples();
    Path trainings = in.resolve("trainings.csv");
    byte[] bytes = Files.readAllBytes(trainings);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int line2 = text.indexOf('\n') + 1;
    int end2 = text.indexOf('\n', line2);
    String row = text.substring(line2, end2);
    byte[] latin1 = row.replace("Brandskydd", "Br\u00e4ndskydd").getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[line2 + latin1.length + (bytes.length - end2)];
    System.arraycopy(bytes, 0, all, 0, line2);
    System.arraycopy(latin1, 0, all, line2, latin1.length);
    System.arraycopy(bytes, end2, all, line2 + latin1.length, bytes.length - end2);
    Files.write(trainings, all);
    assertThat(row).contains("Brandskydd");

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(0);
    assertThat(o.text).contains("trainings.csv:2: column course_name: contains bytes that are not valid UTF-8 (the"
        + " file must be UTF-8); the file is not UTF-8 (its bytes look like Latin-1 or Windows-1252): re-export it as"
        + " UTF-8.");
    assertNothingLost(o, in, "trainings.csv");
  }

  // ---------------------------------------------------------------------------------------------
  // 10. Log lines cannot be forged through file names; the gate points where the rows are.

  @Test
  void aFileNameWithALineBreakIsRefusedAndShownEscaped() throws IOException {
    Path in = samples();
    Files.copy(in.resolve("usage/usage-2026-11-27.csv"),
        in.resolve("usage/x\nINFO se.vardag.run.Pipeline: Done in 1 ms.csv"));

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(3);
    assertThat(o.text).contains("  - usage/x\\u000AINFO se.vardag.run.Pipeline: Done in 1 ms.csv: the file name holds"
        + " control or invisible characters (shown as \\u escapes); rename the file. It was not read");
    assertThat(o.all().lines()).noneMatch(l -> l.startsWith("INFO se.vardag.run.Pipeline: Done in 1 ms"));
  }

  @Test
  void theGateMessageSaysWhereTheRejectedRowsCanBeListed() throws IOException {
    Path in = samples();
    Path follow = in.resolve("follow_ups.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(follow));
    for (int i = 1; i < lines.size(); i++) {
      lines.set(i, lines.get(i).replaceFirst(",(\\d{4})-", ",x$1-"));
    }
    Files.write(follow, lines);

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(4);
    assertThat(o.text).contains("follow_ups.csv: 20 of 20 rows rejected (100.00%)")
        .contains("List the rejected rows and their reasons with 'jobs/vardag validate' (the run manifest holds"
            + " only their counts).")
        .doesNotContain("are in the run manifest");
  }

  // ---------------------------------------------------------------------------------------------
  // Cases that already held (issue 14's 23), kept so they stay held.

  @Test
  void formulaHtmlAndHeaderInjectionInValuesStayInTheirRowsAndMessages() throws IOException {
    Path in = samples();
    replaceLine(in.resolve("employees.csv"), 2, l -> l.replace("Sara Håkansson", "=HYPERLINK(\"http://x\")<script>"));
    replaceLine(in.resolve("trainings.csv"), 3, l -> l.replace("GDPR-BAS", "\"=cmd|' /C calc'!A0\""));
    Outcome o = validate(config(), in);
    assertThat(o.exit).isEqualTo(0);
    assertThat(o.all()).doesNotContain("<script>").doesNotContain("HYPERLINK");
    assertNothingLost(o, in, "employees.csv", "trainings.csv");
  }

  @Test
  void nulBytesAndAFiveMegabyteFieldRejectOnlyTheirRows() throws IOException {
    Path in = samples();
    replaceLine(in.resolve("trainings.csv"), 5, l -> l.replace(",", ",\u0000"));
    replaceLine(in.resolve("trainings.csv"), 6, l -> l.replaceFirst(",([^,]*),", ",$1" + "x".repeat(5 << 20) + ","));
    Outcome o = validate(config(), in);
    assertThat(o.exit).isEqualTo(0);
    assertThat(o.text).contains("trainings.csv:5: column ").contains("contains a NUL byte")
        .contains("trainings.csv:6: column course_id: value has 5242887 characters, more than"
            + " quality.max_field_chars = 100000");
    assertThat(o.summary().get("trainings.csv")[1]).isEqualTo(5);
    assertNothingLost(o, in, "trainings.csv");
  }

  @Test
  void aHundredThousandColumnHeaderAndDuplicateOrMissingColumnsBreakTheContractOnly() throws IOException {
    Path in = samples();
    StringBuilder wide = new StringBuilder("goal_id,title");
    for (int i = 0; i < 100_000; i++) {
      wide.append(",c").append(i);
    }
    Files.writeString(in.resolve("goals.csv"), wide + "\nG-01,x\n");
    replaceLine(in.resolve("outcomes.csv"), 1, l -> l + ",kpi");
    replaceLine(in.resolve("follow_ups.csv"), 1, l -> l.replace("held_on", "held"));

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(3);
    assertThat(o.text).contains("outcomes.csv:1: column kpi appears twice in the header")
        .contains("follow_ups.csv:1: required column held_on is missing from the header (found: initiative_id, forum,"
            + " maturity, note, 1 field that does not look like a column name (not shown))")
        .contains("(2 problems)").doesNotContain("goals.csv");
    // The 100,000 extra columns are ignored, never listed.
    assertThat(o.text.length()).isLessThan(2_000);
  }

  @Test
  void mixedLineEndsBadCountsAndBadTimestampsAreCountedLineByLine() throws IOException {
    Path in = samples();
    Path usage = in.resolve("usage/usage-2026-11-25.csv");
    String text = Files.readString(usage);
    String[] rows = text.split("\n");
    StringBuilder b = new StringBuilder(rows[0]).append("\r\n");
    for (int i = 1; i < rows.length; i++) {
      String r = rows[i];
      if (i == 10) {
        r = r.substring(0, r.lastIndexOf(',')) + ",-3";
      } else if (i == 11) {
        r = r.substring(0, r.lastIndexOf(',')) + ",many";
      } else if (i == 12) {
        r = "2026-13-45T99:00:00Z" + r.substring(r.indexOf(','));
      }
      b.append(r).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    }
    Files.writeString(usage, b.toString());

    Outcome o = validate(config(), in);

    assertThat(o.exit).isEqualTo(0);
    assertThat(o.text).contains("usage/usage-2026-11-25.csv:11: column count:")
        .contains("usage/usage-2026-11-25.csv:12: column count:")
        .contains("usage/usage-2026-11-25.csv:13: column event_time:");
    assertThat(o.summary().get("usage/")[1]).isEqualTo(3);
    assertNothingLost(o, in, "usage/");
  }

  @Test
  void badConfigurationIsExit2AndTwoRunsAtOnceIsExit6() throws IOException {
    Path in = samples();
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "quality.max_rejected_share = lots\n");
    Outcome bad = cli("validate", "--input", in.toString(), "--config", conf.toString());
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.text).contains("quality.max_rejected_share");

    Path out = dir.resolve("out");
    try (OutputLock lock = OutputLock.acquire(out)) {
      Outcome second = nightly(config(), in, out, Optional.of(D), noReport());
      assertThat(second.exit).isEqualTo(6);
      assertThat(second.text).startsWith("Cannot start: another Vardag run holds the lock on ");
    }
  }
}
