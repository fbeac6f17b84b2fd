package se.vardag;

import static java.util.Objects.requireNonNull;

/**
 * An error the user can act on: its message names what was wrong and the remedy, and it carries
 * the exit code the process ends with. Each module builds these through its own errors class
 * (for example {@code ConfigErrors}, {@code IngestErrors}), never ad hoc.
 */
public class VardagException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public VardagException(ExitCode exitCode, String message) {
    super(requireNonNull(message, "message is null"));
    this.exitCode = requireNonNull(exitCode, "exitCode is null");
  }

  public VardagException(ExitCode exitCode, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.exitCode = requireNonNull(exitCode, "exitCode is null");
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
