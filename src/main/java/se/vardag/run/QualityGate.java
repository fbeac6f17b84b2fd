package se.vardag.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.config.VardagConfig;
import se.vardag.ingest.InputContract;

/**
 * The data-quality gate of SPEC section 7, the one place it is decided: a file fails when its
 * rejected share is above {@code quality.max_rejected_share} <em>and</em> it has at least {@code
 * quality.min_rejected_rows} rejected rows. Rejected rows of {@code initiatives.csv} never fail it:
 * they are named in the run manifest ({@code register_rejections}) and at the top of the report.
 */
final class QualityGate {
  /** The register, whose rejected rows are reported instead of stopping the run. */
  static final String REGISTER = InputContract.INITIATIVES.name();

  private final double maxRejectedShare;
  private final int minRejectedRows;

  QualityGate(double maxRejectedShare, int minRejectedRows) {
    this.maxRejectedShare = maxRejectedShare;
    this.minRejectedRows = minRejectedRows;
  }

  static QualityGate of(VardagConfig config) {
    return new QualityGate(config.maxRejectedShare(), config.minRejectedRows());
  }

  double maxRejectedShare() {
    return maxRejectedShare;
  }

  int minRejectedRows() {
    return minRejectedRows;
  }

  /** The failure of {@code file} with these counts, as the error lists it; empty when it passes. */
  Optional<String> check(String file, long read, long rejected) {
    if (REGISTER.equals(file) || read <= 0 || rejected < minRejectedRows
        || !((double) rejected / read > maxRejectedShare)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%s: %d of %d rows rejected (%.2f%%)", file, rejected, read,
        100.0 * rejected / read));
  }

  /** Adds {@code file}'s failure, if any, to {@code failures}. */
  void check(String file, long read, long rejected, List<String> failures) {
    check(file, read, rejected).ifPresent(failures::add);
  }

  /** The error that stops the run (exit code 4) for these failures. */
  VardagException failed(List<String> failures) {
    StringBuilder b = new StringBuilder("Cannot publish: the data-quality gate failed in " + failures.size()
        + (failures.size() == 1 ? " file" : " files") + " (a file fails when more than quality.max_rejected_share = "
        + maxRejectedShare + " of its rows, and at least quality.min_rejected_rows = " + minRejectedRows
        + " rows, are rejected):");
    for (String f : failures) {
      b.append("\n  - ").append(f);
    }
    b.append("\nList the rejected rows and their reasons with 'jobs/vardag validate' (the run manifest holds"
        + " only their counts). Fix them at the source (or raise quality.max_rejected_share or"
        + " quality.min_rejected_rows if that many is acceptable) and run again; nothing was published and no"
        + " report was sent.");
    return new VardagException(ExitCode.QUALITY_GATE_FAILED, b.toString());
  }
}
