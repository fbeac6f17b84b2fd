package se.vardag.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.ingest.UsageFileParserDifferentialTest.REGULAR;
import static se.vardag.ingest.UsageFileParserDifferentialTest.STOCKHOLM;
import static se.vardag.ingest.UsageFileParserDifferentialTest.chosen;
import static se.vardag.ingest.UsageFileParserDifferentialTest.describe;
import static se.vardag.ingest.UsageFileParserDifferentialTest.fast;
import static se.vardag.ingest.UsageFileParserDifferentialTest.file;
import static se.vardag.ingest.UsageFileParserDifferentialTest.generic;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Single-byte edits (replace, insert, delete) of a regular file, with a fixed seed: whatever the
 * edit, {@link UsageFileParser#parse} gives the generic result, and when the fast path accepts the
 * edited file its result is the generic one.
 */
class UsageFileParserRandomizedTest {
  /** Bytes likely to matter: digits, the timestamp's punctuation, CSV syntax, space, controls, non-ASCII. */
  private static final byte[] INTERESTING = "0123456789:-+.,TZzt\" \t\r\nAa\u0000\u007f".getBytes(UTF_8);

  @Test
  void singleByteEditsGiveTheGenericResult() {
    SplittableRandom rng = new SplittableRandom(20261127L);
    byte[] crlf = file("\r\n", false, REGULAR);
    byte[] lf = file("\n", true, REGULAR);
    int accepted = 0;
    int declined = 0;
    int rounds = 4000;
    for (int round = 0; round < rounds; round++) {
      byte[] base = round % 2 == 0 ? lf : crlf;
      byte[] edited = edit(base, rng);
      int maxFieldChars = rng.nextInt(8) == 0 ? 20 + rng.nextInt(20) : 1000;
      String expected = generic(edited, STOCKHOLM, maxFieldChars);
      String actual = chosen(edited, STOCKHOLM, maxFieldChars);
      assertThat(actual).as("round %d: %s", round, new String(edited, UTF_8)).isEqualTo(expected);
      UsageFileParser.Result f = fast(edited, STOCKHOLM, maxFieldChars);
      if (f != null) {
        accepted++;
        assertThat(describe(f)).as("round %d: %s", round, new String(edited, UTF_8)).isEqualTo(expected);
        assertThat(f.rejections).isEmpty();
      } else {
        declined++;
      }
    }
    // Both outcomes are exercised plenty.
    assertThat(accepted).isGreaterThan(rounds / 10);
    assertThat(declined).isGreaterThan(rounds / 10);
  }

  private static byte[] edit(byte[] base, SplittableRandom rng) {
    int at = rng.nextInt(base.length);
    byte b = rng.nextInt(4) == 0 ? (byte) rng.nextInt(256) : INTERESTING[rng.nextInt(INTERESTING.length)];
    switch (rng.nextInt(3)) {
      case 0: {
        byte[] out = base.clone();
        out[at] = b;
        return out;
      }
      case 1: {
        byte[] out = new byte[base.length + 1];
        System.arraycopy(base, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(base, at, out, at + 1, base.length - at);
        return out;
      }
      default: {
        byte[] out = Arrays.copyOf(base, base.length - 1);
        System.arraycopy(base, at + 1, out, at, base.length - at - 1);
        return out;
      }
    }
  }
}
