package se.vardag;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

  private Location(String text, boolean local) {
    this.text = text;
    this.local = local;
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
    return local ? of(path().resolve(child)) : new Location(text + "/" + child, false);
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

  private static Entry entry(FileStatus s) {
    return new Entry(s.getPath().getName(), s.isFile(), s.isDirectory(), s.isFile() ? s.getLen() : 0,
        s.getModificationTime());
  }

  private org.apache.hadoop.fs.Path hadoopPath() {
    return new org.apache.hadoop.fs.Path(URI.create(text));
  }

  private FileSystem fileSystem(FsConf fs) throws IOException {
    return FileSystem.get(URI.create(text), fs.configuration());
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
