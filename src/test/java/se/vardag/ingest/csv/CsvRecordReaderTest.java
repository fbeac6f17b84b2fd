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
  void unterminatedQuoteConsumesTheRestOfTheFile() throws IOException {
    List<CsvRecord> recs = read("h1,h2\na,\"b\nc,d\ne,f\n");
    assertThat(recs).hasSize(2);
    assertThat(recs.get(1).malformed()).isTrue();
    assertThat(recs.get(1).problem())
        .isEqualTo("unterminated quoted field (opened on line 2): the rest of the file is part of it");
    assertThat(recs.get(1).raw()).isEqualTo("a,\"b\nc,d\ne,f\n");
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
