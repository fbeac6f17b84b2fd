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

  public FileStats(String file, boolean required, boolean present, long bytes, String sha256, long rowsRead,
      long rowsRejected, List<String> missingOptionalColumns) {
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
        missingOptionalColumns);
  }

  @Override
  public String toString() {
    return file + "{read=" + rowsRead + ", rejected=" + rowsRejected + "}";
  }
}
