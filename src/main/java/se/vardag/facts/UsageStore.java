package se.vardag.facts;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.ingest.UsageFile;
import se.vardag.ingest.UsageFileParser;
import se.vardag.ingest.UsageReading;
import se.vardag.model.Tables;
import se.vardag.privacy.Pseudonymizer;

/**
 * Vardag's incremental store of usage facts, under {@code <output>/_state/usage/}. Each usage
 * file is read once: its compact facts (per person, source and action, the days with an event;
 * see {@link DayFactsFile}) and its rejected rows are kept in a folder of their own, and an index
 * records which file version (size, mtime, CRC32C and SHA-256 of the bytes read) they came from. A nightly run reads only new
 * or changed files. The facts of many files are compacted into a "base" (per person, source and
 * action, every day of the history), so a night's computation reads the base plus at most
 * {@value #COMPACT_AFTER} recent files, never the history.
 *
 * <p>Facts are split into {@value #BUCKETS} buckets by pseudonym. Compacting and reading work
 * bucket by bucket, one task each, merging that bucket of the base and of the recent files in
 * memory: no shuffle, and every person's facts meet in one task.
 *
 * <p>A changed or removed file invalidates the base, which is then rebuilt from the per-file
 * facts (only the changed file is read again). A change of time zone, pseudonym key or parser
 * rebuilds everything. The index is replaced atomically and written last, so a run killed at any
 * point leaves the previous index, whose folders are all complete; leftovers are removed by the
 * next run. Employee ids are stored only as keyed pseudonyms.
 *
 * <p>This class is the index and its rules; the Spark tasks that read a file, compact a bucket and
 * read a bucket are {@link StoreTasks}'.
 */
public final class UsageStore {
  private static final Logger LOG = LoggerFactory.getLogger(UsageStore.class);

  /** Files kept outside the base before they are compacted into a new base. */
  public static final int COMPACT_AFTER = 7;
  /**
   * Bumped whenever the meaning or layout of the stored facts changes. 3: day-facts files of
   * version 2 (any string length), events in the future rejected, empty files recorded.
   */
  static final int FORMAT = 3;
  /** Buckets of the fact files: the parallelism of compaction and of reading the facts. */
  public static final int BUCKETS = 32;

  /** The facts as a dataset (see {@link #facts}): days {@code 64 * first_word …} as bits of {@code words}. */
  public static final StructType FACTS_SCHEMA = new StructType()
      .add("pid", DataTypes.LongType, false)
      .add("source", DataTypes.StringType, false)
      .add("action", DataTypes.StringType, false)
      .add("first_word", DataTypes.IntegerType, false)
      .add("words", DataTypes.createArrayType(DataTypes.LongType, false), false);

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One usage file version in the store. */
  public static final class FileEntry implements Serializable {
    private static final long serialVersionUID = 1L;
    public String name;
    public long size;
    public long modifiedMillis;
    public String sha256;
    /**
     * CRC32C of the bytes this version was read from (the same bytes as {@link #sha256}); null in an
     * index written before content checks, which makes the file pending once.
     */
    public Long crc32c;
    public String key;
    public long rowsRead;
    public long rowsRejected;
    public long events;
    /** Epoch days of the first and last event with count ≥ 1; null when the file has none. */
    public Integer minDay;
    public Integer maxDay;
    /** The file was empty (0 bytes or blank: no header); a header-only file has rowsRead 0 and empty false. */
    public boolean empty;
    public String ingestedBy;

    public FileEntry() {}
  }

  /** The index file's content. */
  public static final class Index {
    public int format = FORMAT;
    public String fingerprint = "";
    public List<FileEntry> files = new ArrayList<>();
    /** Folder of the current base under base/, or null. */
    public String base;
    /** Keys of the file versions compacted into the base. */
    public List<String> baseKeys = new ArrayList<>();

    public Index() {}
  }

  /** What a refresh did. */
  public record Refresh(List<String> ingested, List<String> removed, boolean baseRebuilt, boolean fullRebuild) {}

  private final Location root;
  private Index index;
  /** CRC32C of the files checked in this run, by path, size and modification time (a run asks twice). */
  private final Map<String, Long> checked = new java.util.concurrent.ConcurrentHashMap<>();

  private UsageStore(Location root, Index index) {
    this.root = root;
    this.index = index;
  }

  public static UsageStore open(Path outputDir) {
    return open(Location.of(outputDir.toAbsolutePath().normalize()));
  }

  /**
   * The store under {@code outputDir}, local or on a Hadoop file system (opened with the location's
   * settings, {@link Location#with}). There, where nothing is renamed in one step, every file is
   * written under a name of its own (the run id is in each entry's key and base's name) and the index,
   * uploaded last in one piece, is what makes them part of the store.
   */
  public static UsageStore open(Location outputDir) {
    Location root = outputDir.resolve("_state").resolve("usage");
    Location file = root.resolve("index.json");
    Index index = new Index();
    boolean exists;
    try {
      exists = file.isFile();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for the usage store index " + file, e);
    }
    if (exists) {
      try {
        index = JSON.readValue(file.readAllBytes(), Index.class);
      } catch (IOException e) {
        LOG.warn("The usage store index {} cannot be read ({}); the store is rebuilt from the input files.", file,
            e.getClass().getSimpleName());
        index = new Index();
      }
    }
    return new UsageStore(root, index);
  }

  /** The identity of everything that changes the meaning of stored facts. */
  public static String fingerprint(ZoneId zone, Pseudonymizer pseudonyms, int maxFieldChars) {
    return "format=" + FORMAT + ";buckets=" + BUCKETS + ";timezone=" + zone.getId() + ";key="
        + pseudonyms.fingerprint() + ";max_field_chars=" + maxFieldChars;
  }

  /**
   * {@link #fingerprint(ZoneId, Pseudonymizer, int)} of a store that rejects events in the future:
   * a change of {@code quality.max_future_days} changes what a file yields, so it rebuilds the
   * store. (The run's date does not: whether an event is in the future is judged once, when its
   * file is read.)
   */
  public static String fingerprint(ZoneId zone, Pseudonymizer pseudonyms, int maxFieldChars, int maxFutureDays) {
    return fingerprint(zone, pseudonyms, maxFieldChars) + ";max_future_days=" + maxFutureDays;
  }

  /**
   * The usage files a refresh would read: new, changed, or all when the store must be rebuilt. A
   * change is detected by content: same size and modification time are not enough, the file's
   * CRC32C must also equal the one of the bytes it was last read from.
   */
  public List<UsageFile> pending(List<UsageFile> current, String fingerprint, boolean full) {
    return pending(current, fingerprint, full, FsConf.none());
  }

  /** {@link #pending(List, String, boolean)} of files that may be on a Hadoop file system, opened with {@code fs}. */
  public List<UsageFile> pending(List<UsageFile> current, String fingerprint, boolean full, FsConf fs) {
    boolean rebuild = full || index.format != FORMAT || !index.fingerprint.equals(fingerprint);
    Map<String, FileEntry> known = new HashMap<>();
    if (!rebuild) {
      for (FileEntry e : index.files) {
        known.put(e.name, e);
      }
    }
    // Reading a year of files is the cost here: the candidates' CRC32Cs are computed side by side, once a run.
    List<UsageFile> candidates = new ArrayList<>();
    for (UsageFile f : current) {
      FileEntry e = known.get(f.name());
      if (e != null && e.size == f.size() && e.modifiedMillis == f.modifiedMillis() && e.crc32c != null) {
        candidates.add(f);
      }
    }
    candidates.parallelStream().forEach(f -> checked.computeIfAbsent(checkKey(f), k -> crc32c(f, fs)));
    List<UsageFile> out = new ArrayList<>();
    for (UsageFile f : current) {
      FileEntry e = known.get(f.name());
      if (e == null || e.size != f.size() || e.modifiedMillis != f.modifiedMillis() || e.crc32c == null
          || e.crc32c != (long) checked.get(checkKey(f))) {
        out.add(f);
      }
    }
    return out;
  }

  private static String checkKey(UsageFile f) {
    return f.path() + "\u0000" + f.size() + "\u0000" + f.modifiedMillis();
  }

  /** CRC32C of a file's bytes; -1 (never a CRC32C) when it cannot be read, so that it is read again. */
  static long crc32c(UsageFile file, FsConf fs) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Location.of(file.path()).open(fs)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        crc.update(buf, 0, n);
      }
    } catch (IOException e) {
      return -1;
    }
    return crc.getValue();
  }

  /**
   * Brings the store in line with the usage folder: reads the pending files (in Spark tasks, one
   * per file), forgets removed ones, compacts or rebuilds the base, and commits the index.
   */
  public Refresh refresh(SparkSession spark, List<UsageFile> current, String fingerprint, ZoneId zone,
      int maxFieldChars, Pseudonymizer pseudonyms, boolean full, String runId) {
    return refresh(spark, current, fingerprint, zone, maxFieldChars, UsageFileParser.FutureLimit.NONE, pseudonyms,
        full, runId);
  }

  /**
   * {@link #refresh}, rejecting the events of the files read now that are dated after {@code
   * future}'s last day. Files already in the store keep the judgement made when they were read.
   */
  public Refresh refresh(SparkSession spark, List<UsageFile> current, String fingerprint, ZoneId zone,
      int maxFieldChars, UsageFileParser.FutureLimit future, Pseudonymizer pseudonyms, boolean full, String runId) {
    return refresh(spark, current, fingerprint, UsageReading.of(zone, maxFieldChars, future, pseudonyms), full, runId);
  }

  /**
   * {@link #refresh}, reading the pending files as {@code reading} says (its time zone, field limit,
   * future limit, pseudonyms and file-system settings).
   */
  public Refresh refresh(SparkSession spark, List<UsageFile> current, String fingerprint, UsageReading reading,
      boolean full, String runId) {
    boolean rebuild = full || index.format != FORMAT || !index.fingerprint.equals(fingerprint);
    if (rebuild && !index.files.isEmpty()) {
      LOG.info("Rebuilding the usage store ({}).", full ? "full refresh asked for"
          : "time zone, pseudonym key, field limit or format changed");
    }
    Index previous = rebuild ? new Index() : index;
    List<UsageFile> pending = pending(current, fingerprint, full, reading.fs());
    Set<String> currentNames = new HashSet<>();
    current.forEach(f -> currentNames.add(f.name()));
    Set<String> pendingNames = new HashSet<>();
    pending.forEach(f -> pendingNames.add(f.name()));

    List<FileEntry> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (FileEntry e : previous.files) {
      if (!currentNames.contains(e.name)) {
        removed.add(e.name);
      } else if (!pendingNames.contains(e.name)) {
        kept.add(e);
      }
    }

    long t0 = System.nanoTime();
    List<FileEntry> fresh = ingest(spark, pending, reading, runId);
    if (!pending.isEmpty()) {
      LOG.info("Read {} usage file(s) in {} ms.", pending.size(), (System.nanoTime() - t0) / 1_000_000);
    }
    List<FileEntry> files = new ArrayList<>(kept);
    files.addAll(fresh);
    files.sort(Comparator.comparing(e -> e.name));

    Set<String> keys = new HashSet<>();
    files.forEach(e -> keys.add(e.key));
    Index next = new Index();
    next.fingerprint = fingerprint;
    next.files = files;
    boolean baseValid = previous.base != null && keys.containsAll(previous.baseKeys);
    List<String> outside = new ArrayList<>();
    if (baseValid) {
      Set<String> inBase = new HashSet<>(previous.baseKeys);
      for (FileEntry e : files) {
        if (!inBase.contains(e.key)) {
          outside.add(e.key);
        }
      }
    }
    boolean rebuildBase = !files.isEmpty() && (!baseValid || outside.size() > COMPACT_AFTER);
    if (rebuildBase) {
      long t1 = System.nanoTime();
      String id = "base-" + runId;
      List<Location> sources = new ArrayList<>();
      if (baseValid) {
        outside.forEach(k -> sources.add(factsPath(k)));
      } else {
        files.forEach(e -> sources.add(factsPath(e.key)));
      }
      Location target = root.resolve("base").resolve(id);
      delete(target);
      Location oldBase = baseValid ? root.resolve("base").resolve(previous.base) : null;
      List<Integer> buckets = new ArrayList<>();
      for (int b = 0; b < BUCKETS; b++) {
        buckets.add(b);
      }
      // A bucket per task locally; on an object store a few buckets per task, each source file read once a task.
      int tasks = root.isLocal() ? BUCKETS : tasksFor(spark);
      JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(buckets, tasks)
          .foreachPartition(new StoreTasks.CompactBuckets(oldBase, sources, target));
      LOG.info("Compacted the facts of {} file(s) into a new base in {} ms.", baseValid ? outside.size() : files.size(),
          (System.nanoTime() - t1) / 1_000_000);
      next.base = id;
      next.baseKeys = new ArrayList<>();
      files.forEach(e -> next.baseKeys.add(e.key));
    } else if (baseValid) {
      next.base = previous.base;
      next.baseKeys = new ArrayList<>(previous.baseKeys);
    }
    commit(next);
    collectGarbage();
    return new Refresh(pending.stream().map(UsageFile::name).toList(), removed, rebuildBase, rebuild);
  }

  private List<FileEntry> ingest(SparkSession spark, List<UsageFile> pending, UsageReading reading, String runId) {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<UsageFile> ordered = new ArrayList<>(pending);
    // Large files first, so the last tasks are short ones.
    ordered.sort(Comparator.comparingLong(UsageFile::size).reversed());
    if (root.isLocal()) {
      try {
        Files.createDirectories(root.path().resolve("files"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<FileEntry> entries = jsc.parallelize(ordered, ordered.size())
        .map(new StoreTasks.IngestFile(root, reading, runId))
        .collect();
    return new ArrayList<>(entries);
  }

  private Location factsPath(String key) {
    return root.resolve("files").resolve(key).resolve(StoreTasks.FACTS_FILE);
  }

  private static void delete(Location l) {
    try {
      l.delete();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + l, e);
    }
  }

  /** Maps one bucket's facts (the base's and the recent files', merged per person, source and action). */
  public interface BucketMapper<T> extends java.io.Serializable {
    Iterator<T> map(List<DayFactsFile.Fact> facts);
  }

  /**
   * Maps every bucket of the stored facts, a few buckets per task; each bucket's mapping sees complete
   * facts: all of a person's days for each source and action, from the base and the recent files.
   */
  public <T> JavaRDD<T> mapBuckets(SparkSession spark, BucketMapper<T> mapper) {
    Set<String> inBase = new HashSet<>(index.baseKeys);
    List<Location> recent = new ArrayList<>();
    for (FileEntry e : index.files) {
      if (index.base == null || !inBase.contains(e.key)) {
        recent.add(factsPath(e.key));
      }
    }
    Location base = index.base == null ? null : root.resolve("base").resolve(index.base);
    List<Integer> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      buckets.add(b);
    }
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(buckets, tasksFor(spark))
        .mapPartitions(new StoreTasks.ReadBuckets<>(base, recent, mapper, root.isLocal()));
  }

  /** A few buckets per task on a small machine: each task costs its closure's deserialisation and a start. */
  private static int tasksFor(SparkSession spark) {
    return Math.max(1, Math.min(BUCKETS, 4 * spark.sparkContext().defaultParallelism()));
  }

  private void commit(Index next) {
    try {
      root.resolve("index.json").write(JSON.writeValueAsBytes(next));
      index = next;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the usage store index under " + root, e);
    }
  }

  /** Removes folders no index entry points at: replaced files, old bases, leftovers of killed runs. */
  private void collectGarbage() {
    Set<String> keys = new HashSet<>();
    index.files.forEach(e -> keys.add(e.key));
    sweep(root.resolve("files"), keys);
    sweep(root.resolve("base"), index.base == null ? Set.of() : Set.of(index.base));
  }

  private static void sweep(Location dir, Set<String> keep) {
    try {
      for (Location.Entry child : dir.entries()) {
        if (!keep.contains(child.name())) {
          dir.resolve(child.name()).delete();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot clean {}: {}", dir, e.toString());
    }
  }

  /** Every stored file version, sorted by name. */
  public List<FileEntry> files() {
    return List.copyOf(index.files);
  }

  /** The last day (epoch day) with an event in any usage file. */
  public OptionalInt lastDay() {
    return index.files.stream().filter(e -> e.maxDay != null).mapToInt(e -> e.maxDay).max();
  }

  /** Every stored fact, merged per person, source and action, in {@link #FACTS_SCHEMA}. */
  public Dataset<Row> facts(SparkSession spark) {
    JavaRDD<Row> rows = mapBuckets(spark, facts -> facts.stream()
        .map(f -> org.apache.spark.sql.RowFactory.create(f.pid(), f.source(), f.action(), f.firstWord(), f.words()))
        .iterator());
    return spark.createDataFrame(rows, FACTS_SCHEMA);
  }

  /** Every rejected row of every stored usage file, in the quarantine's schema. */
  public Dataset<Row> rejected(SparkSession spark) {
    List<String> paths = new ArrayList<>();
    for (FileEntry e : index.files) {
      if (e.rowsRejected > 0) {
        paths.add(root.resolve("files").resolve(e.key).resolve("rejected").sparkPath());
      }
    }
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), Tables.REJECTED_ROWS_SCHEMA);
    }
    return spark.read().schema(Tables.REJECTED_ROWS_SCHEMA).parquet(paths.toArray(new String[0]));
  }
}
