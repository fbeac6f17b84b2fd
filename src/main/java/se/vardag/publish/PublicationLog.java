package se.vardag.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.model.Tables;

/**
 * The publication log of {@code output.format = delta}: one small JSON file per run,
 * {@code <output>/delta/_publications/<run-id>.json}, naming the dates the run published and the
 * Delta version it committed to each analyst table. "What did the report say on D" is then the
 * latest entry for D and a time-travel read of each table at its version
 * ({@code VERSION AS OF n WHERE as_of = D}). Written after every table's commit, so an entry
 * names only complete publications.
 */
public final class PublicationLog {
  public static final String DIR = "_publications";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One run's entry: its dates, when it was published and each table's committed version. */
  public record Entry(String runId, List<LocalDate> dates, Instant publishedAt, Map<String, Long> versions) {
    public Entry {
      requireNonNull(runId, "runId is null");
      dates = List.copyOf(dates);
      requireNonNull(publishedAt, "publishedAt is null");
      versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }
  }

  private PublicationLog() {}

  public static Location dir(Location output) {
    return output.resolve(DeltaTables.DIR).resolve(DIR);
  }

  /** Writes the entry atomically (temp file, then rename) as {@code <run-id>.json}. */
  public static Location write(Location output, FsConf fs, Entry entry) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", entry.runId());
    var dates = root.putArray("dates");
    entry.dates().forEach(d -> dates.add(d.toString()));
    root.put("published_at", entry.publishedAt().toString());
    ObjectNode tables = root.putObject("tables");
    entry.versions().forEach((table, version) -> tables.putObject(table)
        .put("path", DeltaTables.DIR + "/" + table).put("version", version));
    Location file = dir(output).resolve(entry.runId() + ".json");
    try {
      file.write(fs, (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the publication log " + file, e);
    }
  }

  /**
   * Every entry, oldest first: by the version committed to the first analyst table (every run commits
   * every table, so later runs have higher versions), then by run id (which starts with its UTC start
   * time, to the second).
   */
  public static List<Entry> read(Location output, FsConf fs) {
    List<Entry> out = new ArrayList<>();
    Location dir = dir(output);
    List<Location> files = new ArrayList<>();
    try {
      for (Location.Entry e : dir.entries(fs)) {
        if (e.file() && e.name().endsWith(".json") && !e.name().startsWith(".")) {
          files.add(dir.resolve(e.name()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the publication log " + dir, e);
    }
    for (Location f : files) {
      try {
        JsonNode root = JSON.readTree(f.readAllBytes(fs));
        List<LocalDate> dates = new ArrayList<>();
        root.path("dates").forEach(d -> dates.add(LocalDate.parse(d.asText())));
        Map<String, Long> versions = new LinkedHashMap<>();
        root.path("tables").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().path("version")
            .asLong()));
        out.add(new Entry(root.path("run_id").asText(), dates, Instant.parse(root.path("published_at").asText()),
            versions));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("Cannot read the publication log entry " + f + ": " + e.getMessage()
            + ". Restore or remove that file; the Delta tables themselves are unaffected.", e);
      }
    }
    String first = Tables.ANALYST_TABLES.get(0);
    out.sort(Comparator.comparingLong((Entry e) -> e.versions().getOrDefault(first, -1L))
        .thenComparing(Entry::runId));
    return out;
  }

  /** The latest entry that published {@code asOf}: the versions whose rows the report of D was made from. */
  public static Optional<Entry> latest(Location output, FsConf fs, LocalDate asOf) {
    List<Entry> all = read(output, fs);
    for (int k = all.size() - 1; k >= 0; k--) {
      if (all.get(k).dates().contains(asOf)) {
        return Optional.of(all.get(k));
      }
    }
    return Optional.empty();
  }
}
