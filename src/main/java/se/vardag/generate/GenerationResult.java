package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the generator wrote: rows per file (usage summed over its day files) and where the
 * deliberately broken rows are.
 */
public record GenerationResult(List<FileRows> files, List<BadRow> badRows) {
  public GenerationResult {
    files = List.copyOf(files);
    badRows = List.copyOf(badRows);
  }

  /**
   * @param file path relative to the output folder ({@code usage/} for the day files together)
   * @param fileCount how many files (1, or the number of day files)
   * @param rows data rows, header excluded
   */
  public record FileRows(String file, int fileCount, long rows) {
    public FileRows {
      requireNonNull(file, "file is null");
    }
  }

  /**
   * @param file path relative to the output folder
   * @param line physical line in the file (the header is line 1)
   * @param what what is wrong with it
   */
  public record BadRow(String file, long line, String what) {
    public BadRow {
      requireNonNull(file, "file is null");
      requireNonNull(what, "what is null");
    }
  }
}
