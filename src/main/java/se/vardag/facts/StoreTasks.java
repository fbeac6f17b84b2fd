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
 * one bucket into a new base, and reading one bucket of the base and the recent files merged. Each
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

  /** Merges one bucket of the old base and of the given fact files into the new base's file for that bucket. */
  static final class CompactBucket implements org.apache.spark.api.java.function.VoidFunction<Integer> {
    private static final long serialVersionUID = 1L;
    private final Location oldBase;
    private final List<Location> files;
    private final Location newBase;

    CompactBucket(Location oldBase, List<Location> files, Location newBase) {
      this.oldBase = oldBase;
      this.files = List.copyOf(files);
      this.newBase = newBase;
    }

    @Override
    public void call(Integer bucket) {
      DayFactsFile.Merger merger = new DayFactsFile.Merger();
      if (oldBase != null) {
        DayFactsFile.read(oldBase.resolve(bucketFile(bucket)), 0, merger);
      }
      for (Location f : files) {
        DayFactsFile.read(f, bucket, merger);
      }
      DayFactsFile.write(newBase.resolve(bucketFile(bucket)), 1, merger.facts());
    }
  }

  static String bucketFile(int bucket) {
    return String.format(java.util.Locale.ROOT, "bucket-%03d.vdf", bucket);
  }

  static final class ReadBucket<T> implements org.apache.spark.api.java.function.FlatMapFunction<Integer, T> {
    private static final long serialVersionUID = 1L;
    private final Location base;
    private final List<Location> files;
    private final UsageStore.BucketMapper<T> mapper;

    ReadBucket(Location base, List<Location> files, UsageStore.BucketMapper<T> mapper) {
      this.base = base;
      this.files = List.copyOf(files);
      this.mapper = mapper;
    }

    @Override
    public Iterator<T> call(Integer bucket) {
      DayFactsFile.Merger merger = new DayFactsFile.Merger();
      if (base != null) {
        DayFactsFile.read(base.resolve(bucketFile(bucket)), 0, merger);
      }
      for (Location f : files) {
        DayFactsFile.read(f, bucket, merger);
      }
      return mapper.map(merger.facts());
    }
  }

}
