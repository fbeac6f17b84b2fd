package se.vardag.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the published tables of two output folders row set by row set (DuckDB): for every
 * table and every {@code as_of=D} partition, the same partitions, the same columns and types,
 * and the same rows with their multiplicities. {@code jobs/cluster-test} runs it on the outputs
 * of a local run and a cluster run; exit 0 when every table is equal, 1 when not, 2 on bad use.
 *
 * <pre>java -cp target/test-classes:$(cat target/classpath-test.txt) se.vardag.cluster.PublishedTablesDiff A B</pre>
 */
public final class PublishedTablesDiff {
  /** Every published table, as a path under the output folder (SPEC section 5). */
  public static final List<String> TABLES = se.vardag.model.Tables.PUBLISHED_TABLES;

  private static final int SHOWN = 10;

  private PublishedTablesDiff() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PublishedTablesDiff EXPECTED_OUTPUT ACTUAL_OUTPUT");
      System.exit(2);
    }
    System.exit(compare(Path.of(args[0]), Path.of(args[1]), System.out) ? 0 : 1);
  }

  /** Prints one line per table and partition (and the differing rows); true when all are equal. */
  public static boolean compare(Path expected, Path actual, PrintStream out) throws SQLException, IOException {
    boolean equal = true;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : TABLES) {
        TreeSet<String> left = partitions(expected.resolve(table));
        TreeSet<String> right = partitions(actual.resolve(table));
        if (left.isEmpty()) {
          out.printf("%-26s DIFFERENT: no as_of=D partition under %s%n", table, expected);
          equal = false;
          continue;
        }
        if (!left.equals(right)) {
          out.printf("%-26s DIFFERENT partitions: %s vs %s%n", table, left, right);
          equal = false;
          continue;
        }
        for (String part : left) {
          equal &= comparePartition(db, table, part, expected.resolve(table).resolve(part),
              actual.resolve(table).resolve(part), out);
        }
      }
    }
    out.println(equal ? "All published tables are equal." : "The published tables differ.");
    return equal;
  }

  private static boolean comparePartition(Connection db, String table, String part, Path a, Path b, PrintStream out)
      throws SQLException {
    String label = String.format("%-26s %s", table, part);
    List<String> schemaA = strings(db, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
        + source(a) + ")");
    List<String> schemaB = strings(db, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
        + source(b) + ")");
    if (!schemaA.equals(schemaB)) {
      out.printf("%s DIFFERENT columns:%n  expected %s%n  actual   %s%n", label, schemaA, schemaB);
      return false;
    }
    long rowsA = count(db, "SELECT count(*) FROM " + source(a));
    long rowsB = count(db, "SELECT count(*) FROM " + source(b));
    String onlyA = "SELECT * FROM " + source(a) + " EXCEPT ALL SELECT * FROM " + source(b);
    String onlyB = "SELECT * FROM " + source(b) + " EXCEPT ALL SELECT * FROM " + source(a);
    long missing = count(db, "SELECT count(*) FROM (" + onlyA + ")");
    long extra = count(db, "SELECT count(*) FROM (" + onlyB + ")");
    if (rowsA == rowsB && missing == 0 && extra == 0) {
      out.printf("%s equal: %d rows, %d columns%n", label, rowsA, schemaA.size());
      return true;
    }
    out.printf("%s DIFFERENT: %d rows expected, %d actual; %d only in the expected, %d only in the actual%n", label,
        rowsA, rowsB, missing, extra);
    show(db, onlyA, "only in the expected", out);
    show(db, onlyB, "only in the actual", out);
    return false;
  }

  private static TreeSet<String> partitions(Path tableDir) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    if (!Files.isDirectory(tableDir)) {
      return out;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(tableDir, "as_of=*")) {
      for (Path p : children) {
        if (Files.isDirectory(p)) {
          out.add(p.getFileName().toString());
        }
      }
    }
    return out;
  }

  private static String source(Path partition) {
    String glob = partition.toAbsolutePath().resolve("*.parquet").toString().replace("'", "''");
    return "read_parquet('" + glob + "', hive_partitioning = false)";
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  private static void show(Connection db, String sql, String what, PrintStream out) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql + " LIMIT " + SHOWN)) {
      ResultSetMetaData m = r.getMetaData();
      while (r.next()) {
        StringBuilder line = new StringBuilder("  ").append(what).append(": ");
        for (int i = 1; i <= m.getColumnCount(); i++) {
          line.append(i > 1 ? ", " : "").append(m.getColumnName(i)).append('=').append(r.getString(i));
        }
        out.println(line);
      }
    }
  }
}
