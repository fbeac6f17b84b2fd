package se.vardag.report;

import java.time.LocalDate;
import se.vardag.ExitCode;
import se.vardag.Location;
import se.vardag.VardagException;

/** Every error of rendering the report, each naming what was wrong and the remedy. */
public final class ReportErrors {
  private ReportErrors() {}

  public static VardagException tableMissing(LocalDate asOf, Location versionDir, String table) {
    return new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot render the report for " + asOf
        + ": the published table " + table + " is missing in " + versionDir
        + ". Run 'jobs/vardag nightly --as-of " + asOf + "' to publish the tables for that date first.");
  }

  public static VardagException unreadableTable(LocalDate asOf, Location versionDir, String table, Throwable cause) {
    return new VardagException(ExitCode.INTERNAL_ERROR, "Cannot read the published table " + table + " in "
        + versionDir + " for the report of " + asOf + ": " + cause.getMessage()
        + ". Re-publish the tables with 'jobs/vardag nightly --as-of " + asOf + "'.", cause);
  }

  public static VardagException unreadableManifest(Location file, Throwable cause) {
    return new VardagException(ExitCode.INTERNAL_ERROR, "Cannot read the run manifest " + file + ": "
        + cause.getMessage() + ". Re-publish the tables for that date with 'jobs/vardag nightly'.", cause);
  }

  public static VardagException badManifestValue(Location file, String key, String value, String expected) {
    return new VardagException(ExitCode.INTERNAL_ERROR, "Cannot read the run manifest " + file + ": " + key
        + " is '" + value + "', expected " + expected
        + ". Re-publish the tables for that date with 'jobs/vardag nightly'.");
  }

  public static VardagException asOfMismatch(Location manifest, String manifestAsOf, LocalDate asOf) {
    return new VardagException(ExitCode.INTERNAL_ERROR, "Cannot render the report for " + asOf + " from "
        + manifest.parent() + ": its manifest says the tables are as of " + manifestAsOf
        + ". Render the report from the version folder published for " + asOf + ".");
  }

  public static VardagException cannotWrite(Location dir, Throwable cause) {
    return new VardagException(ExitCode.INTERNAL_ERROR, "Cannot write the report into " + dir + ": "
        + cause.getMessage() + ". Check free space and permissions of the output folder.", cause);
  }

  public static VardagException renderedReportMissing(Location dir, String detail) {
    return new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot load the rendered report from " + dir
        + ": " + detail + ". Re-render it with 'jobs/vardag report --as-of D'.");
  }

  public static VardagException cannotRenderPdf(LocalDate asOf, Throwable cause) {
    return new VardagException(ExitCode.INTERNAL_ERROR, "Cannot render the PDF of the report for " + asOf + ": "
        + cause.getClass().getSimpleName() + " " + cause.getMessage()
        + ". Re-render it with 'jobs/vardag report --as-of " + asOf + "'; if that fails too, report it as a bug "
        + "with the report's HTML attached.", cause);
  }
}
