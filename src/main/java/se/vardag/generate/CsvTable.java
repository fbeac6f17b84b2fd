package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** The rows of one small input file, before it is written. Cells are text; null is written empty. */
final class CsvTable {
  private final String fileName;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  CsvTable(String fileName, String... header) {
    this.fileName = requireNonNull(fileName, "fileName is null");
    this.header = List.of(header);
  }

  String fileName() {
    return fileName;
  }

  List<String> header() {
    return header;
  }

  List<List<String>> rows() {
    return rows;
  }

  void add(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("Cannot add a row of " + cells.length + " cells to " + fileName);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(c == null ? "" : c.toString());
    }
    rows.add(row);
  }

  int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("Cannot find column: " + name);
    }
    return i;
  }

  /**
   * The physical line of a row (line 1 is the header), counting the extra lines of earlier
   * cells that hold line breaks.
   */
  long lineOf(int rowIndex) {
    long line = 2 + rowIndex;
    for (int r = 0; r < rowIndex; r++) {
      for (String cell : rows.get(r)) {
        line += cell.chars().filter(ch -> ch == '\n').count();
      }
    }
    return line;
  }
}
