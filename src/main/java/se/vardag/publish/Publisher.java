package se.vardag.publish;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.AtomicFiles;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.model.Tables;

/**
 * Atomic publishing of one as-of date D. A run writes everything for D (tables, quarantine,
 * report, manifest) into a version folder {@code _versions/<run-id>/<D>/} that no reader looks
 * at. It then switches one symbolic link, {@code _published/as_of=D}, to that folder with a single
 * rename(2), which replaces the old link atomically. The readers' paths
 * ({@code initiative_adoption/as_of=D} and the rest) are links through {@code _published/as_of=D},
 * so every table of D switches at the same instant: a reader sees the previous complete result
 * or the new one, never a mix, never an empty or half-written partition. A run killed before the
 * switch leaves an unreferenced version folder, removed by a later run.
 *
 * <p>The previous version of D is kept until D is published again (a reader that listed the old
 * files a moment before the switch can still open them); older ones are deleted.
 *
 * <p>On a local disk or a shared POSIX file system (NFS) mounted at the same path on the driver and
 * the executors, the switch is that symbolic link. An object store has no links and no atomic
 * rename, so there (output.format = delta only, see {@link #onHadoop}) the switch is one small
 * object per date, {@code _published/as_of=D.json}, naming the version folder and the one it
 * replaced, written in one upload, which the store makes visible whole or not at all; the
 * analysts read the Delta tables, and the quarantine, report and manifest of D are those of the
 * version folder it names.
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  public static final String VERSIONS = "_versions";
  public static final String PUBLISHED = "_published";
  public static final String PREVIOUS = "_previous";
  public static final String MANIFESTS_DIR = "manifests";
  public static final String RUNS_DIR = "runs";

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final Path output;
  private final Location root;
  private final FsConf fs;
  private final boolean analystLinks;

  public Publisher(Path output) {
    this(output, true);
  }

  private Publisher(Location root, FsConf fs) {
    this.fs = requireNonNull(fs, "fs is null");
    this.root = root.with(fs);
    this.output = null;
    this.analystLinks = false;
  }

  /**
   * The publisher of an output folder at {@code output}: a local one as {@link #Publisher(Path,
   * boolean)}, one on a Hadoop file system with pointer objects (no analysts' links: its tables are
   * Delta tables).
   */
  public static Publisher of(Location output, FsConf fs, boolean analystLinks) {
    return output.isLocal() ? new Publisher(output.path(), analystLinks) : new Publisher(output, fs);
  }

  /**
   * With {@code analystLinks} false the switch makes no {@code <table>/as_of=D} links for the
   * analysts' tables (output.format = delta publishes those as Delta tables); the quarantine,
   * report and manifest links are made as always.
   */
  public Publisher(Path output, boolean analystLinks) {
    this.output = requireNonNull(output, "output is null").toAbsolutePath().normalize();
    this.root = Location.of(this.output);
    this.fs = FsConf.none();
    this.analystLinks = analystLinks;
  }

  /** The output folder. */
  public Location output() {
    return root;
  }

  /** The file-system settings its files are opened with. */
  public FsConf fs() {
    return fs;
  }

  /** True when the output is on a Hadoop file system (pointer objects, no links). */
  public boolean onHadoop() {
    return output == null;
  }

  /** The run's folder under {@code _versions}, where its Spark writes go. */
  public Location runDir(String runId) {
    return root.resolve(VERSIONS).resolve(runId);
  }

  /** The version folder for D of a run: tables, rejected_rows, report, manifest.json. */
  public Location versionDir(String runId, LocalDate asOf) {
    return runDir(runId).resolve(asOf.toString());
  }

  /** The version folder currently published for D, if any. */
  public Optional<Location> published(LocalDate asOf) {
    if (onHadoop()) {
      return pointer(asOf).map(p -> root.resolve(p.version()));
    }
    return publishedLocal(asOf).map(Location::of);
  }

  /** A date's pointer object on a Hadoop file system: its version folder and the one it replaced. */
  private record Pointer(String version, String previous) {}

  private static final java.util.regex.Pattern VERSION_PATH =
      java.util.regex.Pattern.compile(VERSIONS + "/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}/[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private Location pointerFile(LocalDate asOf) {
    return root.resolve(PUBLISHED).resolve("as_of=" + asOf + ".json");
  }

  private Optional<Pointer> pointer(LocalDate asOf) {
    Location file = pointerFile(asOf);
    try {
      if (!file.isFile(fs)) {
        return Optional.empty();
      }
      var node = JSON.readTree(file.readAllBytes(fs));
      String version = node.path("version").asText("");
      String previous = node.path("previous").isTextual() ? node.path("previous").asText() : null;
      // Only a version folder of this output may be named: a pointer drives deletes.
      if (!VERSION_PATH.matcher(version).matches() || (previous != null && !VERSION_PATH.matcher(previous).matches())) {
        throw new IllegalStateException("Cannot read the published pointer " + file + ": it names '" + version + "'"
            + (previous == null ? "" : " and '" + previous + "'") + ", not version folders _versions/<run-id>/<D>."
            + " Restore the pointer from the run manifests (runs/*.json name each date's version_folder) or"
            + " publish " + asOf + " again.");
      }
      return Optional.of(new Pointer(version, previous));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the published pointer " + file, e);
    }
  }

  private Optional<Path> publishedLocal(LocalDate asOf) {
    Path link = output.resolve(PUBLISHED).resolve("as_of=" + asOf);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    try {
      Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
      return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the link " + link, e);
    }
  }

  /** Dates with a published version, sorted. */
  public List<LocalDate> publishedDates() {
    List<LocalDate> out = new ArrayList<>();
    if (onHadoop()) {
      try {
        for (Location.Entry e : root.resolve(PUBLISHED).entries(fs)) {
          String n = e.name();
          if (e.file() && n.startsWith("as_of=") && n.endsWith(".json")) {
            try {
              out.add(LocalDate.parse(n.substring("as_of=".length(), n.length() - ".json".length())));
            } catch (java.time.format.DateTimeParseException ignored) {
              // not ours
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + root.resolve(PUBLISHED), e);
      }
      out.sort(Comparator.naturalOrder());
      return out;
    }
    Path dir = output.resolve(PUBLISHED);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "as_of=*")) {
      for (Path p : s) {
        try {
          out.add(LocalDate.parse(p.getFileName().toString().substring("as_of=".length())));
        } catch (java.time.format.DateTimeParseException ignored) {
          // not ours
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * Makes {@code versionDir} the published result for D, atomically, and makes sure the readers'
   * links exist. Returns the version it replaced, if any.
   */
  public Optional<Location> publish(LocalDate asOf, Location version) {
    if (onHadoop()) {
      return publishPointer(asOf, version);
    }
    Path versionDir = version.path();
    try {
      Path publishedDir = output.resolve(PUBLISHED);
      Files.createDirectories(publishedDir);
      Optional<Path> before = publishedLocal(asOf);
      swapLink(publishedDir.resolve("as_of=" + asOf), publishedDir.relativize(versionDir));
      readerLinks(asOf);
      if (before.isPresent() && !before.get().equals(versionDir.normalize())) {
        rememberPrevious(asOf, before.get());
      }
      return before.map(Location::of);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + asOf + " under " + output, e);
    }
  }

  /**
   * The switch on a Hadoop file system: D's pointer object, replaced in one upload, names the new
   * version and the one it replaced (kept one more round, as the local {@code _previous} link); the
   * version that one displaced is deleted.
   */
  private Optional<Location> publishPointer(LocalDate asOf, Location version) {
    Optional<Pointer> before = pointer(asOf);
    String now = root.relativize(version);
    String previous = before.map(Pointer::version).filter(v -> !v.equals(now)).orElse(before.map(Pointer::previous)
        .orElse(null));
    var node = JSON.createObjectNode().put("as_of", asOf.toString()).put("version", now);
    if (previous != null) {
      node.put("previous", previous);
    } else {
      node.putNull("previous");
    }
    try {
      pointerFile(asOf).write(fs, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
      String displaced = before.map(Pointer::previous).orElse(null);
      if (displaced != null && !displaced.equals(previous) && !displaced.equals(now)) {
        root.resolve(displaced).delete(fs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + asOf + " under " + root, e);
    }
    return before.map(p -> root.resolve(p.version()));
  }

  /** The fixed links readers use; each points through {@code _published/as_of=D}. */
  private void readerLinks(LocalDate asOf) throws IOException {
    String part = "as_of=" + asOf;
    for (String table : analystLinks ? Tables.ANALYST_TABLES : List.<String>of()) {
      link(output.resolve(table).resolve(part), Path.of("..", PUBLISHED, part, table));
    }
    link(output.resolve(Tables.QUARANTINE_DIR).resolve(Tables.REJECTED_ROWS).resolve(part),
        Path.of("..", "..", PUBLISHED, part, Tables.REJECTED_ROWS));
    link(output.resolve(Tables.REPORTS_DIR).resolve(part), Path.of("..", PUBLISHED, part, Tables.REPORT));
    link(output.resolve(MANIFESTS_DIR).resolve(part + ".json"), Path.of("..", PUBLISHED, part, Tables.MANIFEST_FILE));
  }

  private static void link(Path link, Path target) throws IOException {
    if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
      return;
    }
    Files.createDirectories(link.getParent());
    swapLink(link, target);
  }

  /** Points {@code link} at {@code target} in one rename: a reader sees the old target or the new one. */
  private static void swapLink(Path link, Path target) throws IOException {
    Path tmp = link.resolveSibling("." + link.getFileName() + ".switch");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, target);
    Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Keeps the replaced version one more round; deletes the one it displaces. */
  private void rememberPrevious(LocalDate asOf, Path replaced) throws IOException {
    Path dir = output.resolve(PUBLISHED).resolve(PREVIOUS);
    Files.createDirectories(dir);
    Path link = dir.resolve("as_of=" + asOf);
    Path older = null;
    if (Files.isSymbolicLink(link)) {
      older = dir.resolve(Files.readSymbolicLink(link)).normalize();
    }
    swapLink(link, dir.relativize(replaced));
    if (older != null && !older.equals(replaced)) {
      AtomicFiles.deleteRecursively(older);
    }
  }

  /**
   * Removes version folders nothing points at (left by killed or failed runs, or displaced), and
   * run folders that became empty. Never touches {@code keepRun}, the run in progress.
   */
  public void collectGarbage(String keepRun) {
    if (onHadoop()) {
      collectGarbageOnHadoop(keepRun);
      return;
    }
    Path versions = output.resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      return;
    }
    List<Path> referenced = new ArrayList<>();
    for (LocalDate d : publishedDates()) {
      publishedLocal(d).ifPresent(referenced::add);
    }
    Path previousDir = output.resolve(PUBLISHED).resolve(PREVIOUS);
    if (Files.isDirectory(previousDir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(previousDir, "as_of=*")) {
        for (Path p : s) {
          if (Files.isSymbolicLink(p)) {
            referenced.add(previousDir.resolve(Files.readSymbolicLink(p)).normalize());
          }
        }
      } catch (IOException e) {
        LOG.warn("Cannot list {}: {}", previousDir, e.toString());
      }
    }
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(versions)) {
      for (Path run : runs) {
        if (run.getFileName().toString().equals(keepRun)) {
          continue;
        }
        try (Stream<Path> children = Files.list(run)) {
          for (Path version : (Iterable<Path>) children::iterator) {
            if (!referenced.contains(version.normalize())) {
              AtomicFiles.deleteRecursively(version);
            }
          }
        }
        try (Stream<Path> left = Files.list(run)) {
          if (left.findAny().isEmpty()) {
            Files.deleteIfExists(run);
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot clean {}: {}", versions, e.toString());
    }
  }

  private void collectGarbageOnHadoop(String keepRun) {
    Set<String> referenced = new HashSet<>();
    for (LocalDate d : publishedDates()) {
      pointer(d).ifPresent(p -> {
        referenced.add(p.version());
        if (p.previous() != null) {
          referenced.add(p.previous());
        }
      });
    }
    Location versions = root.resolve(VERSIONS);
    try {
      for (Location.Entry run : versions.entries(fs)) {
        if (!run.directory() || run.name().equals(keepRun)) {
          continue;
        }
        Location runDir = versions.resolve(run.name());
        boolean keep = false;
        for (Location.Entry version : runDir.entries(fs)) {
          if (referenced.contains(VERSIONS + "/" + run.name() + "/" + version.name())) {
            keep = true;
          } else {
            runDir.resolve(version.name()).delete(fs);
          }
        }
        if (!keep) {
          runDir.delete(fs);
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot clean {}: {}", versions, e.toString());
    }
  }

  /**
   * Deletes the quarantine of published dates older than {@code keepFrom} (its rows are the data
   * team's to fix and are not kept forever). The analysts' tables of those dates stay.
   */
  public List<LocalDate> expireQuarantine(LocalDate keepFrom) {
    List<LocalDate> expired = new ArrayList<>();
    for (LocalDate d : publishedDates()) {
      if (!d.isBefore(keepFrom)) {
        continue;
      }
      if (onHadoop()) {
        try {
          Optional<Location> version = published(d);
          if (version.isPresent() && version.get().resolve(Tables.REJECTED_ROWS).exists(fs)) {
            version.get().resolve(Tables.REJECTED_ROWS).delete(fs);
            expired.add(d);
          }
        } catch (IOException e) {
          LOG.warn("Cannot expire the quarantine of {}: {}", d, e.toString());
        }
        continue;
      }
      Path link = output.resolve(Tables.QUARANTINE_DIR).resolve(Tables.REJECTED_ROWS).resolve("as_of=" + d);
      try {
        boolean had = Files.deleteIfExists(link);
        Optional<Path> version = publishedLocal(d);
        if (version.isPresent() && Files.exists(version.get().resolve(Tables.REJECTED_ROWS))) {
          AtomicFiles.deleteRecursively(version.get().resolve(Tables.REJECTED_ROWS));
          had = true;
        }
        if (had) {
          expired.add(d);
        }
      } catch (IOException e) {
        LOG.warn("Cannot expire the quarantine of {}: {}", d, e.toString());
      }
    }
    return expired;
  }

  /**
   * The error to report when {@code e} (or one of its causes) says the output's file system is
   * full ("No space left on device", or a disk quota exceeded); null for any other failure.
   */
  public static se.vardag.VardagException storageFull(Location output, Throwable e) {
    String reason = storageFullReason(e);
    if (reason == null) {
      return null;
    }
    return new se.vardag.VardagException(se.vardag.ExitCode.OUTPUT_STORAGE_FULL, "Cannot write to the output folder "
        + output + ": " + reason + ". Free space on that file system (or pass an --output on a larger one) and run"
        + " again. A date is published only once all its files are written, so what was published before is"
        + " unchanged.");
  }

  private static String storageFullReason(Throwable e) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String m = t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
          : t.getMessage();
      if (m == null) {
        continue;
      }
      if (m.contains("No space left on device")) {
        return "no space left on its file system";
      }
      if (m.contains("Disk quota exceeded")) {
        return "the disk quota of its file system is exceeded";
      }
    }
    return null;
  }

  /**
   * Writes the run manifest; when the file system is full, logs one line instead (there is no
   * room for it) and leaves no partial file behind. Any other failure is thrown.
   */
  public static void writeManifestIfRoom(RunManifest manifest, Location file, FsConf fs) {
    try {
      manifest.write(file, fs);
    } catch (UncheckedIOException e) {
      if (storageFullReason(e) == null) {
        throw e;
      }
      LOG.warn("Cannot write the run manifest {}: no space left on its file system.", file);
    }
  }
}
