package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/** One column of an input file's contract. */
public final class Column implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final ColumnType type;
  private final boolean required;
  private final List<String> allowed;
  private final String defaultValue;
  private final double min;
  private final double max;

  private Column(String name, ColumnType type, boolean required, List<String> allowed, String defaultValue,
      double min, double max) {
    this.name = requireNonNull(name, "name is null");
    this.type = requireNonNull(type, "type is null");
    this.required = required;
    this.allowed = List.copyOf(allowed);
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
  }

  public static Column required(String name, ColumnType type) {
    return new Column(name, type, true, List.of(), null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  public static Column optional(String name, ColumnType type) {
    return new Column(name, type, false, List.of(), null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** The same column, accepting only these words (case-insensitive). */
  public Column oneOf(String... words) {
    return new Column(name, type, required, List.of(words), defaultValue, min, max);
  }

  /** The same column, taking this value when the cell is empty. */
  public Column orElse(String value) {
    return new Column(name, type, required, allowed, value, min, max);
  }

  /** The same column, accepting numbers in [min, max] only. */
  public Column range(double min, double max) {
    return new Column(name, type, required, allowed, defaultValue, min, max);
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  /** A value is required in every row; such columns must also be present in the header. */
  public boolean required() {
    return required;
  }

  public List<String> allowed() {
    return allowed;
  }

  /** Value used for an empty cell, or null. */
  public String defaultValue() {
    return defaultValue;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  @Override
  public String toString() {
    return name + ":" + type + (required ? " (required)" : "");
  }
}
