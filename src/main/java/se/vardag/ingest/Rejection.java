package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** A row that broke the contract: kept whole for the quarantine, with where and why. */
public final class Rejection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String sourceFile;
  private final Long line;
  private final String column;
  private final String reason;
  private final String record;
  private final String key;

  public Rejection(String sourceFile, Long line, String column, String reason, String record) {
    this(sourceFile, line, column, reason, record, null);
  }

  private Rejection(String sourceFile, Long line, String column, String reason, String record, String key) {
    this.key = key;
    this.sourceFile = requireNonNull(sourceFile, "sourceFile is null");
    this.line = line;
    this.column = column;
    this.reason = requireNonNull(reason, "reason is null");
    this.record = requireNonNull(record, "record is null");
  }

  public String sourceFile() {
    return sourceFile;
  }

  /** Start line of the record (header = line 1); null when not known. */
  public Long line() {
    return line;
  }

  /** First offending column; null when the whole row is the problem. */
  public String column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  public String record() {
    return record;
  }

  /**
   * The value of the file's key column (employee_id, initiative_id, goal_id) as it stands in the
   * rejected row, when the row is readable enough to tell; null otherwise. Lets the rows that
   * refer to this one name the cause of their own rejection.
   */
  public String key() {
    return key;
  }

  public Rejection withKey(String newKey) {
    return new Rejection(sourceFile, line, column, reason, record, newKey);
  }

  public Rejection withReasonAndRecord(String newReason, String newRecord) {
    return new Rejection(sourceFile, line, column, newReason, newRecord, key);
  }

  /** {@code file:line: column c: reason}, the form validate prints. */
  public String describe() {
    return sourceFile + (line == null ? "" : ":" + line) + ": " + (column == null ? "" : "column " + column + ": ") + reason;
  }

  @Override
  public String toString() {
    return describe();
  }
}
