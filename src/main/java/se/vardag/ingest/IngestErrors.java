package se.vardag.ingest;

import java.nio.file.Path;
import java.util.List;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/** Every error of the ingest stage, each naming the file, the value and the remedy. */
public final class IngestErrors {
  private IngestErrors() {}

  /**
   * Text as a one-line message may show it: control characters, line and paragraph separators,
   * direction overrides and other invisible format characters are written as {@code \\uXXXX}, so a
   * name can neither forge a log line nor hide what it holds.
   */
  public static String escaped(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
          || (Character.isSpaceChar(c) && c != ' ')) {
        for (char u : Character.toChars(c)) {
          b.append(String.format("\\u%04X", (int) u));
        }
      } else {
        b.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return b.toString();
  }

  public static VardagException inputFolderMissing(Object dir) {
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, "Cannot read the input folder " + dir
        + ": it does not exist or is not a folder. Pass the folder holding employees.csv, initiatives.csv, "
        + "trainings.csv and usage/ with --input; nothing was published.");
  }

  public static VardagException contractBroken(Object dir, List<String> problems) {
    StringBuilder b = new StringBuilder("Cannot use the input folder " + dir + ": the input contract is broken ("
        + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):");
    for (String p : problems) {
      b.append("\n  - ").append(p);
    }
    b.append("\nFix the files (docs/input-contract.md describes every file and column) and run again;"
        + " nothing was published.");
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, b.toString());
  }

  public static VardagException noUsageDates(Object dir) {
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, "Cannot choose the as-of date: the usage logs in "
        + dir + "/" + InputContract.USAGE_DIR + " cover no date (no accepted event, and no usage file named for a"
        + " date up to the day after the run's date). Pass --as-of YYYY-MM-DD, or add usage files.");
  }

  public static VardagException unreadable(String file, Exception e) {
    return new VardagException(ExitCode.INPUT_CONTRACT_BROKEN, "Cannot read " + file + ": "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
        + ". Check that the file exists and is readable by the job's user.", e);
  }
}
