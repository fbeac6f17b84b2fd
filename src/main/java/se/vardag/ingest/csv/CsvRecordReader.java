package se.vardag.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader (comma, double quote, LF / CRLF / CR line breaks) that, unlike Commons
 * CSV, keeps going after a malformed record and hands back each record's raw text and start line.
 * Vardag needs both: a bad row must be quarantined whole, with its line, while the rest of the
 * file is still read. (Commons CSV stops at the first quote error and has no raw text; it is
 * used as the reference in this class's tests. See docs/decisions.md.)
 *
 * <p>Strictness: a field containing a double quote must be quoted; after a closing quote only a
 * comma or a line break may follow; a quoted field must be closed before the end of the file.
 * Breaking any of these makes that one record malformed. The reader then resumes after the
 * record's end, found by counting quotes; an unclosed quote consumes the rest of the file, as it
 * must. A leading byte order mark is skipped.
 */
public final class CsvRecordReader implements Closeable {
  private static final int BUFFER = 1 << 16;
  private static final char BOM = '\uFEFF';

  private final Reader reader;
  private final char[] buf = new char[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  /** The line the next record starts on. */
  private long line = 1;

  private final StringBuilder raw = new StringBuilder(256);
  private final StringBuilder field = new StringBuilder(64);

  public CsvRecordReader(Reader reader) {
    this.reader = requireNonNull(reader, "reader is null");
  }

  /** The next record, or null at the end of the file. */
  public CsvRecord next() throws IOException {
    if (!started) {
      started = true;
      if (fill() && buf[pos] == BOM) {
        pos++;
      }
    }
    if (!fill()) {
      return null;
    }
    long startLine = line;
    raw.setLength(0);
    List<String> fields = new ArrayList<>(8);
    String problem = null;
    long quoteOpenedOn = -1;

    // States: at field start, in unquoted field, in quoted field, just after a quote inside a quoted field.
    field.setLength(0);
    boolean quoted = false;
    boolean afterQuote = false;
    boolean recovering = false;
    boolean recoverInQuotes = false;
    while (true) {
      if (!fill()) {
        // End of file ends the record.
        if (recovering) {
          if (recoverInQuotes && problem == null) {
            problem = "unterminated quoted field (opened on line " + quoteOpenedOn + ")";
          }
          break;
        }
        if (quoted && !afterQuote) {
          problem = "unterminated quoted field (opened on line " + quoteOpenedOn + "): the rest of the file is part of it";
          break;
        }
        fields.add(field.toString());
        break;
      }
      char c = buf[pos++];
      if (recovering) {
        if (c == '"') {
          recoverInQuotes = !recoverInQuotes;
          raw.append(c);
          continue;
        }
        if (!recoverInQuotes && (c == '\n' || c == '\r')) {
          endOfLine(c);
          break;
        }
        if (c == '\n' || (c == '\r' && !peekLf())) {
          line++;
        }
        raw.append(c);
        continue;
      }
      if (quoted) {
        if (afterQuote) {
          if (c == '"') {
            field.append('"');
            raw.append(c);
            afterQuote = false;
            continue;
          }
          if (c == ',') {
            raw.append(c);
            fields.add(field.toString());
            field.setLength(0);
            quoted = false;
            afterQuote = false;
            continue;
          }
          if (c == '\n' || c == '\r') {
            endOfLine(c);
            fields.add(field.toString());
            break;
          }
          problem = "character '" + printable(c) + "' after the closing quote of field " + (fields.size() + 1)
              + "; a quote inside a quoted field must be doubled (\"\")";
          raw.append(c);
          recovering = true;
          // We are outside quotes after the closing quote.
          recoverInQuotes = false;
          continue;
        }
        raw.append(c);
        if (c == '"') {
          afterQuote = true;
        } else {
          if (c == '\n' || (c == '\r' && !peekLf())) {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      // Unquoted field (possibly at its start).
      if (c == ',') {
        raw.append(c);
        fields.add(field.toString());
        field.setLength(0);
        continue;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
        fields.add(field.toString());
        break;
      }
      raw.append(c);
      if (c == '"') {
        if (field.length() == 0) {
          quoted = true;
          afterQuote = false;
          quoteOpenedOn = line;
          continue;
        }
        problem = "double quote inside unquoted field " + (fields.size() + 1)
            + "; a field containing quotes must be enclosed in quotes";
        // Most likely an unquoted value holding a quote (5" screen): the record ends at the line break.
        recovering = true;
        recoverInQuotes = false;
        quoteOpenedOn = line;
        continue;
      }
      field.append(c);
    }
    String text = raw.toString();
    return problem == null ? CsvRecord.wellFormed(startLine, fields, text) : CsvRecord.malformed(startLine, text, problem);
  }

  /** Consumes the rest of a line terminator whose first character was c, and counts the line. */
  private void endOfLine(char c) throws IOException {
    if (c == '\r' && fill() && buf[pos] == '\n') {
      pos++;
    }
    line++;
  }

  private boolean peekLf() throws IOException {
    return fill() && buf[pos] == '\n';
  }

  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    if (eof) {
      return false;
    }
    int n;
    do {
      n = reader.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private static String printable(char c) {
    if (c == '\t') {
      return "\\t";
    }
    if (c < 0x20) {
      return String.format("\\u%04x", (int) c);
    }
    return String.valueOf(c);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
