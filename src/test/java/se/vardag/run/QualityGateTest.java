package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/** SPEC 7 (rev 2): a file fails when its rejected share is above the limit AND it has enough rejected rows. */
class QualityGateTest {
  private final QualityGate gate = new QualityGate(0.01, 10);

  @Test
  void theGateNeedsAShareAndACount() {
    // 100 rows: 9 rejected is 9 % (above 1 %) but fewer than 10 rows: passes. 10 and 11 fail.
    assertThat(gate.check("trainings.csv", 100, 9)).isEmpty();
    assertThat(gate.check("trainings.csv", 100, 10)).hasValue("trainings.csv: 10 of 100 rows rejected (10.00%)");
    assertThat(gate.check("trainings.csv", 100, 11)).hasValue("trainings.csv: 11 of 100 rows rejected (11.00%)");
    // 1,000 rows: 10 rejected is exactly 1 %, not above: passes; 11 is 1.1 %: fails.
    assertThat(gate.check("usage/usage-2026-11-27.csv", 1000, 10)).isEmpty();
    assertThat(gate.check("usage/usage-2026-11-27.csv", 1000, 11))
        .hasValue("usage/usage-2026-11-27.csv: 11 of 1000 rows rejected (1.10%)");
    // A small correction file with a handful of bad rows does not stop the report.
    assertThat(gate.check("follow_ups.csv", 3, 3)).isEmpty();
    assertThat(gate.check("follow_ups.csv", 0, 0)).isEmpty();
  }

  @Test
  void rejectedRegisterRowsNeverFailTheGate() {
    assertThat(gate.check("initiatives.csv", 20, 20)).isEmpty();
    assertThat(gate.check("initiatives.csv", 100, 11)).isEmpty();
  }

  @Test
  void otherLimitsAreHonoured() {
    QualityGate strict = new QualityGate(0.0, 1);
    assertThat(strict.check("goals.csv", 2, 1)).hasValue("goals.csv: 1 of 2 rows rejected (50.00%)");
    assertThat(strict.check("goals.csv", 2, 0)).isEmpty();
    assertThat(new QualityGate(0.5, 1).check("goals.csv", 2, 1)).isEmpty();
  }

  @Test
  void theErrorNamesTheFilesAndTheRemedyAndDoesNotPromiseRowsInTheManifest() {
    List<String> failures = new ArrayList<>();
    gate.check("trainings.csv", 100, 11, failures);
    gate.check("goals.csv", 100, 9, failures);
    VardagException e = gate.failed(failures);
    assertThat(e.exitCode()).isEqualTo(ExitCode.QUALITY_GATE_FAILED);
    assertThat(e.getMessage()).isEqualTo("Cannot publish: the data-quality gate failed in 1 file (a file fails when"
        + " more than quality.max_rejected_share = 0.01 of its rows, and at least quality.min_rejected_rows = 10"
        + " rows, are rejected):\n"
        + "  - trainings.csv: 11 of 100 rows rejected (11.00%)\n"
        + "List the rejected rows and their reasons with 'jobs/vardag validate' (the run manifest holds only their"
        + " counts). Fix them at the source (or raise quality.max_rejected_share or quality.min_rejected_rows if"
        + " that many is acceptable) and run again; nothing was published and no report was sent.");
    assertThat(Optional.of(gate.failed(List.of("a", "b")).getMessage())).hasValueSatisfying(m ->
        assertThat(m).startsWith("Cannot publish: the data-quality gate failed in 2 files ("));
  }
}
