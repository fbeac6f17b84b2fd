package se.vardag;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * A file or folder Vardag reads or writes: a local path (a plain path or a {@code file:} URI, on
 * the machine's POSIX file system or a shared mount) or a Hadoop file-system URI ({@code s3a://},
 * {@code abfss://}, {@code gs://}, {@code hdfs://}), which is opened through Hadoop's
 * {@code FileSystem} with the session's settings ({@link FsConf}). Local locations keep
 * {@code java.nio}, so symbolic links, atomic renames and fsync work as before.
 */
public final class Location implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One entry of a folder listing. */
  public record Entry(String name, boolean file, boolean directory, long size, long modifiedMillis) {}

  private final String text;
  private final boolean local;
  /** The settings its file system is opened with when none is passed (see {@link #with}). */
  private final FsConf fs;

  private Location(String text, boolean local) {
    this(text, local, FsConf.none());
  }

  private Location(String text, boolean local, FsConf fs) {
    this.text = text;
    this.local = local;
    this.fs = fs;
  }

  /**
   * This location opened with {@code fs} (a run's session settings) by the methods that take none;
   * locations resolved from it keep them. A local location needs none.
   */
  public Location with(FsConf fs) {
    requireNonNull(fs, "fs is null");
    return local ? this : new Location(text, false, fs);
  }

  /** The settings this location is opened with. */
  public FsConf fs() {
    return fs;
  }

  /**
   * A location from the command line or configuration: {@code scheme://…} with a scheme of two or
   * more letters other than {@code file} is a Hadoop file system; a {@code file:} URI or anything
   * else is a local path, made absolute.
   */
  public static Location of(String location) {
    requireNonNull(location, "location is null");
    String scheme = scheme(location);
    if (scheme == null) {
      return of(Path.of(location));
    }
    if (scheme.equals("file")) {
      try {
        return of(Path.of(new URI(location)));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalArgumentException("Cannot read the location " + location + ": not a valid file: URI", e);
      }
    }
    String trimmed = location;
    while (trimmed.endsWith("/") && !trimmed.endsWith("://")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      if (uri.getAuthority() == null) {
        throw new IllegalArgumentException("Cannot read the location " + location + ": a " + scheme
            + ":// location names its bucket or container, as in " + scheme + "://bucket/folder");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null
          || List.of(uri.getRawPath().split("/")).stream().anyMatch(p -> p.equals("..") || p.equals("."))) {
        throw new IllegalArgumentException("Cannot read the location " + location + ": a folder URI has no ?, # or"
            + " . and .. parts; name the folder itself, as in " + scheme + "://bucket/folder");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Cannot read the location " + location + ": not a valid URI ("
          + e.getReason() + ")", e);
    }
    return new Location(trimmed, false);
  }

  public static Location of(Path path) {
    return new Location(path.toAbsolutePath().normalize().toString(), true);
  }

  private static String scheme(String s) {
    int colon = s.indexOf(':');
    if (colon < 2) {
      return null; // no scheme, or a Windows drive letter
    }
    if (!s.startsWith("//", colon + 1) && !s.regionMatches(true, 0, "file:", 0, 5)) {
      return null; // a local name with a colon in it ("in:2026"), not a URI
    }
    String scheme = s.substring(0, colon);
    if (!scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')
        || !Character.isLetter(scheme.charAt(0))) {
      return null;
    }
    return scheme.toLowerCase(Locale.ROOT);
  }

  /** True for a path on the local (or mounted) file system. */
  public boolean isLocal() {
    return local;
  }

  /** The local path; only for {@link #isLocal() local} locations. */
  public Path path() {
    if (!local) {
      throw new IllegalStateException("Cannot use " + text + " as a local path: it is on a Hadoop file system");
    }
    return Path.of(text);
  }

  /** The location of {@code child} (a relative path with {@code /} separators) inside this folder. */
  public Location resolve(String child) {
    requireNonNull(child, "child is null");
    return local ? of(path().resolve(child)) : new Location(text + "/" + child, false, fs);
  }

  /** The folder this location is in. */
  public Location parent() {
    if (local) {
      Path parent = path().getParent();
      if (parent == null) {
        throw new IllegalStateException("Cannot take the folder of " + text + ": it is the root");
      }
      return of(parent);
    }
    int slash = text.lastIndexOf('/');
    if (slash <= text.indexOf("://") + 2 || text.indexOf('/', text.indexOf("://") + 3) < 0) {
      throw new IllegalStateException("Cannot take the folder of " + text + ": it is the root of its bucket");
    }
    return new Location(text.substring(0, slash), false, fs);
  }

  /** The path of {@code inner} relative to this folder, with {@code /} separators. */
  public String relativize(Location inner) {
    String prefix = text + "/";
    if (inner.local != local || !inner.text.startsWith(prefix)) {
      throw new IllegalArgumentException("Cannot name " + inner + " relative to " + text + ": it is not inside it");
    }
    return inner.text.substring(prefix.length()).replace('\\', '/');
  }

  /** The last part of the location: a file's or folder's name. */
  public String name() {
    int slash = text.lastIndexOf('/');
    return slash < 0 ? text : text.substring(slash + 1);
  }

  /** The location as Spark's readers take it: a {@code file:} URI for a local path (see {@link LocalFiles}). */
  public String sparkPath() {
    return local ? LocalFiles.sparkPath(path()) : text;
  }

  /** Opens the file for reading. */
  public InputStream open(FsConf fs) throws IOException {
    if (local) {
      return Files.newInputStream(path());
    }
    return fileSystem(fs).open(hadoopPath());
  }

  /** The file or folder's status, or empty when nothing is there. */
  public Optional<Entry> status(FsConf fs) throws IOException {
    if (local) {
      Path p = path();
      if (!Files.exists(p)) {
        return Optional.empty();
      }
      return Optional.of(new Entry(name(), Files.isRegularFile(p), Files.isDirectory(p),
          Files.isRegularFile(p) ? Files.size(p) : 0, Files.getLastModifiedTime(p).toMillis()));
    }
    try {
      return Optional.of(entry(fileSystem(fs).getFileStatus(hadoopPath())));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The entries of a folder on a Hadoop file system, by name. Local folders are listed with java.nio. */
  public List<Entry> list(FsConf fs) throws IOException {
    if (local) {
      throw new IllegalStateException("Cannot list " + text + " through Hadoop: it is a local folder");
    }
    List<Entry> out = new ArrayList<>();
    for (FileStatus s : fileSystem(fs).listStatus(hadoopPath())) {
      out.add(entry(s));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** The entries of a folder, local or on a Hadoop file system, by name; empty when the folder is absent. */
  public List<Entry> entries(FsConf fs) throws IOException {
    if (!local) {
      try {
        return list(fs);
      } catch (FileNotFoundException e) {
        return List.of();
      }
    }
    Path dir = path();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path p : (Iterable<Path>) children::iterator) {
        boolean file = Files.isRegularFile(p);
        out.add(new Entry(p.getFileName().toString(), file, Files.isDirectory(p), file ? Files.size(p) : 0,
            Files.getLastModifiedTime(p).toMillis()));
      }
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** True when a file or folder is there. */
  public boolean exists(FsConf fs) throws IOException {
    return status(fs).isPresent();
  }

  /** True when a file is there. */
  public boolean isFile(FsConf fs) throws IOException {
    return local ? Files.isRegularFile(path()) : status(fs).map(Entry::file).orElse(false);
  }

  /** True when a folder is there (on an object store: any object under this prefix). */
  public boolean isDirectory(FsConf fs) throws IOException {
    return local ? Files.isDirectory(path()) : status(fs).map(Entry::directory).orElse(false);
  }

  /** The whole file. */
  public byte[] readAllBytes(FsConf fs) throws IOException {
    if (local) {
      return Files.readAllBytes(path());
    }
    try (InputStream in = open(fs)) {
      return in.readAllBytes();
    }
  }

  /**
   * Replaces the file with {@code bytes}, whole: a reader sees the old content or the new, never a
   * part. Locally a temporary file, fsync and rename ({@link AtomicFiles#write}); on an object store
   * one upload, which the store makes visible only when it is complete; on other Hadoop file systems
   * (HDFS, ADLS with a hierarchical namespace) a temporary file renamed into place.
   */
  public void write(FsConf fs, byte[] bytes) throws IOException {
    requireNonNull(bytes, "bytes is null");
    if (local) {
      AtomicFiles.write(path(), bytes);
      return;
    }
    FileSystem f = fileSystem(fs);
    if (objectStore()) {
      try (OutputStream out = f.create(hadoopPath(), true)) {
        out.write(bytes);
      }
      return;
    }
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(URI.create(parent().text + "/." + name() + "."
        + UUID.randomUUID() + ".tmp"));
    try (OutputStream out = f.create(tmp, false)) {
      out.write(bytes);
    }
    try {
      // One rename that replaces the old file (atomic on HDFS and ADLS Gen2): never a moment without it.
      org.apache.hadoop.fs.FileContext.getFileContext(URI.create(text), fs.configuration())
          .rename(tmp, hadoopPath(), org.apache.hadoop.fs.Options.Rename.OVERWRITE);
    } catch (IOException | RuntimeException e) {
      f.delete(tmp, false);
      throw e instanceof IOException io ? io : new IOException("Cannot rename " + tmp + " to " + text, e);
    }
  }

  /**
   * Creates the file (replacing one that is there) for writing, making its folders. Not atomic: for
   * files inside a folder no reader looks at until something names it (a version folder, a usage
   * store entry before its index).
   */
  public OutputStream create(FsConf fs) throws IOException {
    if (local) {
      Files.createDirectories(path().getParent());
      return Files.newOutputStream(path());
    }
    return fileSystem(fs).create(hadoopPath(), true);
  }

  /** Deletes the file, or the folder and everything in it; nothing when nothing is there. */
  public void delete(FsConf fs) throws IOException {
    if (local) {
      AtomicFiles.deleteRecursively(path());
      return;
    }
    fileSystem(fs).delete(hadoopPath(), true);
  }

  /**
   * Moves this file or folder to {@code target} (which must not exist; its folder is made): locally
   * one atomic rename; on a Hadoop file system its rename (on an object store a copy, so only for
   * small files inside a folder no reader looks at yet).
   */
  public void moveTo(FsConf fs, Location target) throws IOException {
    if (local != target.local) {
      throw new IllegalArgumentException("Cannot move " + text + " to " + target + ": another file system");
    }
    if (local) {
      Files.createDirectories(target.path().getParent());
      Files.move(path(), target.path(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    FileSystem f = fileSystem(fs);
    f.mkdirs(target.parent().hadoopPath());
    if (!f.rename(hadoopPath(), target.hadoopPath())) {
      throw new IOException("Cannot move " + text + " to " + target + ": the file system refused the rename");
    }
  }

  /** Puts a copy of this file at {@code target} (locally a hard link where the file system has them). */
  public void copyTo(FsConf fs, Location target) throws IOException {
    if (local && target.local) {
      Files.createDirectories(target.path().getParent());
      try {
        Files.createLink(target.path(), path());
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(path(), target.path(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try (InputStream in = open(fs); OutputStream out = target.create(fs)) {
      in.transferTo(out);
    }
  }

  /** Object stores (S3, GCS, OSS, COS): no rename, and an upload is visible only when complete. */
  private boolean objectStore() {
    return OBJECT_STORES.contains(text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT));
  }

  private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "oss", "cosn", "obs");

  private static Entry entry(FileStatus s) {
    return new Entry(s.getPath().getName(), s.isFile(), s.isDirectory(), s.isFile() ? s.getLen() : 0,
        s.getModificationTime());
  }

  /** The file system of a location on a Hadoop file system, shared for the JVM (do not close it). */
  public FileSystem hadoopFileSystem() throws IOException {
    if (local) {
      throw new IllegalStateException("Cannot open " + text + " through Hadoop: it is a local path");
    }
    return fileSystem(fs);
  }

  /** The location as Hadoop names it (for Hadoop-based writers such as Parquet's); not for local ones. */
  public org.apache.hadoop.fs.Path hadoopPath() {
    return new org.apache.hadoop.fs.Path(URI.create(text));
  }

  /**
   * The file system of this location's bucket or cluster with {@code fs}: one instance per JVM for each
   * (scheme, authority, settings), whatever Hadoop's own cache is set to ({@code fs.<scheme>.impl.disable.cache}
   * makes every {@code FileSystem.get} a new client with its own threads, never closed).
   */
  private FileSystem fileSystem(FsConf fs) throws IOException {
    URI uri = URI.create(text);
    String root = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getAuthority();
    FileSystemKey key = new FileSystemKey(root, fs);
    FileSystem cached = FILE_SYSTEMS.get(key);
    if (cached != null) {
      return cached;
    }
    synchronized (FILE_SYSTEMS) {
      cached = FILE_SYSTEMS.get(key);
      if (cached == null) {
        cached = FileSystem.newInstance(URI.create(root + "/"), fs.configuration());
        FILE_SYSTEMS.put(key, cached);
      }
      return cached;
    }
  }

  private record FileSystemKey(String root, FsConf fs) {}

  private static final java.util.concurrent.ConcurrentHashMap<FileSystemKey, FileSystem> FILE_SYSTEMS =
      new java.util.concurrent.ConcurrentHashMap<>();

  // The same operations with the location's own settings (see with).

  public InputStream open() throws IOException {
    return open(fs);
  }

  public Optional<Entry> status() throws IOException {
    return status(fs);
  }

  public List<Entry> entries() throws IOException {
    return entries(fs);
  }

  public boolean exists() throws IOException {
    return exists(fs);
  }

  public boolean isFile() throws IOException {
    return isFile(fs);
  }

  public boolean isDirectory() throws IOException {
    return isDirectory(fs);
  }

  public byte[] readAllBytes() throws IOException {
    return readAllBytes(fs);
  }

  public void write(byte[] bytes) throws IOException {
    write(fs, bytes);
  }

  public OutputStream create() throws IOException {
    return create(fs);
  }

  public void delete() throws IOException {
    delete(fs);
  }

  public void moveTo(Location target) throws IOException {
    moveTo(fs, target);
  }

  public void copyTo(Location target) throws IOException {
    copyTo(fs, target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && l.text.equals(text) && l.local == local;
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The path or URI as given (absolute, without a trailing slash). */
  @Override
  public String toString() {
    return text;
  }
}
