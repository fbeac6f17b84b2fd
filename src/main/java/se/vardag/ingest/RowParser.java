package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import se.vardag.ingest.csv.CsvRecord;

/**
 * Turns one CSV record into the typed values of its contract, or into a {@link Rejection} that
 * names every problem of the row. Values are trimmed; an empty cell is absent (or takes the
 * column's default). Not thread-safe (it keeps a time-zone cache); one per task.
 */
public final class RowParser {
  private final HeaderMapping mapping;
  private final String sourceFile;
  private final int maxFieldChars;
  private final Values.DayResolver zone;
  private final List<Column> columns;

  public RowParser(HeaderMapping mapping, String sourceFile, Values.DayResolver zone, int maxFieldChars) {
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.sourceFile = requireNonNull(sourceFile, "sourceFile is null");
    this.zone = requireNonNull(zone, "zone is null");
    this.maxFieldChars = maxFieldChars;
    this.columns = mapping.contract().columns();
  }

  /** The parsed values, one per contract column (null when absent), or a rejection. */
  public Object parse(CsvRecord record) {
    if (record.malformed()) {
      return new Rejection(sourceFile, record.line(), null, "malformed CSV: " + record.problem(), record.raw());
    }
    List<String> fields = record.fields();
    if (fields.size() != mapping.width()) {
      return new Rejection(sourceFile, record.line(), null, "wrong number of fields: expected " + mapping.width()
          + " as in the header, found " + fields.size(), record.raw());
    }
    Object[] values = new Object[columns.size()];
    StringBuilder problems = null;
    String firstColumn = null;
    for (int c = 0; c < values.length; c++) {
      int at = mapping.position(c);
      Column column = columns.get(c);
      String problem;
      if (at < 0) {
        problem = assign(values, c, column, "");
      } else {
        problem = assign(values, c, column, fields.get(at));
      }
      if (problem != null) {
        if (problems == null) {
          problems = new StringBuilder();
          firstColumn = column.name();
        } else {
          problems.append("; ");
        }
        problems.append("column ").append(column.name()).append(": ").append(problem);
      }
    }
    if (problems == null) {
      String rowProblem = rowChecks(values);
      if (rowProblem != null) {
        return new Rejection(sourceFile, record.line(), null, rowProblem, record.raw());
      }
      return values;
    }
    String reason = problems.toString();
    // The column is named once in the column field; the reason keeps every problem.
    if (reason.startsWith("column " + firstColumn + ": ") && reason.indexOf("; column ") < 0) {
      reason = reason.substring(("column " + firstColumn + ": ").length());
    }
    return new Rejection(sourceFile, record.line(), firstColumn, reason, record.raw());
  }

  /** Parses one cell into values[c]; returns the problem, or null. */
  private String assign(Object[] values, int c, Column column, String cell) {
    if (cell.length() > maxFieldChars) {
      return "value has " + cell.length() + " characters, more than quality.max_field_chars = " + maxFieldChars;
    }
    String v = Values.trim(cell);
    if (v.indexOf('\u0000') >= 0) {
      return "contains a NUL byte";
    }
    if (v.indexOf('\uFFFD') >= 0) {
      return "contains bytes that are not valid UTF-8 (the file must be UTF-8)";
    }
    if (v.isEmpty()) {
      if (column.defaultValue() != null) {
        v = column.defaultValue();
      } else if (column.required()) {
        return "missing required value";
      } else {
        values[c] = null;
        return null;
      }
    }
    try {
      values[c] = convert(column, v);
      return null;
    } catch (BadValue e) {
      return e.getMessage();
    }
  }

  private Object convert(Column column, String v) throws BadValue {
    switch (column.type()) {
      case STRING:
        return v;
      case ENUM: {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!column.allowed().contains(lower)) {
          throw new BadValue("expected one of " + String.join(", ", column.allowed()), v);
        }
        return lower;
      }
      case DATE:
        return Values.date(v);
      case TIMESTAMP:
        return Values.timestampDay(v, zone);
      case DECIMAL: {
        double d = Values.decimal(v);
        checkRange(column, d, v);
        return d;
      }
      case INT: {
        int i = Values.integer(v);
        checkRange(column, i, v);
        return i;
      }
      case BOOLEAN:
        return Values.bool(v);
      case LIST: {
        List<String> items = Values.list(v);
        if (items.isEmpty() && column.required()) {
          throw new BadValue("missing required value (the list is empty)");
        }
        return items.isEmpty() ? null : String.join(";", items);
      }
      case SIGNAL_LIST: {
        List<String> items = Values.list(v);
        StringBuilder out = new StringBuilder();
        for (String item : items) {
          int colon = item.indexOf(':');
          if (colon <= 0 || colon == item.length() - 1 || item.indexOf(':', colon + 1) >= 0) {
            throw new BadValue("expected source:action patterns separated by ';' (action may be *)", item);
          }
          String source = Values.trim(item.substring(0, colon)).toLowerCase(Locale.ROOT);
          String action = Values.trim(item.substring(colon + 1)).toLowerCase(Locale.ROOT);
          if (source.isEmpty() || action.isEmpty()) {
            throw new BadValue("expected source:action patterns separated by ';' (action may be *)", item);
          }
          if (out.length() > 0) {
            out.append(';');
          }
          out.append(source).append(':').append(action);
        }
        return out.length() == 0 ? null : out.toString();
      }
      default:
        throw new IllegalStateException("Cannot parse column type: " + column.type());
    }
  }

  private static void checkRange(Column column, double value, String raw) throws BadValue {
    if (value < column.min() || value > column.max()) {
      throw new BadValue("expected a number from " + fmt(column.min()) + " to " + fmt(column.max()), raw);
    }
  }

  private static String fmt(double d) {
    if (d == Integer.MAX_VALUE) {
      return String.valueOf(Integer.MAX_VALUE);
    }
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private String rowChecks(Object[] values) {
    FileContract contract = mapping.contract();
    for (FileContract.RowCheck check : contract.rowChecks()) {
      switch (check) {
        case LEFT_NOT_BEFORE_HIRED: {
          Integer hired = (Integer) values[contract.indexOf("hired_on")];
          Integer left = (Integer) values[contract.indexOf("left_on")];
          if (left != null && left < hired) {
            return "left_on " + Values.toDate(left) + " is before hired_on " + Values.toDate(hired);
          }
          break;
        }
        case PILOT_END_NOT_BEFORE_START: {
          Integer start = (Integer) values[contract.indexOf("pilot_start")];
          Integer end = (Integer) values[contract.indexOf("pilot_end")];
          if (end != null && end < start) {
            return "pilot_end " + Values.toDate(end) + " is before pilot_start " + Values.toDate(start);
          }
          break;
        }
        default:
          throw new IllegalStateException("Cannot apply row check: " + check);
      }
    }
    return null;
  }
}
