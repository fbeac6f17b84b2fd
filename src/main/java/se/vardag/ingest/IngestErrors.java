package se.vardag.ingest;

import java.nio.file.Path;
import java.util.List;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/** Every error of the ingest stage, each naming the file, the value and the remedy. */
public final class IngestErrors {
  private IngestErrors() {}

  public static VardagException inputFolderMissing(Path dir) {
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, "Cannot read the input folder " + dir
        + ": it does not exist or is not a folder. Pass the folder holding employees.csv, initiatives.csv, "
        + "trainings.csv and usage/ with --input; nothing was published.");
  }

  public static VardagException contractBroken(Path dir, List<String> problems) {
    StringBuilder b = new StringBuilder("Cannot use the input folder " + dir + ": the input contract is broken ("
        + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):");
    for (String p : problems) {
      b.append("\n  - ").append(p);
    }
    b.append("\nFix the files (docs/input-contract.md describes every file and column) and run again;"
        + " nothing was published.");
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, b.toString());
  }

  public static VardagException qualityGateFailed(List<String> failures, double limit) {
    StringBuilder b = new StringBuilder("Cannot publish: the data-quality gate failed; the share of rejected rows is above"
        + " quality.max_rejected_share = " + limit + " in " + failures.size()
        + (failures.size() == 1 ? " file:" : " files:"));
    for (String f : failures) {
      b.append("\n  - ").append(f);
    }
    b.append("\nThe rejected rows and their reasons are in the run manifest and can be listed with"
        + " 'jobs/vardag validate'. Fix them at the source (or raise quality.max_rejected_share if the"
        + " share is acceptable) and run again; nothing was published and no report was sent.");
    return new VardagException(ExitCode.QUALITY_GATE_FAILED, b.toString());
  }

  public static VardagException noUsageDates(Path dir) {
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, "Cannot choose the as-of date: the usage logs in "
        + dir.resolve(InputContract.USAGE_DIR) + " hold no valid event. Pass --as-of YYYY-MM-DD, or add usage files.");
  }

  public static VardagException unreadable(String file, Exception e) {
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, "Cannot read " + file + ": "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
        + ". Check that the file exists and is readable by the job's user.", e);
  }
}
