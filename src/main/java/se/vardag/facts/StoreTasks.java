package se.vardag.facts;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import se.vardag.AtomicFiles;
import se.vardag.Checksums;
import se.vardag.Location;
import se.vardag.ingest.UsageFile;
import se.vardag.ingest.UsageFileParser;
import se.vardag.ingest.UsageReading;
import se.vardag.model.Columns;

/**
 * The usage store's Spark tasks: reading one usage file into its facts and rejections, compacting
 * buckets into a new base, and reading buckets of the base and the recent files merged. Each
 * task writes only under its own temporary name and renames it into place, so a killed task leaves
 * nothing the index points at.
 */
final class StoreTasks {
  /** Each file version's facts, under {@code files/<key>/}. */
  static final String FACTS_FILE = "facts.vdf";

  private StoreTasks() {}

  /**
   * The day facts of one file's bits, which come sorted by pid, source, action and word: each run of
   * equal (pid, source, action) becomes one fact, in the order {@link DayFactsFile.Merger#facts} gives.
   */
  static List<DayFactsFile.Fact> facts(List<UsageFileParser.Bits> bits) {
    List<DayFactsFile.Fact> out = new ArrayList<>();
    int i = 0;
    while (i < bits.size()) {
      UsageFileParser.Bits first = bits.get(i);
      DaySet days = new DaySet();
      int j = i;
      while (j < bits.size() && bits.get(j).pid() == first.pid() && bits.get(j).source().equals(first.source())
          && bits.get(j).action().equals(first.action())) {
        days.or(bits.get(j).wordIndex(), bits.get(j).word());
        j++;
      }
      if (!days.isEmpty()) {
        out.add(new DayFactsFile.Fact(first.pid(), first.source(), first.action(), days.firstWord(), days.words()));
      }
      i = j;
    }
    return out;
  }

  /** Reads one usage file in a task and writes its facts and rejections beside the index. */
  static final class IngestFile implements Function<UsageFile, UsageStore.FileEntry> {
    private static final long serialVersionUID = 1L;
    private final Location root;
    private final UsageReading reading;
    private final String runId;

    IngestFile(Location root, UsageReading reading, String runId) {
      this.root = requireNonNull(root, "root is null");
      this.reading = requireNonNull(reading, "reading is null");
      this.runId = requireNonNull(runId, "runId is null");
    }

    @Override
    public UsageStore.FileEntry call(UsageFile file) throws Exception {
      MessageDigest sha = Checksums.sha256();
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      // Both checksums are of the bytes actually read, not of the file as listed.
      UsageFileParser.Result result = reading.read(file,
          in -> new DigestInputStream(new java.util.zip.CheckedInputStream(in, crc), sha));
      UsageStore.FileEntry e = new UsageStore.FileEntry();
      e.empty = result.empty;
      e.name = file.name();
      e.size = file.size();
      e.modifiedMillis = file.modifiedMillis();
      e.sha256 = HexFormat.of().formatHex(sha.digest());
      e.crc32c = crc.getValue();
      e.key = key(file, runId);
      e.rowsRead = result.rowsRead;
      e.rowsRejected = result.rowsRejected;
      e.events = result.events;
      e.minDay = result.minDay == Integer.MAX_VALUE ? null : result.minDay;
      e.maxDay = result.maxDay == Integer.MIN_VALUE ? null : result.maxDay;
      e.ingestedBy = runId;

      // Locally into a folder of the task's own, renamed into place; on a Hadoop file system straight
      // into the entry's folder (its key names this run; no index points at it until the run commits).
      Location dir = root.resolve("files").resolve(e.key);
      Location tmp = dir.isLocal()
          ? root.resolve("files").resolve(e.key + ".tmp-" + org.apache.spark.TaskContext.get().taskAttemptId()) : dir;
      tmp.delete();
      if (tmp.isLocal()) {
        Files.createDirectories(tmp.path());
      }
      DayFactsFile.write(tmp.resolve(FACTS_FILE), UsageStore.BUCKETS, facts(result.bits));
      if (!result.rejections.isEmpty()) {
        if (tmp.isLocal()) {
          Files.createDirectories(tmp.path().resolve("rejected"));
        }
        LocalParquet.write(tmp.resolve("rejected").resolve("part-0.parquet"), LocalParquet.REJECTED,
            result.rejections, (r, g) -> {
              g.add(Columns.SOURCE_FILE, r.sourceFile());
              if (r.line() != null) {
                g.add(Columns.LINE, r.line());
              }
              if (r.column() != null) {
                g.add(Columns.COLUMN, r.column());
              }
              g.add(Columns.REASON, r.reason());
              g.add(Columns.RECORD, r.record());
            });
      }
      se.vardag.Checkpoint.reached(se.vardag.Checkpoint.INGEST);
      if (tmp.isLocal()) {
        AtomicFiles.deleteRecursively(dir.path());
        Files.move(tmp.path(), dir.path(), StandardCopyOption.ATOMIC_MOVE);
      }
      return e;
    }
  }

  static String key(UsageFile file, String runId) {
    MessageDigest sha = Checksums.sha256();
    sha.update((file.name() + "\u0000" + file.size() + "\u0000" + file.modifiedMillis() + "\u0000" + runId)
        .getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(), 0, 10);
  }

  /**
   * Compacts the buckets of one task into a new base: each bucket's old base file and its segment of every
   * source file, merged. On the local file system a bucket is read at a time, each file's segment by a
   * positioned read; on an object store each source file is read whole once for all the task's buckets
   * ({@link #eachFile}), since there a file costs requests, not bytes.
   */
  static final class CompactBuckets implements org.apache.spark.api.java.function.VoidFunction<Iterator<Integer>> {
    private static final long serialVersionUID = 1L;
    private final Location oldBase;
    private final List<Location> files;
    private final Location newBase;

    CompactBuckets(Location oldBase, List<Location> files, Location newBase) {
      this.oldBase = oldBase;
      this.files = List.copyOf(files);
      this.newBase = requireNonNull(newBase, "newBase is null");
    }

    @Override
    public void call(Iterator<Integer> task) {
      List<Integer> buckets = new ArrayList<>();
      task.forEachRemaining(buckets::add);
      if (newBase.isLocal()) {
        for (int bucket : buckets) {
          DayFactsFile.write(newBase.resolve(bucketFile(bucket)), 1, merged(oldBase, files, bucket).facts());
        }
        return;
      }
      List<DayFactsFile.Merger> mergers = mergedWhole(oldBase, files, buckets);
      for (int i = 0; i < buckets.size(); i++) {
        DayFactsFile.write(newBase.resolve(bucketFile(buckets.get(i))), 1, mergers.get(i).facts());
      }
    }
  }

  static String bucketFile(int bucket) {
    return String.format(java.util.Locale.ROOT, "bucket-%03d.vdf", bucket);
  }

  /**
   * Reads the buckets of one task, each its base file and the recent files' segments merged, and maps each
   * bucket's facts. Locally a bucket at a time (lazily); on an object store each recent file is read whole
   * once for all the task's buckets.
   */
  static final class ReadBuckets<T> implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<Integer>, T> {
    private static final long serialVersionUID = 1L;
    private final Location base;
    private final List<Location> files;
    private final UsageStore.BucketMapper<T> mapper;
    private final boolean local;

    ReadBuckets(Location base, List<Location> files, UsageStore.BucketMapper<T> mapper, boolean local) {
      this.base = base;
      this.files = List.copyOf(files);
      this.mapper = requireNonNull(mapper, "mapper is null");
      this.local = local;
    }

    @Override
    public Iterator<T> call(Iterator<Integer> task) {
      if (local) {
        return flatten(task, bucket -> mapper.map(merged(base, files, bucket).facts()));
      }
      List<Integer> buckets = new ArrayList<>();
      task.forEachRemaining(buckets::add);
      List<DayFactsFile.Merger> mergers = mergedWhole(base, files, buckets);
      Iterator<Integer> index = java.util.stream.IntStream.range(0, buckets.size()).iterator();
      return flatten(index, i -> {
        List<DayFactsFile.Fact> facts = mergers.get(i).facts();
        mergers.set(i, null); // each bucket's merger released once it is mapped
        return mapper.map(facts);
      });
    }
  }

  /** One bucket: its base file (when there is a base) and its segment of every file, merged. */
  private static DayFactsFile.Merger merged(Location base, List<Location> files, int bucket) {
    DayFactsFile.Merger merger = new DayFactsFile.Merger();
    if (base != null) {
      DayFactsFile.read(base.resolve(bucketFile(bucket)), 0, merger);
    }
    for (Location f : files) {
      DayFactsFile.read(f, bucket, merger);
    }
    return merger;
  }

  /** Several buckets, each file read whole once for all of them; one merger per bucket, in their order. */
  private static List<DayFactsFile.Merger> mergedWhole(Location base, List<Location> files, List<Integer> buckets) {
    List<DayFactsFile.Merger> mergers = new ArrayList<>();
    for (int bucket : buckets) {
      mergers.add(merged(base, List.of(), bucket)); // the base's bucket file; the other files below
    }
    eachFile(files, (file, bytes) -> {
      for (int i = 0; i < buckets.size(); i++) {
        DayFactsFile.read(bytes, file.toString(), buckets.get(i), mergers.get(i));
      }
    });
    return mergers;
  }

  /** How many files {@link #eachFile} reads at a time. */
  static final int READ_AHEAD = 8;

  /**
   * Hands each file's bytes to {@code each} in the list's order, reading up to {@link #READ_AHEAD} files at a
   * time on threads of its own: on an object store a small file costs a request's latency, not bandwidth.
   */
  static void eachFile(List<Location> files, java.util.function.BiConsumer<Location, byte[]> each) {
    if (files.isEmpty()) {
      return;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(READ_AHEAD, files.size()), r -> {
          Thread t = new Thread(r, "vardag-store-read");
          t.setDaemon(true);
          return t;
        });
    try {
      java.util.ArrayDeque<java.util.concurrent.Future<byte[]>> inFlight = new java.util.ArrayDeque<>();
      int next = 0;
      for (int i = 0; i < files.size(); i++) {
        while (next < files.size() && next < i + READ_AHEAD) {
          Location f = files.get(next++);
          inFlight.add(pool.submit(() -> readWhole(f)));
        }
        byte[] bytes;
        try {
          bytes = inFlight.remove().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Cannot read the day facts in " + files.get(i) + ": interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("Cannot read the day facts in " + files.get(i) + ": " + e.getCause(), e);
        }
        each.accept(files.get(i), bytes);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] readWhole(Location file) {
    try {
      return file.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read the day facts in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The elements of {@code f(x)} for each {@code x}, in order, each {@code f(x)} made only when reached. */
  private static <X, T> Iterator<T> flatten(Iterator<X> xs, java.util.function.Function<X, Iterator<T>> f) {
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && xs.hasNext()) {
          current = f.apply(xs.next());
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
