package se.vardag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input of every kind the data team will meet, each with a clear reason and nothing lost. */
class ContractFileReaderTest {
  private final List<Object[]> rows = new ArrayList<>();
  private final List<Long> lines = new ArrayList<>();
  private final List<Rejection> rejected = new ArrayList<>();

  private ContractFileReader.Counts read(FileContract contract, byte[] bytes) throws IOException {
    return ContractFileReader.read(new ByteArrayInputStream(bytes), contract.name(), contract,
        new Values.DayResolver(ZoneId.of("Europe/Stockholm")), 100_000, new ContractFileReader.Sink() {
          @Override
          public void row(long line, Object[] values, String raw) {
            rows.add(values);
            lines.add(line);
          }

          @Override
          public void rejected(Rejection r) {
            rejected.add(r);
          }
        });
  }

  private ContractFileReader.Counts read(FileContract contract, String text) throws IOException {
    return read(contract, text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String EMPLOYEES_HEADER = "employee_id,display_name,email,org_unit,manager_id,hired_on,left_on\r\n";

  @Test
  void bomCrlfQuotedCommasQuotesAndNewlines() throws IOException {
    String text = "\uFEFF" + EMPLOYEES_HEADER
        + "E1,\"Ek, Åsa \"\"Åsa\"\"\nEk\",asa@x.se,IT/Service Desk,,2020-01-01,\r\n"
        + "E2,Bo,bo@x.se,HR,E1,2021-03-01,2026-09-30\r\n";
    ContractFileReader.Counts c = read(InputContract.EMPLOYEES, text);
    assertThat(c.read).isEqualTo(2);
    assertThat(c.rejected).isZero();
    assertThat(rows.get(0)[1]).isEqualTo("Ek, Åsa \"Åsa\"\nEk");
    assertThat(lines).containsExactly(2L, 4L);
  }

  @Test
  void columnOrderIsFreeNamesAreCaseInsensitiveAndExtraColumnsIgnored() throws IOException {
    read(InputContract.EMPLOYEES, " Hired_On ,ORG_UNIT,employee_id,shoe_size\n2020-01-01,HR,E1,44\n");
    assertThat(rejected).isEmpty();
    assertThat(rows.get(0)[0]).isEqualTo("E1");
    assertThat(rows.get(0)[3]).isEqualTo("HR");
    assertThat(rows.get(0)[1]).isNull(); // display_name missing from the header: empty
  }

  @Test
  void wrongFieldCountIsRejectedWithTheRawRecord() throws IOException {
    read(InputContract.EMPLOYEES, EMPLOYEES_HEADER + "E1,A,a@x.se,HR,,2020-01-01\nE2,B,b@x.se,HR,,2020-01-01,,x\n");
    assertThat(rejected).extracting(Rejection::reason).containsExactly(
        "wrong number of fields: expected 7 as in the header, found 6",
        "wrong number of fields: expected 7 as in the header, found 8");
    assertThat(rejected.get(0).record()).isEqualTo("E1,A,a@x.se,HR,,2020-01-01");
    assertThat(rejected.get(0).line()).isEqualTo(2L);
    assertThat(rejected.get(0).column()).isNull();
  }

  @Test
  void duplicateKeysRejectEveryCopy() throws IOException {
    ContractFileReader.Counts c = read(InputContract.EMPLOYEES, EMPLOYEES_HEADER
        + "E1,A,,HR,,2020-01-01,\nE2,B,,HR,,2020-01-01,\nE1,C,,IT,,2021-01-01,\n");
    assertThat(c.rejected).isEqualTo(2);
    assertThat(rows).hasSize(1);
    assertThat(rejected).extracting(Rejection::line).containsExactly(2L, 4L);
    assertThat(rejected.get(0).reason())
        .isEqualTo("duplicate employee_id 'E1' (also on line 4); every copy is rejected: keep one row per employee_id");
    assertThat(rejected.get(0).column()).isEqualTo("employee_id");
  }

  @Test
  void everyProblemOfARowIsNamed() throws IOException {
    read(InputContract.EMPLOYEES, EMPLOYEES_HEADER + ",A,,,,2026-02-30,\n");
    assertThat(rejected).hasSize(1);
    Rejection r = rejected.get(0);
    assertThat(r.column()).isEqualTo("employee_id");
    assertThat(r.reason()).isEqualTo("column employee_id: missing required value; column org_unit: missing required"
        + " value; column hired_on: expected a date YYYY-MM-DD (no such day), got '2026-02-30'");
    assertThat(r.describe()).startsWith("employees.csv:2: column employee_id: ");
  }

  @Test
  void nulBytesAndBytesThatAreNotUtf8RejectTheirRowOnly() throws IOException {
    byte[] head = EMPLOYEES_HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] bad = "E1,A\u0000B,,HR,,2020-01-01,\nE2,".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = new byte[] {(byte) 0xC5, 's', 'a'}; // "Åsa" in ISO-8859-1
    byte[] tail = ",,HR,,2020-01-01,\nE3,C,,HR,,2020-01-01,\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bad.length + latin1.length + tail.length];
    int at = 0;
    for (byte[] part : new byte[][] {head, bad, latin1, tail}) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    read(InputContract.EMPLOYEES, all);
    assertThat(rejected).extracting(Rejection::reason).containsExactly("contains a NUL byte",
        "contains bytes that are not valid UTF-8 (the file must be UTF-8); the file is not UTF-8 (its bytes look like"
            + " Latin-1 or Windows-1252): re-export it as UTF-8. The quarantined record keeps every byte: a byte that"
            + " is not UTF-8 is written \\xNN, a backslash \\\\");
    assertThat(rejected).extracting(Rejection::column).containsExactly("display_name", "display_name");
    // The raw bytes stay recoverable: 0xC5 is written \xC5 (not U+FFFD).
    assertThat(rejected.get(1).record()).isEqualTo("E2,\\xC5sa,,HR,,2020-01-01,");
    assertThat(rejected).extracting(Rejection::key).containsExactly("E1", "E2");
    assertThat(rows).hasSize(1);
  }

  @Test
  void aBackslashInARecordWithBytesThatAreNotUtf8IsDoubledSoTheBytesCanBeRestored() throws IOException {
    byte[] head = EMPLOYEES_HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] row = new byte[] {'E', '9', ',', 'a', '\\', 'x', 'C', '5', (byte) 0xE9, ',', ',', 'H', 'R', ',', ',', '2',
        '0', '2', '0', '-', '0', '1', '-', '0', '1', ',', '\n'};
    byte[] all = new byte[head.length + row.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(row, 0, all, head.length, row.length);
    read(InputContract.EMPLOYEES, all);
    assertThat(rejected).singleElement().satisfies(r ->
        assertThat(r.record()).isEqualTo("E9,a\\\\xC5\\xE9,,HR,,2020-01-01,"));
  }

  @Test
  void aHeaderThatIsReallyADataRowIsNotQuoted() {
    List<String> problems = new ArrayList<>();
    HeaderMapping m = HeaderMapping.resolve(InputContract.EMPLOYEES, "employees.csv",
        List.of("E1001", "Anna Berg", "anna.berg@vardag.se", "IT/Service Desk", "", "2020-01-01", "lindqvist"), problems);
    assertThat(m).isNull();
    assertThat(problems).first().isEqualTo("employees.csv:1: required column employee_id is missing from the header"
        + " (found: 6 fields that do not look like a column name (not shown))");
    assertThat(String.join("\n", problems)).doesNotContain("Anna", "anna", "E1001", "lindqvist");
  }

  @Test
  void headerNamesThatLookLikeColumnNamesAreShownAndNearMissesToo() {
    List<String> problems = new ArrayList<>();
    HeaderMapping.resolve(InputContract.USAGE, "usage/u.csv",
        List.of("Event_Time", "employe_id", "source", "root:x:0:0:root:/root:/bin/bash", "hunter2"), problems);
    assertThat(problems).containsExactly(
        "usage/u.csv:1: required column employee_id is missing from the header (found: event_time, employe_id, source,"
            + " 2 fields that do not look like a column name (not shown))",
        "usage/u.csv:1: required column action is missing from the header (found: event_time, employe_id, source,"
            + " 2 fields that do not look like a column name (not shown))");
  }

  @Test
  void aRejectedRowOfAKeyedFileCarriesItsKeyAndDuplicatesDoToo() throws IOException {
    read(InputContract.EMPLOYEES, EMPLOYEES_HEADER + "E1,A,,HR,,2020-13-01,\nE2,B,,HR,,2020-01-01,\n"
        + " E2 ,C,,HR,,2020-01-01,\n\"E3,x\n");
    assertThat(rejected).extracting(Rejection::line).containsExactly(2L, 5L, 3L, 4L);
    assertThat(rejected).extracting(Rejection::key).containsExactly("E1", null, "E2", "E2");
  }

  @Test
  void aUtf16FileIsNamedAsSuchAndItsHeaderIsNotQuoted() throws IOException {
    List<String> problems = new java.util.ArrayList<>();
    byte[] le = ("\uFEFF" + EMPLOYEES_HEADER).getBytes(java.nio.charset.Charset.forName("UTF-16LE"));
    Path f = java.nio.file.Files.createTempFile("utf16", ".csv");
    try {
      java.nio.file.Files.write(f, le);
      assertThat(ContractFileReader.header(f, "employees.csv", InputContract.EMPLOYEES, problems)).isNull();
      java.nio.file.Files.write(f, EMPLOYEES_HEADER.getBytes(java.nio.charset.Charset.forName("UTF-16BE")));
      assertThat(ContractFileReader.header(f, "employees.csv", InputContract.EMPLOYEES, problems)).isNull();
    } finally {
      java.nio.file.Files.delete(f);
    }
    String remedy = " Re-export it as UTF-8 (Excel: Save As, \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8)."
        + " The header is not shown.";
    assertThat(problems).containsExactly(
        "employees.csv: the file is not UTF-8: it is UTF-16 (little-endian, byte order mark FF FE)." + remedy,
        "employees.csv: the header row holds NUL bytes: the file looks like UTF-16 without a byte order mark, not"
            + " UTF-8." + remedy);
  }

  @Test
  void aHugeFieldRejectsItsRowWithoutStoppingTheFile() throws IOException {
    String huge = "x".repeat(10 * 1024 * 1024);
    ContractFileReader.Counts c = read(InputContract.FOLLOW_UPS,
        "initiative_id,held_on,forum,maturity,note\nI1,2026-11-01,lg,3,\"" + huge + "\"\nI1,2026-11-02,lg,,ok\n");
    assertThat(c.read).isEqualTo(2);
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).reason())
        .isEqualTo("value has 10485760 characters, more than quality.max_field_chars = 100000");
    assertThat(rejected.get(0).record()).hasSize(10 * 1024 * 1024 + "I1,2026-11-01,lg,3,\"\"".length());
    assertThat(rows).hasSize(1);
  }

  @Test
  void decimalCommaAndRangesAndEnums() throws IOException {
    read(InputContract.LEARNING_ACTIVITIES, "employee_id,initiative_id,activity,held_on,hours\n"
        + "E1,I1,workshop,2026-11-01,\"1,5\"\nE1,I1,Workshop,2026-11-01,\nE1,I1,fika,2026-11-01,1\n"
        + "E1,I1,practice,2026-11-01,-1\n");
    assertThat(rejected).extracting(Rejection::reason).containsExactly(
        "expected a decimal number with '.' as the decimal point (a decimal comma is not accepted), got '1,5'",
        "expected one of workshop, peer_learning, practice, coaching, got 'fika'",
        "expected a number from 0 to 1000, got '-1'");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)[2]).isEqualTo("workshop");
    assertThat(rows.get(0)[4]).isEqualTo(0.0); // hours default 0
  }

  @Test
  void signalsAreLowerCasedAndCheckedAndRowChecksApply() throws IOException {
    String header = "initiative_id,name,pilot_start,pilot_end,target_org_units,usage_signals\n";
    read(InputContract.INITIATIVES, header
        + "I1,A,2026-01-01,,IT; HR ,ServiceNow:Incident.Resolve; Teams:*\n"
        + "I2,B,2026-01-01,,IT,servicenow\n"
        + "I3,C,2026-05-01,2026-04-30,IT,\n"
        + "I4,D,2026-01-01,,;,\n");
    assertThat(rows).hasSize(1);
    FileContract c = InputContract.INITIATIVES;
    assertThat(rows.get(0)[c.indexOf("usage_signals")]).isEqualTo("servicenow:incident.resolve;teams:*");
    assertThat(rows.get(0)[c.indexOf("target_org_units")]).isEqualTo("IT;HR");
    assertThat(rows.get(0)[c.indexOf("status")]).isEqualTo("pilot");
    assertThat(rows.get(0)[c.indexOf("kpi_direction")]).isEqualTo("lower_is_better");
    assertThat(rejected).extracting(Rejection::reason).containsExactly(
        "expected source:action patterns separated by ';' (action may be *), got 'servicenow'",
        "pilot_end 2026-04-30 is before pilot_start 2026-05-01",
        "missing required value (the list is empty)");
  }

  @Test
  void malformedCsvIsRejectedAndReadingGoesOn() throws IOException {
    ContractFileReader.Counts c = read(InputContract.GOALS, "goal_id,title\nG1,\"Bättre\"x\nG2,Snabbare\n");
    assertThat(c.read).isEqualTo(2);
    assertThat(rejected.get(0).reason()).startsWith("malformed CSV: character 'x' after the closing quote");
    assertThat(rows).hasSize(1);
  }

  @Test
  void headerOnlyFileHasNoRowsAndBlankLinesAreSkipped() throws IOException {
    ContractFileReader.Counts c = read(InputContract.GOALS, "goal_id,title\n\n\n");
    assertThat(c.read).isZero();
    assertThat(rows).isEmpty();
    assertThat(rejected).isEmpty();
  }

  @Test
  void emptyFileAndMissingColumnBreakTheContract() {
    assertThatThrownBy(() -> read(InputContract.GOALS, ""))
        .isInstanceOf(IngestException.class)
        .hasMessage("goals.csv: the file is empty; expected a header row with the columns goal_id, title"
            + " (re-export it, or remove it if it should not be there)");
    assertThatThrownBy(() -> read(InputContract.GOALS, "goal_id,name\nG1,x\n"))
        .hasMessage("goals.csv:1: required column title is missing from the header (found: goal_id, name)");
    assertThatThrownBy(() -> read(InputContract.GOALS, "goal_id,title,Goal_ID\nG1,x,y\n"))
        .hasMessage("goals.csv:1: column goal_id appears twice in the header (columns 1 and 3); keep one");
  }

  @Test
  void usageCountDefaultsToOneAndMustNotBeNegative() throws IOException {
    read(InputContract.USAGE, "event_time,employee_id,source,action,count\n"
        + "2026-11-03T08:15:00+01:00,E1,servicenow,incident.resolve,\n"
        + "2026-11-03T08:15:00+01:00,E1,servicenow,incident.resolve,-1\n");
    assertThat(rows.get(0)[4]).isEqualTo(1);
    assertThat(rejected.get(0).reason()).isEqualTo("expected a number from 0 to 2147483647, got '-1'");
  }
}
