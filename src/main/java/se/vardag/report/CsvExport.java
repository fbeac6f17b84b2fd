package se.vardag.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.spark.sql.types.StructField;
import se.vardag.model.Columns;
import se.vardag.model.Tables;

/**
 * The CSV attachment: every column of {@code initiative_adoption} under its English name, one row per
 * initiative, then {@link #EMPTY_BECAUSE}: why figures of the row are empty (NULL), so an empty cell never
 * reads as 0. UTF-8 with a byte-order mark (so Excel reads å, ä, ö), comma-separated, RFC 4180 quoting,
 * CRLF line ends; numbers as plain decimals with a point, dates as YYYY-MM-DD, booleans true/false, an
 * empty cell for NULL.
 *
 * <p>Formula neutralisation: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab, CR
 * or LF - after any leading apostrophes - gets one more apostrophe in front, so a spreadsheet shows it as
 * text instead of running it as a formula. A cell that is exactly a plain decimal number (such as
 * {@code -0.25}) is a number, not a formula, and is left as it is. {@link #unneutralise} undoes exactly
 * this, so the original value can always be recovered.
 */
public final class CsvExport {
  /** The file name of the CSV inside the report folder (the mail attachment is named per locale). */
  public static final String FILE_NAME = "initiatives.csv";
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final String DANGEROUS = "=+-@\t\r\n";

  /** The last column: the reasons, "; "-separated, why figures of the row are empty; empty when none. */
  public static final String EMPTY_BECAUSE = "empty_because";

  private CsvExport() {}

  public static CSVFormat format() {
    return CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").get();
  }

  /** The table's columns: those of {@link Tables#INITIATIVE_ADOPTION_SCHEMA}, in order. */
  public static List<String> tableColumns() {
    List<String> h = new ArrayList<>();
    for (StructField f : Tables.INITIATIVE_ADOPTION_SCHEMA.fields()) {
      h.add(f.name());
    }
    return h;
  }

  /** The column names: the table's, then {@link #EMPTY_BECAUSE}. */
  public static List<String> header() {
    List<String> h = tableColumns();
    h.add(EMPTY_BECAUSE);
    return h;
  }

  /**
   * Why figures of {@code row} are empty (SPEC section 3, "what cannot be measured is null"): the target
   * group is under the minimum group size, no usage signal is defined, or an optional input the figures
   * rest on was not delivered (goals.csv only for a set goal_id, outcomes.csv only for a set kpi).
   */
  static String emptyBecause(InitiativeRow row, List<String> missingOptionalInputs) {
    List<String> reasons = new ArrayList<>();
    if (row.suppressed()) {
      reasons.add("suppressed: target group under the minimum group size");
    }
    if (row.str(Columns.USAGE_SIGNALS) == null) {
      reasons.add("no usage signal defined");
    }
    for (String file : List.of("goals.csv", "learning_activities.csv", "follow_ups.csv", "outcomes.csv")) {
      boolean applies = !file.equals("goals.csv") || row.str(Columns.GOAL_ID) != null;
      applies = applies && (!file.equals("outcomes.csv") || row.str("kpi") != null);
      if (applies && missingOptionalInputs.contains(file)) {
        reasons.add(file + " not delivered");
      }
    }
    return String.join("; ", reasons);
  }

  /** The CSV without knowing which optional inputs were missing (only suppression and usage signals). */
  public static byte[] write(List<InitiativeRow> rows) {
    return write(rows, List.of());
  }

  public static byte[] write(List<InitiativeRow> rows, List<String> missingOptionalInputs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      bytes.write(BOM);
      Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
      try (CSVPrinter p = new CSVPrinter(w, format())) {
        p.printRecord(header());
        for (InitiativeRow row : rows) {
          List<String> cells = new ArrayList<>();
          for (String column : tableColumns()) {
            cells.add(neutralise(cell(row.get(column))));
          }
          cells.add(neutralise(emptyBecause(row, missingOptionalInputs)));
          p.printRecord(cells);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** How a value is written, before neutralisation. */
  public static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "";
      }
      String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      return s.equals("-0") ? "0" : s;
    }
    if (v instanceof LocalDate) {
      return v.toString();
    }
    return v.toString();
  }

  /** Prefixes an apostrophe to a cell a spreadsheet would read as a formula (see the class comment). */
  public static String neutralise(String s) {
    if (s == null || s.isEmpty() || PLAIN_NUMBER.matcher(s).matches()) {
      return s;
    }
    int k = 0;
    while (k < s.length() && s.charAt(k) == '\'') {
      k++;
    }
    if (k < s.length() && DANGEROUS.indexOf(s.charAt(k)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  /** The exact inverse of {@link #neutralise}. */
  public static String unneutralise(String s) {
    if (s == null || s.isEmpty() || s.charAt(0) != '\'') {
      return s;
    }
    int k = 0;
    while (k < s.length() && s.charAt(k) == '\'') {
      k++;
    }
    if (k < s.length() && DANGEROUS.indexOf(s.charAt(k)) >= 0) {
      return s.substring(1);
    }
    return s;
  }
}
