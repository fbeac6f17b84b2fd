package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What one input file (or the usage folder as a whole) contributed to a run. */
public final class FileStats {
  private final String file;
  private final boolean required;
  private final boolean present;
  private final long bytes;
  private final String sha256;
  private final long rowsRead;
  private final long rowsRejected;
  private final List<String> missingOptionalColumns;
  private final long dependentRejected;

  public FileStats(String file, boolean required, boolean present, long bytes, String sha256, long rowsRead,
      long rowsRejected, List<String> missingOptionalColumns) {
    this(file, required, present, bytes, sha256, rowsRead, rowsRejected, missingOptionalColumns, 0);
  }

  private FileStats(String file, boolean required, boolean present, long bytes, String sha256, long rowsRead,
      long rowsRejected, List<String> missingOptionalColumns, long dependentRejected) {
    if (dependentRejected < 0 || dependentRejected > rowsRejected) {
      throw new IllegalArgumentException("Cannot count " + dependentRejected + " dependent rejections of " + file
          + ": it has " + rowsRejected + " rejected rows");
    }
    this.dependentRejected = dependentRejected;
    this.file = requireNonNull(file, "file is null");
    this.required = required;
    this.present = present;
    this.bytes = bytes;
    this.sha256 = sha256;
    this.rowsRead = rowsRead;
    this.rowsRejected = rowsRejected;
    this.missingOptionalColumns = List.copyOf(missingOptionalColumns);
  }

  public static FileStats absent(String file, boolean required) {
    return new FileStats(file, required, false, 0, null, 0, 0, List.of());
  }

  public String file() {
    return file;
  }

  public boolean required() {
    return required;
  }

  public boolean present() {
    return present;
  }

  public long bytes() {
    return bytes;
  }

  /** Hex SHA-256 of the file's bytes; null when absent. */
  public String sha256() {
    return sha256;
  }

  /** Data records read (header and blank lines not counted). */
  public long rowsRead() {
    return rowsRead;
  }

  public long rowsRejected() {
    return rowsRejected;
  }

  /**
   * Rejected rows that were rejected only because a row of another file they refer to was
   * rejected (a training of an employee whose roster row was rejected): counted in
   * {@link #rowsRejected()}, but the other file's fault, so not held against this file's gate share.
   */
  public long dependentRejected() {
    return dependentRejected;
  }

  /** Rejected rows that are this file's own fault: what the quality gate counts. */
  public long ownRejected() {
    return rowsRejected - dependentRejected;
  }

  public long rowsUsed() {
    return rowsRead - rowsRejected;
  }

  /** Rejected share; 0 for a file without rows. */
  public double rejectedShare() {
    return rowsRead == 0 ? 0.0 : (double) rowsRejected / rowsRead;
  }

  public List<String> missingOptionalColumns() {
    return missingOptionalColumns;
  }

  public FileStats withRejected(long moreRejected) {
    return new FileStats(file, required, present, bytes, sha256, rowsRead, rowsRejected + moreRejected,
        missingOptionalColumns, dependentRejected);
  }

  /** These stats with {@code more} rejections that depend on another file's rejected rows. */
  public FileStats withDependentRejected(long more) {
    return new FileStats(file, required, present, bytes, sha256, rowsRead, rowsRejected + more,
        missingOptionalColumns, dependentRejected + more);
  }

  @Override
  public String toString() {
    return file + "{read=" + rowsRead + ", rejected=" + rowsRejected
        + (dependentRejected == 0 ? "" : " (" + dependentRejected + " dependent)") + "}";
  }
}
