package se.vardag.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.vardag.generate.Generator;
import se.vardag.generate.GeneratorOptions;
import se.vardag.privacy.Pseudonymizer;

/**
 * The fast path of {@link UsageFileParser} against the generic (reference) path: a regular file
 * must be read by the fast path with exactly the generic result; any other file must be left to
 * the generic path, so {@link UsageFileParser#parse} still gives the generic result and rejections.
 */
class UsageFileParserDifferentialTest {
  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final Pseudonymizer KEY = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(UTF_8));
  static final String HEADER = "event_time,employee_id,source,action,count";

  @TempDir
  Path dir;

  /** Everything a result holds, as text, so two results compare with one assertion. */
  static String describe(UsageFileParser.Result r) {
    StringBuilder b = new StringBuilder();
    b.append("rowsRead=").append(r.rowsRead).append(" rowsRejected=").append(r.rowsRejected).append(" events=")
        .append(r.events).append(" minDay=").append(r.minDay).append(" maxDay=").append(r.maxDay)
        .append(r.empty ? " empty" : "").append('\n');
    for (UsageFileParser.Bits bits : r.bits) {
      b.append("bits ").append(bits).append('\n');
    }
    for (Rejection x : r.rejections) {
      b.append("rejected ").append(x.sourceFile()).append(':').append(x.line()).append(" column=")
          .append(x.column()).append(" reason=").append(x.reason()).append(" record=").append(x.record())
          .append('\n');
    }
    return b.toString();
  }

  /** The outcome of a parse: the described result, or the exception's class and message. */
  static String outcome(Parse p) {
    try {
      return describe(p.run());
    } catch (Exception e) {
      return "threw " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  interface Parse {
    UsageFileParser.Result run() throws IOException;
  }

  static String generic(byte[] file, ZoneId zone, int maxFieldChars) {
    return outcome(() -> UsageFileParser.parseGeneric(new ByteArrayInputStream(file), "usage/f.csv",
        new Values.DayResolver(zone), maxFieldChars, KEY.copy()));
  }

  static String chosen(byte[] file, ZoneId zone, int maxFieldChars) {
    return outcome(() -> UsageFileParser.parse(new ByteArrayInputStream(file), "usage/f.csv",
        new Values.DayResolver(zone), maxFieldChars, KEY.copy()));
  }

  static UsageFileParser.Result fast(byte[] file, ZoneId zone, int maxFieldChars) {
    return FastUsageParser.parse(file, file.length, new Values.DayResolver(zone), maxFieldChars, KEY.copy());
  }

  /** A regular file: the fast path takes it, and its result is the generic one. */
  static void assertFastEqualsGeneric(byte[] file, ZoneId zone, int maxFieldChars) {
    UsageFileParser.Result fast = fast(file, zone, maxFieldChars);
    assertThat(fast).as("fast path should accept this file").isNotNull();
    String expected = generic(file, zone, maxFieldChars);
    assertThat(describe(fast)).isEqualTo(expected);
    assertThat(chosen(file, zone, maxFieldChars)).isEqualTo(expected);
  }

  /** An irregular file: the fast path declines it, and parse gives the generic result. */
  static String assertFallsBack(byte[] file, ZoneId zone, int maxFieldChars) {
    assertThat(fast(file, zone, maxFieldChars)).as("fast path should decline this file").isNull();
    String expected = generic(file, zone, maxFieldChars);
    assertThat(chosen(file, zone, maxFieldChars)).isEqualTo(expected);
    return expected;
  }

  static byte[] file(String lineEnd, boolean finalNewline, String... rows) {
    StringBuilder b = new StringBuilder(HEADER).append(lineEnd);
    for (int i = 0; i < rows.length; i++) {
      b.append(rows[i]);
      if (i < rows.length - 1 || finalNewline) {
        b.append(lineEnd);
      }
    }
    return b.toString().getBytes(UTF_8);
  }

  static byte[] lf(String... rows) {
    return file("\n", true, rows);
  }

  /** Rows with every accepted offset form, midnight and DST edges, counts 0, repeats and case. */
  static final String[] REGULAR = {
      "2026-05-22T07:00:16+02:00,E1118,outlook,mail.send,1",
      "2026-05-22T07:00:16+02:00,E1118,outlook,mail.send,3",
      "2026-05-22T07:06:54+02:00,E1249,Outlook,Mail.Send,1",
      "2026-05-22T07:06:54+02:00,E1249,OUTLOOK,MAIL.SEND,2",
      "2026-05-22T08:00:00Z,E1249,teams,chat.post,1",
      "2026-05-22T08:00:00,E1041,telefoni,call.answer,1",
      "2026-05-22T23:30:00Z,E1041,telefoni,call.answer,1",
      "2026-05-22T22:30:00-01:00,E1041,windows,logon,1",
      "2026-05-23T00:10:00+03:00,E1041,windows,logon,1",
      "2026-05-22T23:59:59.999+01:00,E7,windows,logon,1",
      "2026-05-22T23:59:59.123456789+02:00,E7,windows,logon,1",
      "2026-05-22T00:00:00.5Z,E7,windows,logon,1",
      "2026-05-22T12:00+0200,E8,windows,logon,1",
      "2026-05-22T12:00:01+02,E8,windows,logon,1",
      "2026-05-22T12:00-0530,E8,windows,logon,1",
      "2026-05-22T12:00:00+18:00,E8,windows,logon,1",
      "2026-05-22T12:00:00-18:59,E8,windows,logon,1",
      "2026-05-22T12:00:00-00:00,E8,windows,logon,1",
      "2026-05-22T12:00:00+01:30,E8,windows,logon,0",
      "2026-05-22T12:00:00+01:00,E9,windows,logon,0",
      "2026-03-29T01:59:59+01:00,E10,teams,meeting.join,1",
      "2026-03-29T03:00:00+02:00,E10,teams,meeting.join,1",
      "2026-03-29T02:30:00,E10,teams,meeting.join,1",
      "2026-03-28T23:30:00Z,E10,teams,meeting.join,1",
      "2026-03-29T22:30:00Z,E10,teams,meeting.join,1",
      "2026-10-25T02:30:00+02:00,E11,teams,meeting.join,1",
      "2026-10-25T02:30:00+01:00,E11,teams,meeting.join,1",
      "2026-10-25T00:59:59Z,E11,teams,meeting.join,1",
      "2026-10-24T22:00:00Z,E11,teams,meeting.join,1",
      "2026-10-25T23:00:00Z,E11,teams,meeting.join,1",
      "2024-02-29T10:00:00+01:00,E12,sharepoint,page.view,1",
      "2000-02-29T10:00:00+01:00,E12,sharepoint,page.view,1",
      "1970-01-01T00:00:00Z,E12,sharepoint,page.view,1",
      "1969-12-31T23:00:00Z,E12,sharepoint,page.view,1",
      "0000-01-01T00:00:00+18:00,E12,sharepoint,page.view,1",
      "9999-12-31T23:59:59-18:00,E12,sharepoint,page.view,1",
      "2026-12-31T23:30:00-01:00,E13,a b,x y,1",
      "2026-01-01T00:30:00+01:00,E 13,a-b,x.y.z,007",
      "2026-01-01T00:30:00+01:00,e13,A-B,X.Y.Z,2147483647",
      "2026-01-01T00:30:00+01:00,e13,A-B,X.Y.Z,0000000001",
      "2026-01-01T00:30:00+01:00,~!#$%&'()*+-./:;<=>?@[\\]^_`{|}~,ZZ,Zz,1",
  };

  @Test
  void regularRowsWithLfGiveTheGenericResult() {
    assertFastEqualsGeneric(lf(REGULAR), STOCKHOLM, 1000);
  }

  @Test
  void regularRowsWithCrlfAndNoFinalNewline() {
    assertFastEqualsGeneric(file("\r\n", true, REGULAR), STOCKHOLM, 1000);
    assertFastEqualsGeneric(file("\r\n", false, REGULAR), STOCKHOLM, 1000);
    assertFastEqualsGeneric(file("\n", false, REGULAR), STOCKHOLM, 1000);
  }

  @Test
  void mixedLfAndCrlfLines() {
    String text = HEADER + "\r\n" + REGULAR[0] + "\n" + REGULAR[5] + "\r\n" + REGULAR[9];
    assertFastEqualsGeneric(text.getBytes(UTF_8), STOCKHOLM, 1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe/Stockholm", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati",
      "America/New_York"})
  void regularRowsInOtherZones(String zone) {
    assertFastEqualsGeneric(lf(REGULAR), ZoneId.of(zone), 1000);
  }

  @Test
  void headerOnlyFiles() {
    assertFastEqualsGeneric((HEADER + "\n").getBytes(UTF_8), STOCKHOLM, 1000);
    assertFastEqualsGeneric((HEADER + "\r\n").getBytes(UTF_8), STOCKHOLM, 1000);
    // Without a line end: left to the generic path (no data either way).
    assertFallsBack(HEADER.getBytes(UTF_8), STOCKHOLM, 1000);
  }

  @Test
  void onlyZeroCountsLeaveMinAndMaxUnset() {
    byte[] f = lf("2026-05-22T07:00:16+02:00,E1,a,b,0", "2026-05-22T07:00:16+02:00,E2,a,b,00");
    assertFastEqualsGeneric(f, STOCKHOLM, 1000);
    assertThat(fast(f, STOCKHOLM, 1000).minDay).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void fieldsExactlyAtTheLengthLimit() {
    // 25 characters: the timestamp is exactly at the limit, the id too.
    byte[] f = lf("2026-05-22T07:00:16+02:00,E123456789012345678901234,a,b,1");
    assertFastEqualsGeneric(f, STOCKHOLM, 25);
    assertFallsBack(f, STOCKHOLM, 24);
  }

  @Test
  void manyDistinctKeysGrowTheTables() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(String.format("2026-%02d-%02dT%02d:%02d:00+01:00,E%d,src%d,ACT%d,%d", 1 + i % 12, 1 + i % 28, i % 24,
          i % 60, i % 3000, i % 37, i % 301, i % 5));
    }
    assertFastEqualsGeneric(lf(rows.toArray(new String[0])), STOCKHOLM, 1000);
  }

  @Test
  void internerGivesOneIdPerDistinctValue() {
    SplittableRandom rng = new SplittableRandom(7);
    StringBuilder text = new StringBuilder();
    List<int[]> ranges = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      int length = 1 + rng.nextInt(rng.nextBoolean() ? 8 : 20);
      int start = text.length();
      for (int k = 0; k < length; k++) {
        text.append((char) ('0' + rng.nextInt(rng.nextBoolean() ? 3 : 75)));
      }
      ranges.add(new int[] {start, text.length()});
    }
    byte[] bytes = text.toString().getBytes(UTF_8);
    FastUsageParser.ByteInterner interner = new FastUsageParser.ByteInterner(bytes);
    Map<String, Integer> expected = new HashMap<>();
    for (int[] r : ranges) {
      String value = text.substring(r[0], r[1]);
      int id = interner.intern(r[0], r[1]);
      Integer known = expected.putIfAbsent(value, expected.size());
      assertThat(id).as(value).isEqualTo(known == null ? expected.size() - 1 : known);
    }
    assertThat(interner.size()).isEqualTo(expected.size());
  }

  @Test
  void radixSortSortsLikeArraysSort() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int bits : new int[] {1, 5, 11, 12, 22, 23, 40, 63}) {
      for (int n : new int[] {0, 1, 2, 100, 5000}) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
          a[i] = rng.nextLong() >>> (64 - bits);
        }
        long[] expected = a.clone();
        java.util.Arrays.sort(expected);
        FastUsageParser.radixSort(a, bits);
        assertThat(a).as("bits %d, n %d", bits, n).containsExactly(expected);
      }
    }
  }

  @Test
  void factsWhoseRanksNeedMoreThan63BitsAreLeftToTheGenericPath() {
    // 66,000 distinct names (17 bits each for source and action), 10,000 years of days (22 bits)
    // and 200 pids (8 bits): 64 bits.
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 33_000; i++) {
      rows.add((i % 2 == 0 ? "0000-01-01T12:00:00" : "9999-12-31T12:00:00") + ",E" + (i % 200) + ",s" + i + ",a" + i
          + ",1");
    }
    byte[] f = lf(rows.toArray(new String[0]));
    assertThat(assertFallsBack(f, STOCKHOLM, 1000)).startsWith("rowsRead=33000 rowsRejected=0");
    // One year fewer of days fits, and is read by the fast path.
    rows.set(1, "5000-01-01T12:00:00,E1,s1,a1,1");
    for (int i = 3; i < rows.size(); i += 2) {
      rows.set(i, rows.get(i).replace("9999-12-31", "5000-01-01"));
    }
    assertFastEqualsGeneric(lf(rows.toArray(new String[0])), STOCKHOLM, 1000);
  }

  @Test
  void longEmployeeIdsAndNames() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      rows.add(String.format("2026-05-%02dT%02d:00:00+02:00,employee-%06d,Source-Number-%d,action.%s,%d", 1 + i % 30,
          i % 24, i % 1700, i % 13, "x".repeat(i % 17), i % 4));
    }
    assertFastEqualsGeneric(lf(rows.toArray(new String[0])), STOCKHOLM, 1000);
  }

  @Test
  void generatedFilesGiveTheGenericResult() throws IOException {
    // Two weeks around each DST change of Europe/Stockholm (2026-03-29 and 2026-10-25).
    List<Path> files = new ArrayList<>();
    for (LocalDate end : List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 10, 30))) {
      Path out = dir.resolve(end.toString());
      new Generator(GeneratorOptions.defaults().withEmployees(400).withDays(8).withEndDate(end)).generate(out);
      try (Stream<Path> s = Files.list(out.resolve("usage"))) {
        files.addAll(s.sorted().toList());
      }
    }
    assertThat(files).hasSize(16);
    for (Path f : files) {
      assertFastEqualsGeneric(Files.readAllBytes(f), STOCKHOLM, 1000);
    }
  }

  @Test
  void dataSamplesGiveTheGenericResult() throws IOException {
    Path usage = Path.of("data-samples", "usage");
    List<Path> files;
    try (Stream<Path> s = Files.list(usage)) {
      files = s.sorted().toList();
    }
    assertThat(files).isNotEmpty();
    int fast = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      String expected = generic(bytes, STOCKHOLM, 1000);
      assertThat(chosen(bytes, STOCKHOLM, 1000)).as(f.toString()).isEqualTo(expected);
      if (fast(bytes, STOCKHOLM, 1000) != null) {
        fast++;
        assertThat(describe(fast(bytes, STOCKHOLM, 1000))).as(f.toString()).isEqualTo(expected);
      } else {
        assertThat(expected).as(f + " declined by the fast path").contains("rejected ");
      }
    }
    assertThat(fast).isGreaterThan(files.size() - 10);
  }

  // --- irregular files: the fast path declines, the generic path answers -------------------------

  private static final String OK = "2026-05-22T07:00:16+02:00,E1,teams,chat,1";

  private static String irregular(String... rows) {
    List<String> all = new ArrayList<>();
    all.add(OK);
    all.addAll(List.of(rows));
    all.add(OK);
    return assertFallsBack(lf(all.toArray(new String[0])), STOCKHOLM, 1000);
  }

  @Test
  void quotedFields() {
    assertThat(irregular("\"2026-05-22T07:00:16+02:00\",E1,teams,chat,1")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E\"1,teams,chat,1")).contains("rejected ", "double quote");
    assertThat(irregular("2026-05-22T07:00:16+02:00,\"E1\nE2\",teams,chat,1")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,\"1,5\"")).contains("expected a whole number");
  }

  @Test
  void wrongFieldCounts() {
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat")).contains("wrong number of fields");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,1,")).contains("wrong number of fields");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,1,5")).contains("wrong number of fields");
  }

  @Test
  void badTimestamps() {
    for (String t : List.of("2026-02-30T07:00:16+02:00", "2025-02-29T07:00:16+02:00", "2026-04-31T07:00:16",
        "2026-13-01T07:00:16Z", "2026-00-01T07:00:16Z", "2026-01-00T07:00:16Z", "2026-05-22T24:00:00+02:00",
        "2026-05-22T23:60:00+02:00", "2026-05-22T23:00:60+02:00", "2026-05-22T07:00:16+19:00",
        "2026-05-22T07:00:16+02:60", "2026-05-22T07:00:16z", "2026-05-22T07:00:16Zx", "2026-05-22 07:00:16+02:00",
        "2026-05-22t07:00:16+02:00", "2026-5-22T07:00:16+02:00", "2026-05-22T07:00:16+2:00",
        "2026-05-22T07:00:16+020", "2026-05-22T07:00:16+02:0", "2026-05-22T07:00:16.+02:00",
        "2026-05-22T07:00:16.1234567890Z", "2026-05-22T07:00.5Z", "2026-05-22T07:00:1", "2026-05-22T07",
        "2026-05-22", "2026-05-22T07:00:16+02:00:00", "2026-05-22T07:00:16+02-00", "+2026-05-22T07:00:16Z",
        "2026-05-22T07:0a:16Z", "2026-05-22T07:00:16 +02:00", "２026-05-22T07:00:16Z")) {
      assertThat(irregular(t + ",E1,teams,chat,1")).as(t).contains("rejected ");
    }
  }

  @Test
  void badCounts() {
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,-1")).contains("expected a number from 0");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,+1")).contains("expected a whole number");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,1.0")).contains("expected a whole number");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,2147483648")).contains("out of range");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,00000000001")).contains("expected a whole number");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,1e3")).contains("expected a whole number");
    // Accepted by the generic path, but not a shape the fast path takes: still the generic result.
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,-0")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat,")).doesNotContain("rejected "); // default 1
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chat, 2")).doesNotContain("rejected ");
  }

  @Test
  void emptyOrPaddedStrings() {
    assertThat(irregular("2026-05-22T07:00:16+02:00,,teams,chat,1")).contains("missing required value");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,,chat,1")).contains("missing required value");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,,1")).contains("missing required value");
    assertThat(irregular(",E1,teams,chat,1")).contains("missing required value");
    assertThat(irregular("2026-05-22T07:00:16+02:00,   ,teams,chat,1")).contains("missing required value");
    assertThat(irregular("2026-05-22T07:00:16+02:00, E1,teams,chat,1")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1 ,Teams ,chat,1")).doesNotContain("rejected ");
    assertThat(irregular(" 2026-05-22T07:00:16+02:00,E1,teams,chat,1")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1\t,teams,chat,1")).doesNotContain("rejected ");
  }

  @Test
  void nonAsciiAndControlBytes() {
    assertThat(irregular("2026-05-22T07:00:16+02:00,Eå1,teams,chat,1")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E1,teams,chatté,1")).doesNotContain("rejected ");
    byte[] invalid = (HEADER + "\n" + OK + "\n2026-05-22T07:00:16+02:00,E\u00ff1,teams,chat,1\n" + OK + "\n")
        .getBytes(ISO_8859_1);
    assertThat(assertFallsBack(invalid, STOCKHOLM, 1000)).contains("not valid UTF-8");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E\u00001,teams,chat,1")).contains("NUL byte");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E\u007f1,teams,chat,1")).doesNotContain("rejected ");
    assertThat(irregular("2026-05-22T07:00:16+02:00,E\u00011,teams,chat,1")).doesNotContain("rejected ");
  }

  @Test
  void blankLinesAndLoneCarriageReturns() {
    assertThat(irregular("")).doesNotContain("rejected ");
    assertThat(irregular("", "")).doesNotContain("rejected ");
    assertThat(irregular(" ")).contains("wrong number of fields");
    assertFallsBack((HEADER + "\n" + OK + "\n\n").getBytes(UTF_8), STOCKHOLM, 1000);
    assertFallsBack((HEADER + "\r\n" + OK + "\r\n\r\n" + OK).getBytes(UTF_8), STOCKHOLM, 1000);
    assertFallsBack((HEADER + "\r" + OK + "\r" + OK + "\r").getBytes(UTF_8), STOCKHOLM, 1000);
    assertFallsBack((HEADER + "\n" + OK + "\r" + OK + "\n").getBytes(UTF_8), STOCKHOLM, 1000);
    assertFallsBack((HEADER + "\n" + OK + "\n\r").getBytes(UTF_8), STOCKHOLM, 1000);
    assertFallsBack(("\n" + HEADER + "\n" + OK + "\n").getBytes(UTF_8), STOCKHOLM, 1000);
  }

  @Test
  void headersOtherThanTheCanonicalOne() {
    for (String header : List.of("\uFEFF" + HEADER, "employee_id,event_time,source,action,count",
        HEADER + ",extra", "Event_Time,employee_id,source,action,count", " event_time,employee_id,source,action,count",
        "event_time,employee_id,source,action", "event_time,employee_id,source,action,count ",
        "\"event_time\",employee_id,source,action,count")) {
      String row = header.startsWith("employee_id") ? "E1,2026-05-22T07:00:16+02:00,teams,chat,1"
          : header.endsWith(",extra") ? OK + ",x" : header.endsWith("action") ? "2026-05-22T07:00:16+02:00,E1,teams,chat" : OK;
      byte[] f = (header + "\n" + row + "\n" + row + "\n").getBytes(UTF_8);
      assertThat(assertFallsBack(f, STOCKHOLM, 1000)).as(header).startsWith("rowsRead=2 rowsRejected=0");
    }
    // SPEC 2 (rev 2): an empty usage file (0 bytes, or only a BOM and blank lines) holds no events.
    String none = "rowsRead=0 rowsRejected=0 events=0 minDay=" + Integer.MAX_VALUE + " maxDay=" + Integer.MIN_VALUE;
    assertThat(assertFallsBack(new byte[0], STOCKHOLM, 1000)).isEqualTo(none + " empty\n");
    assertThat(assertFallsBack("\uFEFF\r\n \n".getBytes(UTF_8), STOCKHOLM, 1000)).isEqualTo(none + " empty\n");
    // A header alone: no events either (and not "empty": the header is there).
    assertThat(assertFallsBack(HEADER.getBytes(UTF_8), STOCKHOLM, 1000)).isEqualTo(none + "\n");
    assertThat(chosen((HEADER + "\n").getBytes(UTF_8), STOCKHOLM, 1000)).isEqualTo(none + "\n");
    assertThat(generic((HEADER + "\r\n").getBytes(UTF_8), STOCKHOLM, 1000)).isEqualTo(none + "\n");
    // Not blank: a lone x is a header without the required columns.
    assertThat(assertFallsBack("\n x\n".getBytes(UTF_8), STOCKHOLM, 1000))
        .startsWith("threw " + IngestException.class.getName());
    assertThat(assertFallsBack("event_time,employee_id,source\nx,y,z\n".getBytes(UTF_8), STOCKHOLM, 1000))
        .startsWith("threw " + IngestException.class.getName());
  }

  static String chosen(byte[] file, int lastDay) {
    return outcome(() -> UsageFileParser.parse(new ByteArrayInputStream(file), "usage/f.csv",
        new Values.DayResolver(STOCKHOLM), 1000, KEY.copy(), future(lastDay)));
  }

  static String generic(byte[] file, int lastDay) {
    return outcome(() -> UsageFileParser.parseGeneric(new ByteArrayInputStream(file), "usage/f.csv",
        new Values.DayResolver(STOCKHOLM), 1000, KEY.copy(), future(lastDay)));
  }

  /** The limit of a run on 2026-05-21 with max_future_days 1: the last accepted day is 2026-05-22. */
  private static UsageFileParser.FutureLimit future(int lastDay) {
    return new UsageFileParser.FutureLimit(lastDay, lastDay - 1, 1);
  }

  @Test
  void eventsInTheFutureAreRejectedByTheGenericPathAndMakeTheFastPathGiveUp() {
    int may22 = (int) java.time.LocalDate.parse("2026-05-22").toEpochDay();
    byte[] f = lf(OK, "2026-05-23T00:10:00+02:00,E2,teams,chat,1", "2026-05-23T00:10:00+02:00,E3,teams,chat,0",
        "2026-05-22T23:59:00+02:00,E4,teams,chat,1");
    // Without a limit the file is regular.
    assertFastEqualsGeneric(f, STOCKHOLM, 1000);
    assertThat(FastUsageParser.parse(f, f.length, new Values.DayResolver(STOCKHOLM), 1000, KEY.copy(), may22 + 1))
        .isNotNull();
    assertThat(FastUsageParser.parse(f, f.length, new Values.DayResolver(STOCKHOLM), 1000, KEY.copy(), may22))
        .isNull();
    String expected = generic(f, may22);
    assertThat(chosen(f, may22)).isEqualTo(expected);
    String reason = "Cannot accept event_time dated 2026-05-23: it is in the future, more than 1 day(s) after the"
        + " run's date 2026-05-21 (quality.max_future_days = 1)";
    // Both rows of 05-23 are rejected, the one with count 0 too; the 05-22 rows are read.
    assertThat(expected).startsWith("rowsRead=4 rowsRejected=2 events=2 minDay=" + may22 + " maxDay=" + may22 + "\n")
        .contains("rejected usage/f.csv:3 column=event_time reason=" + reason
            + " record=2026-05-23T00:10:00+02:00,E2,teams,chat,1\n")
        .contains("rejected usage/f.csv:4 column=event_time reason=" + reason + " record=");
  }

  @Test
  void unicodeSpacesAndFormatCharactersAtFieldEdgesAreTrimmedAsOnTheGenericPath() {
    byte[] plain = lf(OK, "2026-05-22T08:00:00Z,E1003,Teams,Chat,2");
    String expected = generic(plain, STOCKHOLM, 1000);
    for (String padded : List.of("2026-05-22T08:00:00Z,E1003\u00A0,Teams,Chat,2",
        "2026-05-22T08:00:00Z\u200B,\u2060E1003,Teams\u202F,\u3000Chat,2\uFEFF",
        "\u2007 2026-05-22T08:00:00Z,E1003\u200E,Teams\u200F,Chat,2")) {
      byte[] f = lf(OK, padded);
      assertThat(fast(f, STOCKHOLM, 1000)).as(padded).isNull();
      assertThat(chosen(f, STOCKHOLM, 1000)).as(padded).isEqualTo(expected);
    }
  }

  @Test
  void tooLongFields() {
    byte[] f = lf(OK, "2026-05-22T07:00:16+02:00,E1234567890,teams,chat,1", OK);
    assertThat(assertFallsBack(f, STOCKHOLM, 10)).contains("more than quality.max_field_chars");
  }

  /** A stream that hands out at most 1000 bytes a read and does not know how much is left. */
  private static InputStream trickle(byte[] bytes) {
    return new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1000));
      }

      @Override
      public int available() {
        return 0;
      }
    };
  }

  @Test
  void streamsInSmallPiecesAndFilesOverTheSizeLimit() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.addAll(List.of(REGULAR));
    }
    byte[] regular = lf(rows.toArray(new String[0]));
    rows.add(20, "2026-02-30T10:00:00Z,E1,a,b,1");
    byte[] irregular = lf(rows.toArray(new String[0]));
    assertThat(regular.length).isGreaterThan(1 << 17);
    for (byte[] f : List.of(regular, irregular)) {
      String expected = generic(f, STOCKHOLM, 1000);
      assertThat(outcome(() -> UsageFileParser.parse(trickle(f), "usage/f.csv", new Values.DayResolver(STOCKHOLM),
          1000, KEY.copy()))).isEqualTo(expected);
      // Over the limit: the generic path reads what was buffered and then the rest of the stream.
      for (int limit : new int[] {1, 999, 1000, 4096, f.length - 1, f.length, f.length + 1}) {
        assertThat(outcome(() -> UsageFileParser.parse(trickle(f), "usage/f.csv", new Values.DayResolver(STOCKHOLM),
            1000, KEY.copy(), limit))).as("limit %d", limit).isEqualTo(expected);
      }
    }
  }

  @Test
  void theCallersResolverIsLeftForTheGenericPath() throws IOException {
    byte[] f = lf(REGULAR);
    Values.DayResolver zone = new Values.DayResolver(STOCKHOLM);
    InputStream in = new ByteArrayInputStream(f);
    assertThat(describe(UsageFileParser.parse(in, "usage/f.csv", zone, 1000, KEY.copy())))
        .isEqualTo(generic(f, STOCKHOLM, 1000));
  }
}
