package se.vardag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.vardag.ingest.csv.CsvRecord;
import se.vardag.ingest.csv.CsvRecordReader;
import se.vardag.ingest.csv.Utf8Reader;

/**
 * Reads one input file under its contract: decodes UTF-8 (a record holding bytes that are not
 * UTF-8 is rejected, with a hint at the file's likely encoding, and its record keeps every byte:
 * see {@link Utf8Reader#escapedText}), checks the header (a file that looks like UTF-16 is named
 * as such), and hands every data record to a {@link Sink} as
 * typed values or as a rejection. Blank lines are skipped. For keyed files (employees,
 * initiatives, goals) every row whose key occurs more than once is rejected, all copies, since
 * nothing tells which copy is right.
 */
public final class ContractFileReader {
  /** Receives what a file holds. */
  public interface Sink {
    /** A valid row: its start line, its typed values (one per contract column), its raw text. */
    void row(long line, Object[] values, String raw);

    void rejected(Rejection rejection);
  }

  /** Counts of one file, and the header mapping it was read with. */
  public static final class Counts {
    public long read;
    public long rejected;
    public HeaderMapping mapping;
  }

  private ContractFileReader() {}

  /** Added to the reason of a record that holds bytes that are not UTF-8. */
  static final String NOT_UTF8_HINT = "; the file is not UTF-8 (its bytes look like Latin-1 or Windows-1252):"
      + " re-export it as UTF-8. The quarantined record keeps every byte: a byte that is not UTF-8 is written \\xNN,"
      + " a backslash \\\\";

  /** Decodes UTF-8 keeping every invalid byte recoverable (see {@link Utf8Reader}). */
  public static Reader utf8(InputStream in) {
    return new Utf8Reader(in);
  }

  /**
   * Reads only the header of a file. Adds contract problems to {@code problems} and returns the
   * mapping, or null when the contract is broken.
   */
  public static HeaderMapping header(Path path, String sourceFile, FileContract contract, List<String> problems)
      throws IOException {
    return header(Files.newInputStream(path), sourceFile, contract, problems);
  }

  /** {@link #header(Path, String, FileContract, List)} of the file read from {@code in} (closed here). */
  public static HeaderMapping header(InputStream in, String sourceFile, FileContract contract, List<String> problems)
      throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(utf8(in))) {
      return header(reader, sourceFile, contract, problems);
    }
  }

  private static HeaderMapping header(CsvRecordReader reader, String sourceFile, FileContract contract,
      List<String> problems) throws IOException {
    CsvRecord header = reader.next();
    while (header != null && header.blank()) {
      header = reader.next();
    }
    if (header == null) {
      problems.add(sourceFile + ": the file is empty; expected a header row with the columns "
          + requiredColumns(contract) + " (re-export it, or remove it if it should not be there)");
      return null;
    }
    String encoding = encodingProblem(header.raw());
    if (encoding != null) {
      problems.add(sourceFile + ": " + encoding);
      return null;
    }
    if (header.malformed()) {
      problems.add(sourceFile + ":" + header.line() + ": the header row is not valid CSV: " + header.problem());
      return null;
    }
    return HeaderMapping.resolve(contract, sourceFile, header.fields(), problems);
  }

  /**
   * What is wrong with the encoding of a header row (decoded by {@link Utf8Reader}), or null when it
   * is UTF-8. The header itself is never quoted: it may not be a header at all.
   */
  static String encodingProblem(String header) {
    String remedy = " Re-export it as UTF-8 (Excel: Save As, \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8)."
        + " The header is not shown.";
    if (header.length() >= 2 && Utf8Reader.isEscapedByte(header.charAt(0)) && Utf8Reader.isEscapedByte(header.charAt(1))) {
      int b0 = Utf8Reader.escapedByte(header.charAt(0));
      int b1 = Utf8Reader.escapedByte(header.charAt(1));
      if (b0 == 0xFF && b1 == 0xFE) {
        return "the file is not UTF-8: it is UTF-16 (little-endian, byte order mark FF FE)." + remedy;
      }
      if (b0 == 0xFE && b1 == 0xFF) {
        return "the file is not UTF-8: it is UTF-16 (big-endian, byte order mark FE FF)." + remedy;
      }
    }
    if (header.indexOf('\u0000') >= 0) {
      return "the header row holds NUL bytes: the file looks like UTF-16 without a byte order mark, not UTF-8." + remedy;
    }
    if (Utf8Reader.hasEscapedBytes(header)) {
      return "the header row is not UTF-8: its bytes look like Latin-1 or Windows-1252. Re-export the file as UTF-8"
          + " (Excel: Save As, \"CSV UTF-8\"; or iconv -f WINDOWS-1252 -t UTF-8). The header is not shown.";
    }
    return null;
  }

  private static String requiredColumns(FileContract contract) {
    List<String> names = new ArrayList<>();
    for (Column c : contract.columns()) {
      if (c.required()) {
        names.add(c.name());
      }
    }
    return String.join(", ", names);
  }

  /**
   * Reads a whole file from {@code in} (which it closes) into the sink. Throws
   * {@link IngestException} when its header breaks the contract.
   */
  public static Counts read(InputStream in, String sourceFile, FileContract contract, Values.DayResolver zone,
      int maxFieldChars, Sink sink) throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(utf8(in))) {
      List<String> problems = new ArrayList<>();
      HeaderMapping mapping = header(reader, sourceFile, contract, problems);
      if (mapping == null) {
        throw new IngestException(problems);
      }
      RowParser parser = new RowParser(mapping, sourceFile, zone, maxFieldChars);
      Counts counts = new Counts();
      counts.mapping = mapping;
      Sink target = contract.key().isPresent() ? new UniqueKeySink(sink, contract, counts) : sink;
      int keyAt = contract.key().isPresent() ? mapping.position(contract.indexOf(contract.key().get())) : -1;
      for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
        if (record.blank()) {
          continue;
        }
        counts.read++;
        boolean notUtf8 = Utf8Reader.hasEscapedBytes(record.raw());
        if (notUtf8) {
          // Values see U+FFFD (and reject the row); the record keeps the bytes, escaped.
          record = record.map(Utf8Reader::replaced, Utf8Reader.escapedText(record.raw()));
        }
        Object parsed = parser.parse(record);
        if (parsed instanceof Rejection) {
          Rejection r = (Rejection) parsed;
          if (notUtf8) {
            r = r.withReasonAndRecord(r.reason() + NOT_UTF8_HINT, r.record());
          }
          if (keyAt >= 0 && !record.malformed() && keyAt < record.fields().size()) {
            r = r.withKey(record.fields().get(keyAt).strip());
          }
          counts.rejected++;
          target.rejected(r);
        } else {
          target.row(record.line(), (Object[]) parsed, record.raw());
        }
      }
      if (target instanceof UniqueKeySink) {
        ((UniqueKeySink) target).finish(sourceFile);
      }
      return counts;
    }
  }

  /** Holds the rows of a keyed file until the end, then rejects every copy of a repeated key. */
  private static final class UniqueKeySink implements Sink {
    private final Sink target;
    private final int keyIndex;
    private final String keyName;
    private final Counts counts;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    UniqueKeySink(Sink target, FileContract contract, Counts counts) {
      this.target = target;
      this.keyName = contract.key().orElseThrow();
      this.keyIndex = contract.indexOf(keyName);
      this.counts = counts;
    }

    @Override
    public void row(long line, Object[] values, String raw) {
      byKey.computeIfAbsent((String) values[keyIndex], k -> new ArrayList<>(1)).add(rows.size());
      rows.add(values);
      lines.add(line);
      raws.add(raw);
    }

    @Override
    public void rejected(Rejection rejection) {
      target.rejected(rejection);
    }

    void finish(String sourceFile) {
      for (int i = 0; i < rows.size(); i++) {
        String key = (String) rows.get(i)[keyIndex];
        List<Integer> same = byKey.get(key);
        if (same.size() == 1) {
          target.row(lines.get(i), rows.get(i), raws.get(i));
        } else {
          List<String> others = new ArrayList<>();
          for (int j : same) {
            if (j != i) {
              others.add(String.valueOf(lines.get(j)));
            }
          }
          counts.rejected++;
          target.rejected(new Rejection(sourceFile, lines.get(i), keyName, "duplicate " + keyName + " " + Values.quoted(key)
              + " (also on line " + String.join(", ", others) + "); every copy is rejected: keep one row per "
              + keyName, raws.get(i)).withKey(key));
        }
      }
    }
  }
}
