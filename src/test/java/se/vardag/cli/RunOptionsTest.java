package se.vardag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.VardagException;

class RunOptionsTest {
  // 23:30 UTC on 2026-11-27 is already 2026-11-28 in Stockholm.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T23:30:00Z"), ZoneOffset.UTC);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @TempDir
  Path dir;

  @Test
  void asOfFromTheFirstDayOf2000ToTheRunsDatePlusMaxFutureDaysIsAccepted() {
    assertThatCode(() -> RunOptions.checkAsOf("--as-of", LocalDate.of(2000, 1, 1), CLOCK, STOCKHOLM, 1))
        .doesNotThrowAnyException();
    assertThatCode(() -> RunOptions.checkAsOf("--as-of", LocalDate.of(2026, 11, 29), CLOCK, STOCKHOLM, 1))
        .doesNotThrowAnyException();
  }

  @Test
  void asOfOneDayOutsideEitherEdgeIsRefusedWithExit2() {
    assertThatThrownBy(() -> RunOptions.checkAsOf("--as-of", LocalDate.of(1999, 12, 31), CLOCK, STOCKHOLM, 1))
        .isInstanceOfSatisfying(VardagException.class, e -> assertThat(e.exitCode())
            .isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot run for --as-of 1999-12-31: it is before 2000-01-01, far outside any usage log. Pass a"
            + " date from 2000-01-01 to 2026-11-29.");
    assertThatThrownBy(() -> RunOptions.checkAsOf("--to", LocalDate.of(2026, 11, 30), CLOCK, STOCKHOLM, 1))
        .hasMessage("Cannot run for --to 2026-11-30: it is after 2026-11-29 (the run's date + 1 day,"
            + " quality.max_future_days), far outside any usage log. Pass a date from 2000-01-01 to 2026-11-29.");
    // In UTC the run's date is still 2026-11-27.
    assertThatThrownBy(() -> RunOptions.checkAsOf("--as-of", LocalDate.of(2026, 11, 29), CLOCK, ZoneOffset.UTC, 1))
        .hasMessageStartingWith("Cannot run for --as-of 2026-11-29: it is after 2026-11-28");
  }

  @Test
  void anOutputBesideTheInputIsAcceptedAndOneBehindALinkIntoTheInputIsNot() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    assertThatCode(() -> RunOptions.checkFolders(in, dir.resolve("out"))).doesNotThrowAnyException();
    Path link = Files.createSymbolicLink(dir.resolve("link"), in);
    assertThatThrownBy(() -> RunOptions.checkFolders(in, link.resolve("new/out")))
        .hasMessage("Cannot use --output " + link.resolve("new/out") + ": it is inside the input folder " + in
            + ". The quarantine (the raw rejected rows) and the mail files would be written among the input files;"
            + " pass an output folder outside the input folder.");
  }

  @Test
  void anOutputThatIsAFileIsRefused() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path file = Files.writeString(dir.resolve("out.txt"), "x");
    assertThatThrownBy(() -> RunOptions.checkFolders(in, file))
        .hasMessage("Cannot use --output " + file + ": it is a file, not a folder. Pass a folder (it is created when"
            + " missing).");
  }

  private static RunOptions options(String input, String output) {
    RunOptions o = new RunOptions();
    o.input = input;
    o.output = output;
    return o;
  }

  private static se.vardag.config.VardagConfig config(String format) {
    return se.vardag.config.ConfigLoader.load(java.util.Optional.empty(), java.util.Map.of("VARDAG_OUTPUT_FORMAT",
        format));
  }

  @Test
  void anOutputOnAnObjectStoreNeedsTheDeltaFormat() {
    assertThatThrownBy(() -> options("data-samples", "s3a://bucket/out").pipelineOptions(config("parquet")))
        .isInstanceOfSatisfying(VardagException.class, e -> assertThat(e.exitCode())
            .isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot use --output s3a://bucket/out with output.format = parquet: the Parquet layout publishes"
            + " a date by switching symbolic links, which s3a:// does not have. Set output.format = delta"
            + " (VARDAG_OUTPUT_FORMAT=delta) or pass a local --output.");
    var opts = options("data-samples", "s3a://bucket/out/").pipelineOptions(config("delta"));
    assertThat(opts.output().toString()).isEqualTo("s3a://bucket/out");
    assertThat(opts.output().isLocal()).isFalse();
  }

  @Test
  void anInputAndOutputOnTheSameStoreMustLieApart() {
    assertThatThrownBy(() -> options("s3a://bucket/lake", "s3a://bucket/lake/out").pipelineOptions(config("delta")))
        .hasMessage("Cannot use --output s3a://bucket/lake/out with --input s3a://bucket/lake: one lies inside the"
            + " other. Keep the input and output folders apart.");
    assertThatCode(() -> options("s3a://bucket/in", "s3a://bucket/out").pipelineOptions(config("delta")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> options("data-samples", "s3a:///out").pipelineOptions(config("delta")))
        .hasMessage("Cannot use --output s3a:///out: a s3a:// location names its bucket or container, as in"
            + " s3a://bucket/folder.");
  }

  @Test
  void aLocalOutputIsCheckedAsTypedAlsoWithAnInputOnAnObjectStore() throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), "x");
    RunOptions o = options("s3a://bucket/in", file.toString());
    assertThatThrownBy(() -> o.pipelineOptions(config("parquet")))
        .hasMessage("Cannot use --output " + file + ": it is a file, not a folder. Pass a folder (it is created when"
            + " missing).");
    var ok = options("s3a://bucket/in", dir.resolve("out").toString()).pipelineOptions(config("parquet"));
    assertThat(ok.output().isLocal()).isTrue();
    assertThat(ok.input().isLocal()).isFalse();
  }
}
