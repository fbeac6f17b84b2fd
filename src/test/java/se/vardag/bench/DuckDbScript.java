package se.vardag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs bench/duckdb-core-columns.sql with DuckDB (in-process, all cores) and prints its result as
 * CSV on stdout, and its wall time, on stderr. Used by jobs/benchmark; the same class checks the
 * answers against Vardag's published table.
 *
 * <p>Usage: {@code DuckDbScript SCRIPT INPUT_DIR AS_OF [THREADS]}, or
 * {@code DuckDbScript --published OUTPUT_DIR AS_OF} to print the same columns from Vardag's published
 * {@code initiative_adoption} (read by DuckDB; suppressed figures print as null), so that jobs/benchmark can compare the two answers.
 */
public final class DuckDbScript {
  private DuckDbScript() {}

  public static List<String> run(Path script, Path input, String asOf, int threads) throws Exception {
    String sql = Files.readString(script).replace("${INPUT}", input.toAbsolutePath().toString())
        .replace("${AS_OF}", asOf);
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      if (threads > 0) {
        st.execute("SET threads = " + threads);
      }
      String[] statements = sql.split(";\\s*\\n");
      for (int i = 0; i < statements.length; i++) {
        String s = statements[i].strip();
        if (s.isEmpty() || s.lines().allMatch(l -> l.strip().startsWith("--") || l.isBlank())) {
          continue;
        }
        if (st.execute(s)) {
          try (ResultSet rs = st.getResultSet()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringBuilder b = new StringBuilder();
              for (int k = 1; k <= n; k++) {
                b.append(k > 1 ? "," : "").append(rs.getString(k));
              }
              rows.add(b.toString());
            }
          }
        }
      }
    }
    return rows;
  }

  /** The core columns of Vardag's published initiative_adoption for D, in the script's row format. */
  public static List<String> published(Path output, String asOf) throws Exception {
    List<String> rows = new ArrayList<>();
    String glob = output.toAbsolutePath().resolve("initiative_adoption").toString() + "/*/*.parquet";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT initiative_id, target_population, trained, active_users, "
            + "sustained_users FROM read_parquet('" + glob + "', hive_partitioning = true) "
            + "WHERE CAST(as_of AS VARCHAR) = '" + asOf + "' ORDER BY initiative_id")) {
      while (rs.next()) {
        // Suppressed figures are NULL in the table and print as null here.
        rows.add(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3) + "," + rs.getString(4) + ","
            + rs.getString(5));
      }
    }
    return rows;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--published")) {
      System.out.println("initiative_id,target_population,trained,active_users,sustained_users");
      published(Path.of(args[1]), args[2]).forEach(System.out::println);
      return;
    }
    long t0 = System.nanoTime();
    List<String> rows = run(Path.of(args[0]), Path.of(args[1]), args[2], args.length > 3 ? Integer.parseInt(args[3]) : 0);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("initiative_id,target_population,trained,active_users,sustained_users");
    rows.forEach(System.out::println);
    System.err.println("duckdb_ms=" + ms);
  }
}
