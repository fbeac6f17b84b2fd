package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.Checksums;
import se.vardag.Location;
import se.vardag.Version;
import se.vardag.model.Initiative;

/**
 * The single files' checked form, kept under {@code <output>/_state/reference/}: a run whose single files
 * are byte for byte those of the run that saved it, read under the same settings and by the same Vardag
 * version, reads their typed rows, rejections and counts from there instead of parsing and checking the
 * files again (SPEC section 7 asks nothing of how; the published rows are the same).
 * <pre>
 *   current.json          the key (SHA-256 of every file and the settings), the folder below, the register,
 *                         the goals, the per-file counts, the driver's checks ({@link ReferenceChecks}: the
 *                         pseudonym count, the owners' roster rows, the register's rejections) and each
 *                         dataset's schema; written last
 *   RUNID/employees/ …    the typed datasets as Parquet: employees (ids, names and emails of the register's
 *                         owners only, everyone else by pseudonym), trainings, learning, follow_ups, outcomes,
 *                         rejected (every rejection, with its dependent flag: the raw rows the quarantine has)
 * </pre>
 * A run that finds another key parses the files as before, writes the new form into a folder of its own,
 * switches {@code current.json} to it and removes the other folders; a run that dies before the switch
 * leaves the previous form current (its folder is removed by the next save).
 */
public final class ReferenceCache {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceCache.class);
  static final int FORMAT = 2;
  static final String CURRENT = "current.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DATASETS = List.of("employees", "trainings", "learning", "follow_ups", "outcomes",
      "rejected");

  private final Location root;

  private ReferenceCache(Location root) {
    this.root = requireNonNull(root, "root is null");
  }

  /** The cache of the output folder {@code output} (opened with its own settings, {@link Location#with}). */
  public static ReferenceCache of(Location output) {
    return new ReferenceCache(output.resolve("_state").resolve("reference"));
  }

  /**
   * The build that reads the files: the jar's name, size and modification time (empty when run from
   * classes). The version alone is not enough: a rebuild of the same version may parse differently, and
   * must not reuse what the previous build made of the files.
   */
  static final String BUILD = build();

  private static String build() {
    try {
      var source = ReferenceCache.class.getProtectionDomain().getCodeSource();
      java.nio.file.Path jar = source == null ? null : java.nio.file.Path.of(source.getLocation().toURI());
      if (jar == null || !java.nio.file.Files.isRegularFile(jar)) {
        return "";
      }
      return jar.getFileName() + ":" + java.nio.file.Files.size(jar) + ":"
          + java.nio.file.Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The key of the folder's single files read under {@code settings}: a SHA-256 over the format, the
   * version and build, the settings and each contract file's name and content (absent files named as absent).
   */
  public static String key(InputFolder folder, String settings) {
    MessageDigest all = Checksums.sha256();
    all.update(("format=" + FORMAT + ";version=" + Version.current() + ";build=" + BUILD + ";" + settings + "\n")
        .getBytes(StandardCharsets.UTF_8));
    byte[] buf = new byte[1 << 16];
    for (FileContract c : InputContract.SINGLE_FILES) {
      Optional<Location> file = folder.file(c);
      all.update((c.name() + (file.isPresent() ? "=" : " absent") + "\n").getBytes(StandardCharsets.UTF_8));
      if (file.isEmpty()) {
        continue;
      }
      MessageDigest one = Checksums.sha256();
      try (InputStream in = new DigestInputStream(file.get().open(folder.fs()), one)) {
        while (in.read(buf) >= 0) {
          // the digest reads along
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file.get() + " to check whether it changed since the last run", e);
      }
      all.update(one.digest());
    }
    return HexFormat.of().formatHex(all.digest());
  }

  /** Whether the current form was saved under {@code key} (it may still turn out unreadable: see {@link #load}). */
  public boolean holds(String key) {
    Location current = root.resolve(CURRENT);
    try {
      if (!current.isFile()) {
        return false;
      }
      JsonNode meta = JSON.readTree(current.readAllBytes());
      return meta.path("format").asInt() == FORMAT && key.equals(meta.path("key").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** The checked form saved under {@code key}, when it is the current one and readable; else empty. */
  public Optional<ReferenceData> load(SparkSession spark, String key) {
    return load(spark, key, true);
  }

  private Optional<ReferenceData> load(SparkSession spark, String key, boolean earlier) {
    Location current = root.resolve(CURRENT);
    JsonNode meta;
    try {
      if (!current.isFile()) {
        return Optional.empty();
      }
      meta = JSON.readTree(current.readAllBytes());
    } catch (IOException e) {
      LOG.warn("Cannot read {}; the reference files are read again: {}", current, e.toString());
      return Optional.empty();
    }
    if (meta.path("format").asInt() != FORMAT || !key.equals(meta.path("key").asText())) {
      return Optional.empty();
    }
    try {
      Location dir = root.resolve(meta.path("dir").asText());
      Map<String, Dataset<Row>> sets = new LinkedHashMap<>();
      for (String name : DATASETS) {
        StructType schema = (StructType) DataType.fromJson(meta.path("schemas").path(name).asText());
        sets.put(name, spark.read().schema(schema).parquet(dir.resolve(name).sparkPath()));
      }
      List<Initiative> initiatives = new ArrayList<>();
      List<List<String>> registerValues = new ArrayList<>();
      for (JsonNode values : meta.path("initiatives")) {
        List<String> v = new ArrayList<>();
        values.forEach(x -> v.add(x.isNull() ? null : x.asText()));
        initiatives.add(ReferenceData.initiative(v));
        registerValues.add(v);
      }
      Map<String, String> goals = new LinkedHashMap<>();
      meta.path("goals").fields().forEachRemaining(e -> goals.put(e.getKey(), e.getValue().asText()));
      Map<String, FileStats> stats = new LinkedHashMap<>();
      for (JsonNode s : meta.path("stats")) {
        FileStats f = stats(s);
        stats.put(f.file(), f);
      }
      ReferenceChecks checks = ReferenceChecks.of(meta.path("checks"));
      if (earlier) {
        LOG.info("The single input files are unchanged since run {}: their checked form is read from {}.",
            meta.path("dir").asText(), dir);
      }
      return Optional.of(ReferenceData.of(sets.get("employees"), sets.get("trainings"), sets.get("learning"),
          sets.get("follow_ups"), sets.get("outcomes"), sets.get("rejected"), initiatives, goals, stats,
          registerValues, checks, earlier));
    } catch (Exception e) { // AnalysisException (a missing folder) is a checked exception to Java
      LOG.warn("Cannot use the saved form of the reference files in {}; they are read again: {}", root, e.toString());
      return Optional.empty();
    }
  }

  /**
   * Saves {@code fresh} (just read from the files of {@code key}) as the current form, releases its
   * persisted parse, and returns the saved form read back, which the run then uses (so the datasets'
   * joins are computed once, for the save).
   */
  ReferenceData save(SparkSession spark, String key, String runId, ReferenceData fresh) {
    Location dir = root.resolve(runId);
    ObjectNode meta = JSON.createObjectNode();
    meta.put("format", FORMAT).put("key", key).put("dir", runId).put("version", Version.current());
    ObjectNode schemas = meta.putObject("schemas");
    Map<String, Dataset<Row>> sets = new LinkedHashMap<>();
    sets.put("employees", withoutPeopleButOwners(fresh.employees(), fresh.initiatives()));
    sets.put("trainings", fresh.trainings());
    sets.put("learning", fresh.learning());
    sets.put("follow_ups", fresh.followUps());
    sets.put("outcomes", fresh.outcomes());
    sets.put("rejected", fresh.allRejected());
    // One file per dataset, written by one task: the parse has a partition per input file, so each dataset
    // lies in one or two of them, and every further task of a write costs the Hadoop configuration's
    // deserialisation and a writer for nothing (docs/performance.md).
    for (Map.Entry<String, Dataset<Row>> e : sets.entrySet()) {
      e.getValue().coalesce(1).write().mode("overwrite").parquet(dir.resolve(e.getKey()).sparkPath());
      schemas.put(e.getKey(), e.getValue().schema().json());
    }
    ArrayNode register = meta.putArray("initiatives");
    for (List<String> values : fresh.registerValues()) {
      ArrayNode a = register.addArray();
      values.forEach(a::add);
    }
    ObjectNode goals = meta.putObject("goals");
    fresh.goals().forEach(goals::put);
    ArrayNode stats = meta.putArray("stats");
    fresh.stats().values().forEach(s -> stats.add(json(s)));
    // Computed from the files just written (scans of two small Parquet folders), not from the parse, whose
    // rejections would be joined once more.
    meta.set("checks", ReferenceChecks.compute(spark.read().schema(sets.get("employees").schema())
        .parquet(dir.resolve("employees").sparkPath()), fresh.initiatives(), spark.read()
        .schema(sets.get("rejected").schema()).parquet(dir.resolve("rejected").sparkPath())).json());
    try {
      root.resolve(CURRENT).write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
      for (Location.Entry e : root.entries()) {
        if (e.directory() && !e.name().equals(runId)) {
          root.resolve(e.name()).delete();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the checked form of the reference files under " + root, e);
    }
    fresh.release();
    return load(spark, key, false).orElseThrow(() -> new IllegalStateException("Cannot read back the reference files' form"
        + " just saved under " + dir));
  }

  /**
   * The roster as the run uses it, with the employee id, name and email kept only for the register's
   * owners (an accountable role, named in the report; SPEC section 6): everyone else is there by pseudonym,
   * unit and dates alone, as in the usage store.
   */
  static Dataset<Row> withoutPeopleButOwners(Dataset<Row> employees, List<Initiative> initiatives) {
    Object[] owners = initiatives.stream().map(Initiative::ownerId).filter(java.util.Objects::nonNull).distinct()
        .toArray();
    Column owner = owners.length == 0 ? functions.lit(false) : functions.col("employee_id").isin(owners);
    return employees.select(functions.when(owner, functions.col("employee_id")).as("employee_id"),
        functions.col("pid"), functions.col("org_unit"),
        functions.when(owner, functions.col("display_name")).as("display_name"),
        functions.when(owner, functions.col("email")).as("email"), functions.col("hired"), functions.col("left"));
  }

  static ObjectNode json(FileStats s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", s.file()).put("required", s.required()).put("present", s.present()).put("bytes", s.bytes())
        .put("sha256", s.sha256()).put("rows_read", s.rowsRead()).put("rows_rejected", s.rowsRejected())
        .put("dependent_rejected", s.dependentRejected());
    ArrayNode missing = o.putArray("missing_optional_columns");
    s.missingOptionalColumns().forEach(missing::add);
    return o;
  }

  static FileStats stats(JsonNode o) {
    List<String> missing = new ArrayList<>();
    o.path("missing_optional_columns").forEach(m -> missing.add(m.asText()));
    long dependent = o.path("dependent_rejected").asLong();
    JsonNode sha = o.path("sha256");
    return new FileStats(o.path("file").asText(), o.path("required").asBoolean(), o.path("present").asBoolean(),
        o.path("bytes").asLong(), sha.isNull() || sha.isMissingNode() ? null : sha.asText(), o.path("rows_read").asLong(),
        o.path("rows_rejected").asLong() - dependent, missing).withDependentRejected(dependent);
  }
}
