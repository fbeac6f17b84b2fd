package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** The contract of one input file (or of every file in the usage folder). */
public final class FileContract implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Checks that involve two columns of the same row. */
  public enum RowCheck {
    /** {@code left_on}, when set, is on or after {@code hired_on}. */
    LEFT_NOT_BEFORE_HIRED,
    /** {@code pilot_end}, when set, is on or after {@code pilot_start}. */
    PILOT_END_NOT_BEFORE_START
  }

  private final String name;
  private final boolean required;
  private final List<Column> columns;
  private final String key;
  private final List<RowCheck> rowChecks;

  public FileContract(String name, boolean required, List<Column> columns, String key, List<RowCheck> rowChecks) {
    this.name = requireNonNull(name, "name is null");
    this.required = required;
    this.columns = List.copyOf(columns);
    this.key = key;
    this.rowChecks = List.copyOf(rowChecks);
  }

  /** File name inside the input folder, e.g. {@code employees.csv}; {@code usage/} for the usage folder. */
  public String name() {
    return name;
  }

  public boolean required() {
    return required;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Column whose values must be unique in the file, if any. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  public List<RowCheck> rowChecks() {
    return rowChecks;
  }

  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("Cannot find column " + column + " in the contract of " + name);
  }

  @Override
  public String toString() {
    return name;
  }
}
