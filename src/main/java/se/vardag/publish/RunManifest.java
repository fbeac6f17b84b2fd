package se.vardag.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vardag.AtomicFiles;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.ingest.FileStats;

/**
 * The manifest of a run (docs/operations.md): what went in (files with size, SHA-256 and row
 * counts), what was rejected, the effective configuration (no secrets), the version, the time per
 * stage and the outcome. One is written per published date (beside its tables) and one per run
 * under {@code runs/}, failed runs included.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();
  private final Map<String, Long> timings = new LinkedHashMap<>();

  public RunManifest(String version, String runId, String command, Instant startedAt) {
    root.put("vardag_version", version);
    root.put("run_id", runId);
    root.put("command", command);
    root.put("started_at", startedAt.toString());
  }

  public RunManifest put(String key, String value) {
    root.put(key, value);
    return this;
  }

  public RunManifest put(String key, long value) {
    root.put(key, value);
    return this;
  }

  public RunManifest put(String key, boolean value) {
    root.put(key, value);
    return this;
  }

  public RunManifest putStrings(String key, List<String> values) {
    ArrayNode a = root.putArray(key);
    values.forEach(a::add);
    return this;
  }

  public RunManifest putObject(String key, Map<String, ?> values) {
    root.set(key, JSON.valueToTree(values));
    return this;
  }

  public ObjectNode node(String key) {
    return root.has(key) && root.get(key).isObject() ? (ObjectNode) root.get(key) : root.putObject(key);
  }

  public ArrayNode array(String key) {
    return root.has(key) && root.get(key).isArray() ? (ArrayNode) root.get(key) : root.putArray(key);
  }

  /** The files of the contract, present or not, and their counts. */
  public RunManifest inputs(List<FileStats> files) {
    ArrayNode a = root.putArray("inputs");
    long rejected = 0;
    ArrayNode missing = JSON.createArrayNode();
    for (FileStats f : files) {
      ObjectNode o = a.addObject();
      o.put("file", f.file());
      o.put("required", f.required());
      o.put("present", f.present());
      if (f.present()) {
        o.put("bytes", f.bytes());
        if (f.sha256() != null) {
          o.put("sha256", f.sha256());
        }
        o.put("rows_read", f.rowsRead());
        o.put("rows_used", f.rowsUsed());
        o.put("rows_rejected", f.rowsRejected());
        o.put("rejected_share", f.rejectedShare());
        if (!f.missingOptionalColumns().isEmpty()) {
          ArrayNode cols = o.putArray("missing_optional_columns");
          f.missingOptionalColumns().forEach(cols::add);
        }
      } else if (!f.required()) {
        missing.add(f.file());
      }
      rejected += f.rowsRejected();
    }
    root.put("rejected_rows_total", rejected);
    root.set("missing_optional_inputs", missing);
    return this;
  }

  /** Records how long a stage took. */
  public RunManifest timing(String stage, long millis) {
    timings.merge(stage, millis, Long::sum);
    return this;
  }

  public Map<String, Long> timings() {
    return Map.copyOf(timings);
  }

  public RunManifest finish(Instant finishedAt, int exitCode, String error) {
    root.put("finished_at", finishedAt.toString());
    root.put("exit_code", exitCode);
    if (error != null) {
      root.put("error", error);
    }
    return this;
  }

  /** A copy for one published date. */
  public RunManifest forDate(LocalDate asOf, String versionPath) {
    RunManifest m = new RunManifest(root.get("vardag_version").asText(), root.get("run_id").asText(),
        root.get("command").asText(), Instant.parse(root.get("started_at").asText()));
    m.root.setAll(root.deepCopy());
    m.timings.putAll(timings);
    m.root.put("as_of", asOf.toString());
    m.root.put("version_folder", versionPath);
    return m;
  }

  public String json() {
    ObjectNode copy = root.deepCopy();
    copy.set("timings_ms", JSON.valueToTree(timings));
    try {
      return JSON.writeValueAsString(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the manifest to {@code file} atomically ({@link AtomicFiles#write}). */
  public void write(Path file) {
    write(Location.of(file), FsConf.none());
  }

  /** Writes the manifest to {@code file} whole ({@link Location#write}). */
  public void write(Location file, FsConf fs) {
    try {
      file.write(fs, (json() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the manifest " + file, e);
    }
  }
}
