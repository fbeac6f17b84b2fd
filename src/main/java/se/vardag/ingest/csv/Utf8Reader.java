package se.vardag.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 without losing a byte: every byte that is not part of valid UTF-8 becomes the lone
 * surrogate {@code U+DC00 + byte} (U+DC80 … U+DCFF), which valid UTF-8 can never produce. The
 * original bytes are therefore recoverable from the text ({@link #escapedText}), unlike with
 * U+FFFD replacement.
 */
public final class Utf8Reader extends Reader {
  private static final char FIRST = '\uDC80';
  private static final char LAST = '\uDCFF';

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private boolean eof;
  private boolean flushed;

  public Utf8Reader(InputStream in) {
    this.in = requireNonNull(in, "in is null");
    bytes.flip();
  }

  /** True when {@code c} stands for a byte that was not valid UTF-8. */
  public static boolean isEscapedByte(char c) {
    return c >= FIRST && c <= LAST;
  }

  /** True when the text holds a byte that was not valid UTF-8. */
  public static boolean hasEscapedBytes(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (isEscapedByte(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The byte a char of {@link #isEscapedByte} stands for. */
  public static int escapedByte(char c) {
    return c - '\uDC00';
  }

  /**
   * The text with every byte that was not UTF-8 written as {@code \xNN} and every backslash as
   * {@code \\}: plain text from which the file's bytes can be restored exactly.
   */
  public static String escapedText(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isEscapedByte(c)) {
        b.append(String.format("\\x%02X", escapedByte(c)));
      } else if (c == '\\') {
        b.append("\\\\");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The text with every byte that was not UTF-8 replaced by U+FFFD (what a value holds). */
  public static String replaced(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      if (isEscapedByte(text.charAt(i))) {
        if (b == null) {
          b = new StringBuilder(text);
        }
        b.setCharAt(i, '\uFFFD');
      }
    }
    return b == null ? text : b.toString();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        // One byte at a time: the decoder looks again at what follows it.
        out.put((char) ('\uDC00' | (bytes.get() & 0xFF)));
        continue;
      }
      if (r.isOverflow()) {
        break;
      }
      // Underflow: more bytes are needed.
      if (eof) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        break;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    int n = out.position() - off;
    return n == 0 ? -1 : n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
