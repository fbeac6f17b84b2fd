package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an input folder under SPEC section 2, independently of the generator: a row that breaks
 * the contract is rejected with its file, line and reason; the others are returned as cells by
 * lower-cased column name. Used by the contract test and by {@link SpecOracle}.
 */
final class ContractReader {
  enum Type { TEXT, DATE, TIMESTAMP, BOOL, DECIMAL, INT }

  record Column(String name, Type type, boolean required) {}

  record Rejected(String file, long line, String reason) {}

  /** The accepted rows of one file, with their physical line. */
  record Row(long line, Map<String, String> cells) {
    String get(String column) {
      String v = cells.get(column);
      return v == null ? "" : v.trim();
    }
  }

  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  // SPEC rev 2 section 2: true/false, yes/no, ja/nej, 1/0, in any case.
  static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "ja", "nej", "1", "0");

  static final Map<String, List<Column>> CONTRACT = Map.of(
      "employees.csv", List.of(col("employee_id", Type.TEXT, true), col("display_name", Type.TEXT, false),
          col("email", Type.TEXT, false), col("org_unit", Type.TEXT, true), col("manager_id", Type.TEXT, false),
          col("hired_on", Type.DATE, true), col("left_on", Type.DATE, false)),
      "goals.csv", List.of(col("goal_id", Type.TEXT, true), col("title", Type.TEXT, true)),
      "initiatives.csv", List.of(col("initiative_id", Type.TEXT, true), col("name", Type.TEXT, true),
          col("goal_id", Type.TEXT, false), col("owner_id", Type.TEXT, false),
          col("owner_has_mandate", Type.BOOL, false), col("pilot_start", Type.DATE, true),
          col("pilot_end", Type.DATE, false), col("status", Type.TEXT, false),
          col("target_org_units", Type.TEXT, true), col("course_ids", Type.TEXT, false),
          col("usage_signals", Type.TEXT, false), col("practice_hours_per_week", Type.DECIMAL, false),
          col("follow_up_every_days", Type.INT, false), col("kpi", Type.TEXT, false),
          col("kpi_direction", Type.TEXT, false)),
      "trainings.csv", List.of(col("employee_id", Type.TEXT, true), col("course_id", Type.TEXT, true),
          col("course_name", Type.TEXT, false), col("completed_on", Type.DATE, true),
          col("certified", Type.BOOL, false), col("hours", Type.DECIMAL, false)),
      "usage", List.of(col("event_time", Type.TIMESTAMP, true), col("employee_id", Type.TEXT, true),
          col("source", Type.TEXT, true), col("action", Type.TEXT, true), col("count", Type.INT, false)),
      "learning_activities.csv", List.of(col("employee_id", Type.TEXT, true), col("initiative_id", Type.TEXT, true),
          col("activity", Type.TEXT, true), col("held_on", Type.DATE, true), col("hours", Type.DECIMAL, false)),
      "follow_ups.csv", List.of(col("initiative_id", Type.TEXT, true), col("held_on", Type.DATE, true),
          col("forum", Type.TEXT, false), col("maturity", Type.INT, false), col("note", Type.TEXT, false)),
      "outcomes.csv", List.of(col("kpi", Type.TEXT, true), col("org_unit", Type.TEXT, true),
          col("observed_on", Type.DATE, true), col("value", Type.DECIMAL, true), col("unit_id", Type.TEXT, false)));

  private static final Map<String, String> UNIQUE = Map.of(
      "employees.csv", "employee_id", "initiatives.csv", "initiative_id", "goals.csv", "goal_id");

  private static Column col(String name, Type type, boolean required) {
    return new Column(name, type, required);
  }

  private final ZoneId zone;
  private final List<Rejected> rejected = new ArrayList<>();

  ContractReader(ZoneId zone) {
    this.zone = requireNonNull(zone, "zone is null");
  }

  List<Rejected> rejected() {
    return rejected;
  }

  /**
   * Reads one file. {@code contract} is the file name, or "usage" for a usage file.
   *
   * @throws IllegalStateException when a required column is missing (the contract is broken)
   */
  List<Row> read(Path file, String contract, String displayName) throws IOException {
    List<Column> columns = CONTRACT.get(contract);
    List<Row> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(r).setFormat(format).get()) {
      List<String> header = new ArrayList<>();
      for (String h : parser.getHeaderNames()) {
        header.add(h.trim().toLowerCase(Locale.ROOT));
      }
      for (Column c : columns) {
        if (c.required() && !header.contains(c.name())) {
          throw new IllegalStateException("Cannot read " + displayName + ": required column missing: " + c.name());
        }
      }
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!it.hasNext()) {
          break;
        }
        CSVRecord rec = it.next();
        if (rec.size() != header.size()) {
          rejected.add(new Rejected(displayName, line, "wrong field count " + rec.size()));
          continue;
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), rec.get(i));
        }
        String reason = check(cells, columns);
        if (reason != null) {
          rejected.add(new Rejected(displayName, line, reason));
        } else {
          rows.add(new Row(line, cells));
        }
      }
    }
    String key = UNIQUE.get(contract);
    if (key != null) {
      Map<String, Integer> counts = new HashMap<>();
      rows.forEach(row -> counts.merge(row.get(key), 1, Integer::sum));
      List<Row> unique = new ArrayList<>();
      for (Row row : rows) {
        if (counts.get(row.get(key)) > 1) {
          rejected.add(new Rejected(displayName, row.line(), "duplicate " + key + " " + row.get(key)));
        } else {
          unique.add(row);
        }
      }
      return unique;
    }
    return rows;
  }

  private String check(Map<String, String> cells, List<Column> columns) {
    for (Column c : columns) {
      String v = cells.getOrDefault(c.name(), "").trim();
      if (v.isEmpty()) {
        if (c.required()) {
          return c.name() + " is missing";
        }
        continue;
      }
      if (!valid(v, c.type())) {
        return c.name() + " is not a valid " + c.type() + ": " + v;
      }
    }
    return null;
  }

  private boolean valid(String v, Type type) {
    switch (type) {
      case DATE:
        return date(v) != null;
      case TIMESTAMP:
        try {
          OffsetDateTime.parse(v);
          return true;
        } catch (DateTimeParseException e) {
          try {
            LocalDateTime.parse(v);
            return true;
          } catch (DateTimeParseException e2) {
            return false;
          }
        }
      case BOOL:
        return BOOLEANS.contains(v.toLowerCase(Locale.ROOT));
      case DECIMAL:
        return DECIMAL.matcher(v).matches();
      case INT:
        return v.matches("-?\\d+");
      default:
        return true;
    }
  }

  static LocalDate date(String v) {
    if (!DATE.matcher(v).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The event's date in the configured zone. */
  LocalDate eventDate(String timestamp) {
    try {
      return OffsetDateTime.parse(timestamp).atZoneSameInstant(zone).toLocalDate();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(timestamp).toLocalDate();
    }
  }

  static BigDecimal decimal(String v) {
    return v.isEmpty() ? null : new BigDecimal(v);
  }

  static Boolean bool(String v) {
    if (v.isEmpty()) {
      return null;
    }
    String s = v.toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("yes") || s.equals("ja") || s.equals("1");
  }
}
