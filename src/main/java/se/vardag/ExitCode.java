package se.vardag;

/**
 * The process exit codes of {@code jobs/vardag}. They are part of the interface the data team
 * schedules against (README, docs/operations.md): never renumber one.
 */
public enum ExitCode {
  /** Everything asked for was done. */
  OK(0),
  /** An unexpected internal error; the log has the stack trace. */
  INTERNAL_ERROR(1),
  /** Bad command-line arguments or configuration. Nothing was read or published. */
  BAD_ARGUMENTS_OR_CONFIG(2),
  /** A required input file or column is missing (or a file has no header). Nothing published. */
  INPUT_CONTRACT_BROKEN(3),
  /**
   * Some input file has a rejected share above quality.max_rejected_share and at least
   * quality.min_rejected_rows rejected rows (initiatives.csv never fails it). Nothing published.
   */
  QUALITY_GATE_FAILED(4),
  /** Tables and report are published, but mail could not be delivered; it stays pending for the next run. */
  DELIVERY_FAILED(5),
  /** Another Vardag run holds the lock on the output folder. Nothing was done. */
  ALREADY_RUNNING(6),
  /** The usage logs do not cover D minus quality.max_usage_lag_days: not fresh for D. Nothing published. */
  USAGE_NOT_FRESH(7),
  /** The output folder's file system is full ("no space left on device"). The published tables are unchanged. */
  OUTPUT_STORAGE_FULL(8);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
