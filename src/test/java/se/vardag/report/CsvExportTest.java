package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {
  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
    assertThat(CsvExport.neutralise("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvExport.neutralise("+46 8 123")).isEqualTo("'+46 8 123");
    assertThat(CsvExport.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvExport.neutralise("\tx")).isEqualTo("'\tx");
    assertThat(CsvExport.neutralise("\rx")).isEqualTo("'\rx");
    assertThat(CsvExport.neutralise("=HYPERLINK(\"http://evil\")")).startsWith("'=");
    // An apostrophe already in front would hide the neutralisation: one more keeps it reversible.
    assertThat(CsvExport.neutralise("'=x")).isEqualTo("''=x");
    // Harmless cells stay as they are, and so do plain numbers (a number is not a formula).
    assertThat(CsvExport.neutralise("ITIL")).isEqualTo("ITIL");
    assertThat(CsvExport.neutralise("'quoted")).isEqualTo("'quoted");
    assertThat(CsvExport.neutralise("-0.25")).isEqualTo("-0.25");
    assertThat(CsvExport.neutralise("-3")).isEqualTo("-3");
    assertThat(CsvExport.neutralise("")).isEqualTo("");
  }

  @Test
  void unneutraliseIsTheExactInverse() {
    for (String s : List.of("=1", "+1", "-x", "@a", "\tb", "\rc", "\nd", "'=e", "''+f", "'g", "''h", "plain", "-0.5",
        "0.62", "", "åäö", "a=b", "'")) {
      assertThat(CsvExport.unneutralise(CsvExport.neutralise(s))).as(s).isEqualTo(s);
    }
  }

  @Test
  void numbersArePlainDecimalsAndTheFileHasABomAndTheTableColumns() throws Exception {
    assertThat(CsvExport.cell(0.62)).isEqualTo("0.62");
    assertThat(CsvExport.cell(1.0E-7)).isEqualTo("0.0000001");
    assertThat(CsvExport.cell(100.0)).isEqualTo("100");
    assertThat(CsvExport.cell(Double.NaN)).isEqualTo("");
    assertThat(CsvExport.cell(null)).isEqualTo("");

    ReportData data = ReportFixtures.sample();
    byte[] csv = CsvExport.write(data.initiatives());
    assertThat(Arrays.copyOf(csv, 3)).isEqualTo(CsvExport.BOM);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).contains("\r\n").contains("ITIL-incidenthantering i servicedesken").contains("Lösningstid");
    try (CSVParser p = CsvExport.format().builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text))) {
      assertThat(p.getHeaderNames()).isEqualTo(CsvExport.header());
      List<CSVRecord> records = p.getRecords();
      assertThat(records).hasSize(data.initiatives().size());
    }
  }
}
