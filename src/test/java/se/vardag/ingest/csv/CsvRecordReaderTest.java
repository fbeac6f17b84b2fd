package se.vardag.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecord> read(String text) throws IOException {
    List<CsvRecord> out = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(new StringReader(text))) {
      for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  private static List<CsvRecord> readWithLimit(String text, int limit) throws IOException {
    List<CsvRecord> out = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), limit)) {
      for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  @Test
  void readsFieldsLinesAndRawText() throws IOException {
    List<CsvRecord> recs = read("a,b\n1,\"x, \"\"y\"\"\nz\"\r\n3,\n");
    assertThat(recs).hasSize(3);
    assertThat(recs.get(0).fields()).containsExactly("a", "b");
    assertThat(recs.get(0).line()).isEqualTo(1);
    assertThat(recs.get(1).fields()).containsExactly("1", "x, \"y\"\nz");
    assertThat(recs.get(1).line()).isEqualTo(2);
    assertThat(recs.get(1).raw()).isEqualTo("1,\"x, \"\"y\"\"\nz\"");
    assertThat(recs.get(2).fields()).containsExactly("3", "");
    assertThat(recs.get(2).line()).isEqualTo(4);
  }

  @Test
  void skipsByteOrderMarkAndAcceptsMissingFinalNewline() throws IOException {
    List<CsvRecord> recs = read("\uFEFFid,name\r\nE1,Åsa");
    assertThat(recs).extracting(CsvRecord::fields)
        .containsExactly(List.of("id", "name"), List.of("E1", "Åsa"));
  }

  @Test
  void blankLineIsABlankRecordAndCountsAsALine() throws IOException {
    List<CsvRecord> recs = read("a\n\nb\n");
    assertThat(recs).hasSize(3);
    assertThat(recs.get(1).blank()).isTrue();
    assertThat(recs.get(2).line()).isEqualTo(3);
  }

  @Test
  void quoteAfterClosingQuoteMalformsOnlyThatRecord() throws IOException {
    List<CsvRecord> recs = read("h1,h2\n\"q\"x,1\nok,2\n");
    assertThat(recs).hasSize(3);
    assertThat(recs.get(1).malformed()).isTrue();
    assertThat(recs.get(1).problem())
        .isEqualTo("character 'x' after the closing quote of field 1; a quote inside a quoted field must be doubled (\"\")");
    assertThat(recs.get(1).raw()).isEqualTo("\"q\"x,1");
    assertThat(recs.get(1).line()).isEqualTo(2);
    assertThat(recs.get(2).fields()).containsExactly("ok", "2");
    assertThat(recs.get(2).line()).isEqualTo(3);
  }

  @Test
  void strayQuoteInUnquotedFieldMalformsOnlyThatRecord() throws IOException {
    List<CsvRecord> recs = read("h\n5\" screen,x\nnext,y\n");
    assertThat(recs.get(1).problem())
        .isEqualTo("double quote inside unquoted field 1; a field containing quotes must be enclosed in quotes");
    assertThat(recs.get(1).raw()).isEqualTo("5\" screen,x");
    assertThat(recs.get(2).fields()).containsExactly("next", "y");
  }

  @Test
  void unterminatedQuoteRejectsOnlyItsLineAndReadingResumesOnTheNext() throws IOException {
    List<CsvRecord> recs = read("h1,h2\na,\"b\nc,d\ne,f\n");
    assertThat(recs).hasSize(4);
    assertThat(recs.get(1).malformed()).isTrue();
    assertThat(recs.get(1).problem()).isEqualTo("unterminated quoted field: the double quote opened on line 2 is not"
        + " closed before the end of the file; only line 2 is rejected and reading resumes on line 3");
    assertThat(recs.get(1).raw()).isEqualTo("a,\"b");
    assertThat(recs.get(2).fields()).containsExactly("c", "d");
    assertThat(recs.get(2).line()).isEqualTo(3);
    assertThat(recs.get(3).fields()).containsExactly("e", "f");
    assertThat(recs.get(3).line()).isEqualTo(4);
  }

  @Test
  void unterminatedQuoteOnTheLastLineWithoutNewlineIsThatLine() throws IOException {
    List<CsvRecord> recs = read("h\nok\n\"x");
    assertThat(recs).hasSize(3);
    assertThat(recs.get(2).problem()).isEqualTo("unterminated quoted field: the double quote opened on line 3 is not"
        + " closed before the end of the file");
    assertThat(recs.get(2).raw()).isEqualTo("\"x");
  }

  @Test
  void aQuotedFieldMaySpanTheLimitButNotOneLineMore() throws IOException {
    // Limit 3: a record over lines 2-4 is fine; one over lines 2-5 is a runaway at its 4th line.
    List<CsvRecord> ok = readWithLimit("h,i\n1,\"a\nb\nc\"\n2,z\n", 3);
    assertThat(ok).extracting(CsvRecord::malformed).containsExactly(false, false, false);
    assertThat(ok.get(1).fields()).containsExactly("1", "a\nb\nc");
    assertThat(ok.get(2).line()).isEqualTo(5);

    List<CsvRecord> runaway = readWithLimit("h,i\r\n1,\"a\r\nb\r\nc\r\nd\"\r\n2,z\r\n", 3);
    assertThat(runaway.get(1).problem()).isEqualTo("unterminated quoted field: the double quote opened on line 2 is"
        + " not closed within 3 lines; only line 2 is rejected and reading resumes on line 3");
    assertThat(runaway.get(1).raw()).isEqualTo("1,\"a");
    // Lines 3-6 are read again as records: b, c, d" (a stray quote), 2,z.
    assertThat(runaway).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(runaway.get(2).fields()).containsExactly("b");
    assertThat(runaway.get(4).malformed()).isTrue();
    assertThat(runaway.get(5).fields()).containsExactly("2", "z");
  }

  @Test
  void aRunawayQuoteInALongFileLosesOnlyItsOwnLine() throws IOException {
    // The case: a quote before a value on line 1000 of a 2,239-line file (buffer boundaries included).
    StringBuilder text = new StringBuilder("event_time,employee_id,source,action,count\n");
    for (int i = 2; i <= 2239; i++) {
      text.append("2026-11-03T08:15:00Z,E").append(i).append(i == 1000 ? ",\"servicenow" : ",servicenow")
          .append(",incident.resolve,1\n");
    }
    List<CsvRecord> recs = read(text.toString());
    assertThat(recs).hasSize(2239);
    assertThat(recs.stream().filter(CsvRecord::malformed)).extracting(CsvRecord::line).containsExactly(1000L);
    assertThat(recs.get(2238).line()).isEqualTo(2239);
    assertThat(recs.get(2238).fields().get(1)).isEqualTo("E2239");
    assertThat(recs.get(999).raw()).isEqualTo("2026-11-03T08:15:00Z,E1000,\"servicenow,incident.resolve,1");
  }

  @Test
  void aStrayQuoteThatOpensARunawayAfterTheFirstProblemAlsoStopsAtItsLine() throws IOException {
    List<CsvRecord> recs = read("h\n5\" screen,x\nnext,y\n");
    // A single stray quote makes the rest "quoted" while recovering: bounded by the same rule.
    assertThat(recs).hasSize(3);
    assertThat(recs.get(2).fields()).containsExactly("next", "y");
  }

  @Test
  void lineNumbersCountCrLfOnceAndLoneCrOnce() throws IOException {
    List<CsvRecord> recs = read("a\r\nb\rc\n\"x\r\ny\"\nd\n");
    assertThat(recs).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L, 6L);
    assertThat(recs.get(3).fields()).containsExactly("x\r\ny");
  }

  /** Commons CSV is the reference: on well-formed RFC 4180 input both must read the same fields. */
  @Test
  void agreesWithCommonsCsvOnRandomWellFormedInput() throws IOException {
    Random random = new Random(42);
    String alphabet = "ab ,\"\n\r\tåäö;=\u0000-";
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      int records = 1 + random.nextInt(6);
      int width = 1 + random.nextInt(4);
      for (int r = 0; r < records; r++) {
        for (int f = 0; f < width; f++) {
          if (f > 0) {
            text.append(',');
          }
          StringBuilder value = new StringBuilder();
          int len = random.nextInt(6);
          for (int i = 0; i < len; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
          String v = value.toString();
          boolean mustQuote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
          if (mustQuote || random.nextInt(4) == 0) {
            text.append('"').append(v.replace("\"", "\"\"")).append('"');
          } else {
            text.append(v);
          }
        }
        text.append(random.nextBoolean() ? "\n" : "\r\n");
      }
      List<List<String>> expected = new ArrayList<>();
      try (CSVParser parser = CSVParser.parse(new StringReader(text.toString()),
          CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get())) {
        for (CSVRecord rec : parser) {
          expected.add(rec.toList());
        }
      }
      List<List<String>> actual = new ArrayList<>();
      for (CsvRecord rec : read(text.toString())) {
        assertThat(rec.malformed()).as("record %s of %s", rec, text).isFalse();
        actual.add(rec.fields());
      }
      assertThat(actual).as("input %s", text).isEqualTo(expected);
    }
  }
}
