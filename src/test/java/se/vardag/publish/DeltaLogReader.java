package se.vardag.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An independent reader of Vardag's Delta tables for the tests: it replays the JSON commits of
 * {@code _delta_log} itself (add and remove actions, Delta protocol 1/2 without reader features)
 * and reads the live Parquet files of one {@code as_of} partition with DuckDB, so neither Spark nor
 * Delta Lake's own reader is involved. It refuses a table that needs more (a checkpoint-only log,
 * deletion vectors, column mapping): an analyst's simple reader could not read that either.
 *
 * <p>Why not DuckDB's {@code delta_scan}: its {@code delta} extension is downloaded on first use,
 * and this machine has no internet; it is not bundled with the DuckDB JDBC driver.
 */
public final class DeltaLogReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path table;

  public DeltaLogReader(Path table) {
    this.table = requireNonNull(table, "table is null");
  }

  /** The latest version: the highest numbered JSON commit. */
  public long latestVersion() throws IOException {
    long latest = -1;
    try (var files = Files.list(table.resolve("_delta_log"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.matches("\\d{20}\\.json")) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
    }
    if (latest < 0) {
      throw new IllegalStateException("Cannot find a commit in " + table.resolve("_delta_log"));
    }
    return latest;
  }

  /** The actions of one commit, one JSON object a line. */
  public List<JsonNode> commit(long version) throws IOException {
    Path file = table.resolve("_delta_log").resolve(String.format("%020d.json", version));
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  /** The live data files at {@code version} (path relative to the table → its {@code as_of}). */
  public Map<String, String> files(long version) throws IOException {
    Map<String, String> live = new LinkedHashMap<>();
    for (long v = 0; v <= version; v++) {
      for (JsonNode action : commit(v)) {
        if (action.has("protocol")) {
          JsonNode p = action.get("protocol");
          if (p.path("minReaderVersion").asInt() > 1 && p.path("readerFeatures").size() > 0) {
            throw new IllegalStateException("Cannot read " + table + ": it needs the reader features "
                + p.get("readerFeatures"));
          }
        }
        if (action.has("metaData")
            && action.get("metaData").path("configuration").has("delta.columnMapping.mode")) {
          throw new IllegalStateException("Cannot read " + table + ": it uses column mapping");
        }
        if (action.has("add")) {
          JsonNode add = action.get("add");
          if (add.hasNonNull("deletionVector")) {
            throw new IllegalStateException("Cannot read " + table + ": a file has a deletion vector");
          }
          live.put(add.get("path").asText(), add.path("partitionValues").path("as_of").asText());
        }
        if (action.has("remove")) {
          live.remove(action.get("remove").get("path").asText());
        }
      }
    }
    return live;
  }

  /**
   * Every row of {@code asOf} at {@code version} with its {@code as_of}, printed as PipelineTest.rows prints a
   * Parquet partition's rows.
   */
  public List<String> rows(long version, LocalDate asOf) throws IOException, SQLException {
    List<String> paths = new ArrayList<>();
    for (Map.Entry<String, String> f : files(version).entrySet()) {
      if (f.getValue().equals(asOf.toString())) {
        Path file = Path.of(table.toAbsolutePath().toUri().resolve(URI.create(f.getKey())));
        paths.add("'" + file.toString().replace("'", "''") + "'");
      }
    }
    if (paths.isEmpty()) {
      return List.of();
    }
    // as_of comes from the log's partitionValues, as the last column (where a Parquet partition's reader puts it).
    String sql = "SELECT *, DATE '" + asOf + "' AS as_of FROM read_parquet(["
        + paths.stream().collect(Collectors.joining(", ")) + "], hive_partitioning = false) ORDER BY ALL";
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          b.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  /** The {@code as_of} values of the files a commit removed. */
  public List<String> removedPartitions(long version) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode action : commit(version)) {
      if (action.has("remove")) {
        out.add(action.get("remove").path("partitionValues").path("as_of").asText());
      }
    }
    return out;
  }
}
