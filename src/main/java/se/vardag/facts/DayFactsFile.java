package se.vardag.facts;

import static java.util.Objects.requireNonNull;

import se.vardag.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Vardag's file of usage facts: for each (employee pseudonym, source, action), the days with an
 * event, as a run of 64-day words. The facts are split into buckets by pseudonym, each stored as
 * its own deflated segment, so that a task handling bucket b reads only its part of every file:
 * merging the facts of hundreds of files needs no shuffle and little memory.
 *
 * <p>Internal state only (under {@code _state/}), never read by analysts; the published tables
 * are Parquet. Layout: magic, version, bucket count, the source/action strings (each an int byte
 * length and its UTF-8 bytes, so any length {@code quality.max_field_chars} admits fits), a table of
 * (offset, length, count) per bucket, then the segments. A segment holds its pseudonyms, then
 * records (pseudonym index, source index, action index, first word, words), varint-encoded; a
 * word with one day is stored as that day's bit position.
 */
public final class DayFactsFile {
  private static final int MAGIC = 0x56444631; // "VDF1"
  /**
   * 2: strings as an int byte length and UTF-8 bytes (version 1 used {@code writeUTF}, whose
   * 65,535-byte limit made a long source or action an internal error).
   */
  private static final int VERSION = 2;

  /** One fact: the days of one person's use of one source and action. */
  public record Fact(long pid, String source, String action, int firstWord, long[] words) {
    public Fact {
      requireNonNull(source, "source is null");
      requireNonNull(action, "action is null");
      requireNonNull(words, "words is null");
    }
  }

  /** Receives the facts of a bucket. */
  public interface Sink {
    void accept(long pid, String source, String action, int firstWord, long[] words);
  }

  private DayFactsFile() {}

  /** The bucket of a pseudonym among {@code buckets}. */
  public static int bucket(long pid, int buckets) {
    return (int) Long.remainderUnsigned(pid, buckets);
  }

  /** Writes {@code facts} to {@code file} (atomically: a temporary file, then a rename). */
  public static void write(Path file, int buckets, List<Fact> facts) {
    write(se.vardag.Location.of(file), buckets, facts);
  }

  /**
   * As {@link #write(Path, int, List)}; on a Hadoop file system one upload straight to {@code file}
   * (an object store shows it only when complete; the usage store names files no index points at yet).
   */
  public static void write(se.vardag.Location file, int buckets, List<Fact> facts) {
    if (buckets < 1) {
      throw new IllegalArgumentException("Cannot write day facts into " + buckets + " buckets");
    }
    List<List<Fact>> byBucket = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) {
      byBucket.add(new ArrayList<>());
    }
    Map<String, Integer> strings = new HashMap<>();
    List<String> table = new ArrayList<>();
    for (Fact f : facts) {
      byBucket.get(bucket(f.pid(), buckets)).add(f);
      for (String s : new String[] {f.source(), f.action()}) {
        if (!strings.containsKey(s)) {
          strings.put(s, table.size());
          table.add(s);
        }
      }
    }
    try {
      byte[][] segments = new byte[buckets][];
      int[] counts = new int[buckets];
      for (int b = 0; b < buckets; b++) {
        List<Fact> list = byBucket.get(b);
        list.sort(Comparator.comparingLong(Fact::pid).thenComparing(Fact::source).thenComparing(Fact::action));
        segments[b] = segment(list, strings);
        counts[b] = list.size();
      }
      Path tmp = null;
      OutputStream target;
      if (file.isLocal()) {
        Files.createDirectories(file.path().getParent());
        tmp = file.path().resolveSibling(file.name() + ".tmp");
        target = Files.newOutputStream(tmp);
      } else {
        target = file.create();
      }
      try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(target, 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(buckets);
        out.writeInt(table.size());
        for (String s : table) {
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          out.writeInt(utf8.length);
          out.write(utf8);
        }
        long offset = 0;
        for (int b = 0; b < buckets; b++) {
          out.writeLong(offset);
          out.writeInt(segments[b].length);
          out.writeInt(counts[b]);
          offset += segments[b].length;
        }
        for (byte[] segment : segments) {
          out.write(segment);
        }
      }
      if (tmp != null) {
        AtomicFiles.move(tmp, file.path());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write day facts to " + file, e);
    }
  }

  private static byte[] segment(List<Fact> facts, Map<String, Integer> strings) throws IOException {
    // The records are encoded into memory first and deflated in one go: byte-wise writes through a
    // DeflaterOutputStream cost an array and a native call per byte.
    ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(64, facts.size() * 12));
    try (DataOutputStream out = new DataOutputStream(raw)) {
      long[] pids = facts.stream().mapToLong(Fact::pid).distinct().toArray();
      writeVarint(out, pids.length);
      for (long p : pids) {
        out.writeLong(p);
      }
      writeVarint(out, facts.size());
      int pidIndex = -1;
      long lastPid = 0;
      for (Fact f : facts) {
        if (pidIndex < 0 || f.pid() != lastPid) {
          pidIndex++;
          lastPid = f.pid();
        }
        writeVarint(out, pidIndex);
        writeVarint(out, strings.get(f.source()));
        writeVarint(out, strings.get(f.action()));
        writeVarint(out, (f.firstWord() << 1) ^ (f.firstWord() >> 31));
        long[] w = f.words();
        if (w.length == 1 && Long.bitCount(w[0]) == 1) {
          writeVarint(out, 0);
          out.writeByte(Long.numberOfTrailingZeros(w[0]));
        } else {
          writeVarint(out, w.length);
          for (long word : w) {
            out.writeLong(word);
          }
        }
      }
    }
    byte[] input = raw.toByteArray();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, input.length / 3));
      byte[] chunk = new byte[1 << 16];
      while (!deflater.finished()) {
        int n = deflater.deflate(chunk);
        bytes.write(chunk, 0, n);
      }
      return bytes.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Reads {@code length} bytes at {@code position} of a file: its segment of one bucket. */
  private interface Segments {
    void readFully(long position, byte[] into) throws IOException;
  }

  /** Hands every fact of bucket {@code bucket} of {@code file} to {@code sink}. */
  public static void read(Path file, int bucket, Sink sink) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      DataInputStream head = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch), 1 << 14));
      decode(head, (position, into) -> {
        ByteBuffer buf = ByteBuffer.wrap(into);
        ch.position(position);
        while (buf.hasRemaining()) {
          if (ch.read(buf) < 0) {
            throw new EOFException("segment " + bucket + " is cut short");
          }
        }
      }, bucket, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bucket " + bucket + " of the day facts in " + file + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * As {@link #read(Path, int, Sink)}, for a file anywhere: on a Hadoop file system the header is read
   * from the start and the bucket's segment with one positioned read (a ranged GET on an object store).
   */
  public static void read(se.vardag.Location file, int bucket, Sink sink) {
    if (file.isLocal()) {
      read(file.path(), bucket, sink);
      return;
    }
    try (java.io.InputStream raw = file.open()) {
      if (!(raw instanceof org.apache.hadoop.fs.FSDataInputStream in)) {
        throw new IOException("the file system gives no positioned reads");
      }
      DataInputStream head = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 14));
      decode(head, (position, into) -> in.readFully(position, into, 0, into.length), bucket, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bucket " + bucket + " of the day facts in " + file + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * As {@link #read(Path, int, Sink)}, for a file read whole into memory: a task that needs several buckets
   * of a file on an object store reads it once instead of once per bucket. {@code name} is for messages.
   */
  public static void read(byte[] file, String name, int bucket, Sink sink) {
    try {
      DataInputStream head = new DataInputStream(new java.io.ByteArrayInputStream(file));
      decode(head, (position, into) -> {
        if (position < 0 || position + into.length > file.length) {
          throw new EOFException("segment " + bucket + " is cut short");
        }
        System.arraycopy(file, (int) position, into, 0, into.length);
      }, bucket, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bucket " + bucket + " of the day facts in " + name + ": "
          + e.getMessage(), e);
    }
  }

  private static void decode(DataInputStream head, Segments file, int bucket, Sink sink) throws IOException {
    {
      if (head.readInt() != MAGIC) {
        throw new IOException("not a Vardag day-facts file");
      }
      int version = head.readInt();
      if (version != VERSION) {
        throw new IOException("day-facts version " + version + " is not " + VERSION);
      }
      int buckets = head.readInt();
      if (bucket < 0 || bucket >= buckets) {
        throw new IOException("bucket " + bucket + " is not in 0.." + (buckets - 1));
      }
      int n = head.readInt();
      if (n < 0) {
        throw new IOException("negative string count " + n);
      }
      String[] strings = new String[n];
      long headerEnd = 16;
      for (int i = 0; i < n; i++) {
        int length = head.readInt();
        if (length < 0) {
          throw new IOException("negative string length " + length);
        }
        byte[] utf8 = new byte[length];
        head.readFully(utf8);
        strings[i] = new String(utf8, StandardCharsets.UTF_8);
        headerEnd += 4L + length;
      }
      long offset = 0;
      int length = 0;
      for (int b = 0; b < buckets; b++) {
        long o = head.readLong();
        int l = head.readInt();
        head.readInt();
        if (b == bucket) {
          offset = o;
          length = l;
        }
      }
      long dataStart = headerEnd + 16L * buckets;
      byte[] segment = new byte[length];
      file.readFully(dataStart + offset, segment);
      // Inflated whole, then decoded from the array: byte-wise reads through an InflaterInputStream
      // cost a native call per byte.
      Cursor in = new Cursor(inflate(segment));
      int pidCount = in.varint();
      long[] pids = new long[pidCount];
      for (int i = 0; i < pidCount; i++) {
        pids[i] = in.longValue();
      }
      int records = in.varint();
      for (int r = 0; r < records; r++) {
        long pid = pids[in.varint()];
        String source = strings[in.varint()];
        String action = strings[in.varint()];
        int zz = in.varint();
        int firstWord = (zz >>> 1) ^ -(zz & 1);
        int count = in.varint();
        long[] words;
        if (count == 0) {
          words = new long[] {1L << in.unsignedByte()};
        } else {
          words = new long[count];
          for (int k = 0; k < count; k++) {
            words[k] = in.longValue();
          }
        }
        sink.accept(pid, source, action, firstWord, words);
      }
    }
  }

  private static byte[] inflate(byte[] compressed) throws IOException {
    java.util.zip.Inflater inflater = new java.util.zip.Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, compressed.length * 3));
      byte[] chunk = new byte[1 << 16];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new EOFException("segment is cut short");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (java.util.zip.DataFormatException e) {
      throw new IOException("segment is not valid deflate data: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** Reads the encoded records of an inflated segment. */
  private static final class Cursor {
    private final byte[] b;
    private int at;

    Cursor(byte[] b) {
      this.b = b;
    }

    private void need(int n) throws EOFException {
      if (at + n > b.length) {
        throw new EOFException("record cut short");
      }
    }

    int unsignedByte() throws EOFException {
      need(1);
      return b[at++] & 0xFF;
    }

    long longValue() throws EOFException {
      need(8);
      long v = 0;
      for (int k = 0; k < 8; k++) {
        v = (v << 8) | (b[at++] & 0xFF);
      }
      return v;
    }

    int varint() throws IOException {
      int shift = 0;
      int result = 0;
      while (shift < 35) {
        int x = unsignedByte();
        result |= (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
        shift += 7;
      }
      throw new IOException("malformed varint");
    }
  }

  private static void writeVarint(OutputStream out, int value) throws IOException {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /** Merges facts per (pid, source, action) into day sets; then {@link #facts()} lists them. */
  public static final class Merger implements Sink {
    private record Key(long pid, String source, String action) {}

    private final Map<Key, DaySet> sets = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();

    @Override
    public void accept(long pid, String source, String action, int firstWord, long[] words) {
      String s = interned.computeIfAbsent(source, x -> x);
      String a = interned.computeIfAbsent(action, x -> x);
      sets.computeIfAbsent(new Key(pid, s, a), k -> new DaySet()).or(firstWord, words);
    }

    public int size() {
      return sets.size();
    }

    /** The merged facts, sorted by pid, source and action. */
    public List<Fact> facts() {
      List<Fact> out = new ArrayList<>(sets.size());
      for (Map.Entry<Key, DaySet> e : sets.entrySet()) {
        DaySet d = e.getValue();
        if (!d.isEmpty()) {
          out.add(new Fact(e.getKey().pid(), e.getKey().source(), e.getKey().action(), d.firstWord(), d.words()));
        }
      }
      out.sort(Comparator.comparingLong(Fact::pid).thenComparing(Fact::source).thenComparing(Fact::action));
      return out;
    }
  }

  /** For tests: the facts as comparable strings. */
  static String describe(Fact f) {
    return f.pid() + "|" + f.source() + "|" + f.action() + "|" + f.firstWord() + "|" + Arrays.toString(f.words());
  }
}
