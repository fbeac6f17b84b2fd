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
 * record's end, found by counting quotes.
 *
 * <p>Runaway quotes: a record may span at most {@code maxRecordLines} physical lines (default
 * {@value #DEFAULT_MAX_RECORD_LINES}). A quote that is not closed within that many lines, or not
 * before the end of the file, does not swallow the rest of the file: only the record's first
 * physical line is returned as malformed, and reading resumes on the next line. So every physical
 * line is either part of a record or of a malformed record, and none is lost unseen.
 * A leading byte order mark is skipped.
 */
public final class CsvRecordReader implements Closeable {
  private static final int BUFFER = 1 << 16;
  private static final char BOM = '\uFEFF';
  /** The most physical lines one record may span unless the constructor says otherwise. */
  public static final int DEFAULT_MAX_RECORD_LINES = 100;

  private final Reader reader;
  private final int maxRecordLines;
  private char[] buf = new char[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  /** The line the next record starts on. */
  private long line = 1;

  private final StringBuilder raw = new StringBuilder(256);
  private final StringBuilder field = new StringBuilder(64);

  public CsvRecordReader(Reader reader) {
    this(reader, DEFAULT_MAX_RECORD_LINES);
  }

  /** A reader whose records may span at most {@code maxRecordLines} physical lines (at least 1). */
  public CsvRecordReader(Reader reader, int maxRecordLines) {
    this.reader = requireNonNull(reader, "reader is null");
    if (maxRecordLines < 1) {
      throw new IllegalArgumentException("Cannot read CSV with at most " + maxRecordLines
          + " lines per record: the limit must be at least 1");
    }
    this.maxRecordLines = maxRecordLines;
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
          if (recoverInQuotes) {
            return runaway(startLine, quoteOpenedOn, problem, "before the end of the file");
          }
          break;
        }
        if (quoted && !afterQuote) {
          return runaway(startLine, quoteOpenedOn, null, "before the end of the file");
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
        raw.append(c);
        if (c == '\n' || (c == '\r' && !peekLf())) {
          line++;
          if (line - startLine >= maxRecordLines) {
            return runaway(startLine, quoteOpenedOn, problem, "within " + maxRecordLines + " lines");
          }
        }
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
          field.append(c);
          if (c == '\n' || (c == '\r' && !peekLf())) {
            line++;
            if (line - startLine >= maxRecordLines) {
              return runaway(startLine, quoteOpenedOn, null, "within " + maxRecordLines + " lines");
            }
          }
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

  /**
   * Ends a record whose quote runs away (not closed {@code where}): its first physical line is the
   * malformed record, and everything after that line is read again as new records.
   */
  private CsvRecord runaway(long startLine, long quoteLine, String earlier, String where) {
    String text = raw.toString();
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    int next = end;
    if (next < text.length()) {
      next += text.charAt(next) == '\r' && next + 1 < text.length() && text.charAt(next + 1) == '\n' ? 2 : 1;
    }
    String problem = (earlier == null ? "unterminated quoted field: the double quote opened on line " + quoteLine
        : earlier + "; a later double quote") + " is not closed " + where;
    if (next <= end) {
      // The record is a single line: nothing to read again.
      line = startLine + 1;
      return CsvRecord.malformed(startLine, text, problem);
    }
    // Replay the rest of the record, then the unread buffer.
    int restLength = text.length() - next;
    int unread = limit - pos;
    char[] replay = new char[Math.max(BUFFER, restLength + unread)];
    text.getChars(next, text.length(), replay, 0);
    System.arraycopy(buf, pos, replay, restLength, unread);
    buf = replay;
    pos = 0;
    limit = restLength + unread;
    line = startLine + 1;
    return CsvRecord.malformed(startLine, text.substring(0, end), problem
        + "; only line " + startLine + " is rejected and reading resumes on line " + (startLine + 1));
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
