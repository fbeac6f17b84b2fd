package se.vardag.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One record of a CSV file as read: where it starts, its fields, its raw text (without the line
 * terminator), and the problem that made it unreadable, if any. A malformed record has no fields.
 */
public final class CsvRecord {
  private final long line;
  private final List<String> fields;
  private final String raw;
  private final String problem;

  private CsvRecord(long line, List<String> fields, String raw, String problem) {
    this.line = line;
    this.fields = fields;
    this.raw = requireNonNull(raw, "raw is null");
    this.problem = problem;
  }

  static CsvRecord wellFormed(long line, List<String> fields, String raw) {
    return new CsvRecord(line, requireNonNull(fields, "fields is null"), raw, null);
  }

  static CsvRecord malformed(long line, String raw, String problem) {
    return new CsvRecord(line, List.of(), raw, requireNonNull(problem, "problem is null"));
  }

  /** The same record with every field mapped by {@code fieldMap} and another raw text. */
  public CsvRecord map(java.util.function.UnaryOperator<String> fieldMap, String newRaw) {
    List<String> mapped = new java.util.ArrayList<>(fields.size());
    fields.forEach(f -> mapped.add(fieldMap.apply(f)));
    return new CsvRecord(line, problem == null ? List.copyOf(mapped) : List.of(), newRaw, problem);
  }

  /** Line of the file (1-based, counting LF, CRLF and lone CR) on which the record starts. */
  public long line() {
    return line;
  }

  /** The fields; empty when {@link #malformed()}. */
  public List<String> fields() {
    return fields;
  }

  /** The record exactly as it stood in the file, quotes included, line terminator excluded. */
  public String raw() {
    return raw;
  }

  public boolean malformed() {
    return problem != null;
  }

  /** Why the record could not be read as CSV; null when well formed. */
  public String problem() {
    return problem;
  }

  /** An empty line: one empty field and nothing else. */
  public boolean blank() {
    return problem == null && raw.isEmpty();
  }

  @Override
  public String toString() {
    return "CsvRecord{line=" + line + (problem == null ? ", fields=" + fields : ", problem=" + problem) + "}";
  }
}
