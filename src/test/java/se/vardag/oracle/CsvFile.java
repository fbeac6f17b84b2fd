package se.vardag.oracle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** One input CSV file read whole, edited by column name, and written back (RFC 4180, LF). */
final class CsvFile {
  private final Path path;
  private final List<String> header = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();

  private CsvFile(Path path) {
    this.path = requireNonNull(path, "path is null");
  }

  static CsvFile read(Path path) throws IOException {
    CsvFile f = new CsvFile(path);
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(in)) {
      for (CSVRecord rec : parser) {
        List<String> cells = new ArrayList<>();
        rec.forEach(cells::add);
        if (f.header.isEmpty()) {
          f.header.addAll(cells);
        } else {
          f.rows.add(cells);
        }
      }
    }
    return f;
  }

  int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("Cannot find column: " + name + " is not in the header of " + path);
    }
    return i;
  }

  List<List<String>> rows() {
    return rows;
  }

  String get(List<String> row, String column) {
    return row.get(column(column));
  }

  void set(List<String> row, String column, String value) {
    row.set(column(column), value);
  }

  /** The first row whose {@code column} holds {@code value}. */
  List<String> row(String column, String value) {
    int c = column(column);
    return rows.stream().filter(r -> r.get(c).equals(value)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("Cannot find a row: no " + column + " '" + value + "' in " + path));
  }

  void add(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("Cannot add a row of " + cells.length + " cells to " + path + " with "
          + header.size() + " columns");
    }
    rows.add(new ArrayList<>(List.of(cells)));
  }

  int removeIf(Predicate<List<String>> which) {
    int before = rows.size();
    rows.removeIf(which);
    return before - rows.size();
  }

  void write() throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      printer.printRecord(header);
      for (List<String> r : rows) {
        printer.printRecord(r);
      }
    }
    Files.writeString(path, out.toString(), StandardCharsets.UTF_8);
  }
}
