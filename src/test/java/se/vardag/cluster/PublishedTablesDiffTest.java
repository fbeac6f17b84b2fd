package se.vardag.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison jobs/cluster-test relies on: equal outputs pass, and every kind of difference fails. */
class PublishedTablesDiffTest {
  private static final String ROWS = "SELECT * FROM (VALUES ('I1', 'Alpha', 0.1::DOUBLE + 0.2::DOUBLE, 3::BIGINT, MAP {'k': 'v'}), "
      + "('I2', 'Beta', NULL, 3::BIGINT, MAP {'k': 'w'})) t(initiative_id, name, rate, n, args)";

  @TempDir
  Path tmp;

  private String out;

  @Test
  void equalOutputsPass() throws Exception {
    Path a = output("a", ROWS);
    Path b = output("b", ROWS);
    assertThat(compare(a, b)).isTrue();
    assertThat(out).contains("initiative_adoption        as_of=2026-11-27 equal: 2 rows, 5 columns")
        .contains("All published tables are equal.");
  }

  @Test
  void aChangedValueFails() throws Exception {
    Path a = output("a", ROWS);
    Path b = output("b", ROWS.replace("0.1::DOUBLE + 0.2::DOUBLE", "0.3::DOUBLE"));
    assertThat(compare(a, b)).isFalse();
    assertThat(out).contains("1 only in the expected, 1 only in the actual").contains("rate=0.30000000000000004");
  }

  @Test
  void aDuplicatedRowFails() throws Exception {
    Path a = output("a", ROWS);
    Path b = output("b", ROWS + " UNION ALL SELECT * FROM (" + ROWS + ") WHERE initiative_id = 'I1'");
    assertThat(compare(a, b)).isFalse();
    assertThat(out).contains("2 rows expected, 3 actual; 0 only in the expected, 1 only in the actual");
  }

  @Test
  void aChangedTypeFails() throws Exception {
    Path a = output("a", ROWS);
    Path b = output("b", ROWS.replace("3::BIGINT", "3::INTEGER"));
    assertThat(compare(a, b)).isFalse();
    assertThat(out).contains("DIFFERENT columns");
  }

  @Test
  void aMissingPartitionFails() throws Exception {
    Path a = output("a", ROWS);
    Path b = output("b", ROWS);
    Files.move(b.resolve("weekly_active/as_of=2026-11-27"), b.resolve("weekly_active/as_of=2026-11-26"));
    assertThat(compare(a, b)).isFalse();
    assertThat(out).contains("weekly_active              DIFFERENT partitions: [as_of=2026-11-27] vs [as_of=2026-11-26]");
  }

  @Test
  void anEmptyExpectedOutputFails() throws Exception {
    assertThat(compare(Files.createDirectories(tmp.resolve("a")), Files.createDirectories(tmp.resolve("b"))))
        .isFalse();
    assertThat(out).contains("no as_of=D partition");
  }

  /** Every table of an output folder holds the same rows, in one Parquet file per partition. */
  private Path output(String name, String rows) throws Exception {
    Path dir = tmp.resolve(name);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      for (String table : PublishedTablesDiff.TABLES) {
        Path part = Files.createDirectories(dir.resolve(table).resolve("as_of=2026-11-27"));
        s.execute("COPY (" + rows + ") TO '" + part.resolve("part-0.parquet") + "' (FORMAT parquet)");
      }
    }
    return dir;
  }

  private boolean compare(Path expected, Path actual) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean equal;
    try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      equal = PublishedTablesDiff.compare(expected, actual, print);
    }
    out = bytes.toString(StandardCharsets.UTF_8);
    return equal;
  }
}
