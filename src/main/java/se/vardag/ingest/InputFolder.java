package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.vardag.FsConf;
import se.vardag.Location;

/**
 * The input folder: which contract files are there, the usage files, and a check of every
 * header against the contract before any row is read (a broken header stops the run, exit 3).
 *
 * <p>Symbolic links: a link (an input file, a usage file or the usage folder) is followed only
 * when its target lies inside the input folder (after resolving every link). A link that leads
 * outside it, or nowhere, is refused: a broken contract naming the link, never its target or
 * content, so that a link to a secret can neither be read nor quoted. A usage file whose name holds
 * a control or invisible line/direction character is refused too (it could forge log lines).
 *
 * <p>The folder may also be on a Hadoop file system ({@code s3a://bucket/in}, {@code abfss://…}):
 * then it is listed and read through Hadoop's {@code FileSystem} with the session's settings
 * ({@link FsConf}), under the same contract; object stores have no links, so only the name checks
 * apply.
 */
public final class InputFolder {
  private final Location location;
  private final FsConf fs;
  /** The local folder and its real path; null on a Hadoop file system. */
  private final Path dir;
  private final Path real;

  private InputFolder(Location location, FsConf fs, Path dir, Path real) {
    this.location = location;
    this.fs = fs;
    this.dir = dir;
    this.real = real;
  }

  public static InputFolder open(Path dir) {
    return open(Location.of(requireNonNull(dir, "dir is null")), FsConf.none());
  }

  /** The folder at {@code location}; {@code fs} opens it when it is on a Hadoop file system. */
  public static InputFolder open(Location location, FsConf fs) {
    requireNonNull(location, "location is null");
    requireNonNull(fs, "fs is null");
    if (!location.isLocal()) {
      Optional<Location.Entry> status;
      try {
        status = location.status(fs);
      } catch (IOException e) {
        throw IngestErrors.unreadable(location.toString(), e);
      }
      if (status.isEmpty() || !status.get().directory()) {
        throw IngestErrors.inputFolderMissing(location);
      }
      return new InputFolder(location, fs, null, null);
    }
    Path abs = location.path();
    if (!Files.isDirectory(abs)) {
      throw IngestErrors.inputFolderMissing(abs);
    }
    try {
      return new InputFolder(location, fs, abs, abs.toRealPath());
    } catch (IOException e) {
      throw IngestErrors.unreadable(abs.toString(), e);
    }
  }

  /** Where the folder is: a local path or a Hadoop file-system URI. */
  public Location location() {
    return location;
  }

  /** The settings that open the folder's files (none for a local folder). */
  public FsConf fs() {
    return fs;
  }

  /** The contract file, when it is a regular file (or a link to one inside the folder). */
  public Optional<Location> file(FileContract contract) {
    if (dir == null) {
      Location l = location.resolve(contract.name());
      return remoteStatus(l).filter(Location.Entry::file).map(e -> l);
    }
    Path p = dir.resolve(contract.name());
    return Files.isRegularFile(p) && refusal(p) == null ? Optional.of(Location.of(p)) : Optional.empty();
  }

  private Optional<Location.Entry> remoteStatus(Location l) {
    try {
      return l.status(fs);
    } catch (IOException e) {
      throw IngestErrors.unreadable(l.toString(), e);
    }
  }

  /** The usage folder's entries on a Hadoop file system; empty when it is missing. */
  private List<Location.Entry> remoteUsage() {
    Location usage = location.resolve(InputContract.USAGE_DIR);
    Optional<Location.Entry> status = remoteStatus(usage);
    if (status.isEmpty() || !status.get().directory()) {
      return List.of();
    }
    try {
      return usage.list(fs);
    } catch (IOException e) {
      throw IngestErrors.unreadable(InputContract.USAGE_DIR + "/", e);
    }
  }

  /**
   * Why the entry at {@code p} is refused, or null when it may be read: a symbolic link somewhere
   * on the way from the input folder whose target lies outside the folder, or does not exist.
   */
  String refusal(Path p) {
    Path rel = dir.relativize(p);
    Path at = dir;
    boolean linked = false;
    for (Path part : rel) {
      at = at.resolve(part);
      if (Files.isSymbolicLink(at)) {
        linked = true;
      }
    }
    if (!linked) {
      return null;
    }
    try {
      Path target = p.toRealPath();
      if (!target.startsWith(real)) {
        return "is a symbolic link to a file outside the input folder; Vardag reads only files inside it"
            + " (copy the file into the folder instead of linking it). The file was not read";
      }
      return null;
    } catch (IOException e) {
      return "is a symbolic link whose target does not exist or cannot be resolved";
    }
  }

  /** True when a file name could not be shown on one line as it is (control, line or direction characters). */
  static boolean unsafeName(String name) {
    return !IngestErrors.escaped(name).equals(name);
  }

  /**
   * The {@code *.csv} files of the usage folder, sorted by name; empty when the folder is missing.
   * Refused entries (see {@link #refusedEntries}) are not among them.
   */
  public List<UsageFile> usageFiles() {
    List<UsageFile> files = new ArrayList<>();
    if (dir == null) {
      for (Location.Entry e : remoteUsage()) {
        if (e.file() && e.name().toLowerCase(Locale.ROOT).endsWith(".csv") && !e.name().startsWith(".")
            && !unsafeName(e.name())) {
          files.add(new UsageFile(InputContract.USAGE_DIR + "/" + e.name(),
              location.resolve(InputContract.USAGE_DIR).resolve(e.name()).toString(), e.size(), e.modifiedMillis()));
        }
      }
      return files;
    }
    Path usage = dir.resolve(InputContract.USAGE_DIR);
    if (!Files.isDirectory(usage) || refusal(usage) != null) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(usage)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") || name.startsWith(".") || unsafeName(name)
            || refusal(p) != null) {
          continue;
        }
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
          continue; // a dangling link or a file removed meanwhile: refused in checkContract
        }
        if (a.isRegularFile()) {
          files.add(new UsageFile(InputContract.USAGE_DIR + "/" + name, p.toString(), a.size(),
              a.lastModifiedTime().toMillis()));
        }
      }
    } catch (IOException e) {
      throw IngestErrors.unreadable(InputContract.USAGE_DIR + "/", e);
    }
    files.sort((a, b) -> a.name().compareTo(b.name()));
    return files;
  }

  /** Files in the usage folder that are not read (not *.csv), to be named in a warning. */
  public List<String> ignoredUsageEntries() {
    List<String> ignored = new ArrayList<>();
    if (dir == null) {
      for (Location.Entry e : remoteUsage()) {
        if (!unsafeName(e.name()) && (!e.name().toLowerCase(Locale.ROOT).endsWith(".csv") || !e.file())) {
          ignored.add(InputContract.USAGE_DIR + "/" + e.name());
        }
      }
      return ignored;
    }
    Path usage = dir.resolve(InputContract.USAGE_DIR);
    if (!Files.isDirectory(usage) || refusal(usage) != null) {
      return ignored;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(usage)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (unsafeName(name) || (name.toLowerCase(Locale.ROOT).endsWith(".csv") && refusal(p) != null)) {
          continue; // refused in checkContract
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") || !Files.isRegularFile(p)) {
          ignored.add(InputContract.USAGE_DIR + "/" + name);
        }
      }
    } catch (IOException e) {
      throw IngestErrors.unreadable(InputContract.USAGE_DIR + "/", e);
    }
    ignored.sort(String::compareTo);
    return ignored;
  }

  /** Entries that are refused (links leading outside the folder, unsafe names), each as a contract problem. */
  public List<String> refusedEntries() {
    List<String> problems = new ArrayList<>();
    if (dir == null) {
      for (Location.Entry e : remoteUsage()) {
        if (unsafeName(e.name())) {
          problems.add(unsafeNameProblem(e.name()));
        }
      }
      return problems;
    }
    for (FileContract contract : InputContract.SINGLE_FILES) {
      Path p = dir.resolve(contract.name());
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        String why = refusal(p);
        if (why != null) {
          problems.add(contract.name() + ": " + why);
        }
      }
    }
    Path usage = dir.resolve(InputContract.USAGE_DIR);
    String usageWhy = Files.exists(usage, LinkOption.NOFOLLOW_LINKS) ? refusal(usage) : null;
    if (usageWhy != null) {
      problems.add(InputContract.USAGE_DIR + "/: " + usageWhy);
      return problems;
    }
    if (!Files.isDirectory(usage)) {
      return problems;
    }
    List<String> usageProblems = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(usage)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (unsafeName(name)) {
          usageProblems.add(unsafeNameProblem(name));
          continue;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv") && !name.startsWith(".")) {
          String why = refusal(p);
          if (why != null) {
            usageProblems.add(InputContract.USAGE_DIR + "/" + name + ": " + why);
          }
        }
      }
    } catch (IOException e) {
      throw IngestErrors.unreadable(InputContract.USAGE_DIR + "/", e);
    }
    usageProblems.sort(String::compareTo);
    problems.addAll(usageProblems);
    return problems;
  }

  private static String unsafeNameProblem(String name) {
    return InputContract.USAGE_DIR + "/" + IngestErrors.escaped(name) + ": the file name holds control"
        + " or invisible characters (shown as \\u escapes); rename the file. It was not read";
  }

  /**
   * Checks the presence of the required files and every header (of the single files and of the
   * given usage files). Throws the input-contract error listing every problem; returns warnings.
   */
  public List<String> checkContract(Collection<UsageFile> usageToCheck) {
    List<String> problems = new ArrayList<>(refusedEntries());
    List<String> warnings = new ArrayList<>();
    for (FileContract contract : InputContract.SINGLE_FILES) {
      Optional<Location> p = file(contract);
      if (p.isEmpty()) {
        if (contract.required() && (dir == null || refusal(dir.resolve(contract.name())) == null)) {
          problems.add(contract.name() + ": required file is missing from " + location);
        }
        continue;
      }
      checkHeader(p.get(), contract.name(), contract, problems, warnings);
    }
    if (dir == null) {
      Optional<Location.Entry> usage = remoteStatus(location.resolve(InputContract.USAGE_DIR));
      if (usage.isEmpty() || !usage.get().directory()) {
        problems.add(InputContract.USAGE_DIR + "/: required folder of usage logs is missing from " + location);
      } else if (usageFiles().isEmpty()) {
        problems.add(InputContract.USAGE_DIR + "/: the folder holds no *.csv file");
      }
    } else {
      Path usage = dir.resolve(InputContract.USAGE_DIR);
      if (refusal(usage) != null) {
        // named above
      } else if (!Files.isDirectory(usage)) {
        problems.add(InputContract.USAGE_DIR + "/: required folder of usage logs is missing from " + location);
      } else if (usageFiles().isEmpty()) {
        problems.add(InputContract.USAGE_DIR + "/: the folder holds no *.csv file");
      }
    }
    for (UsageFile f : usageToCheck) {
      checkHeader(Location.of(f.path()), f.name(), InputContract.USAGE, problems, warnings);
    }
    for (String ignored : ignoredUsageEntries()) {
      warnings.add(ignored + ": not a *.csv file; ignored");
    }
    if (!problems.isEmpty()) {
      throw IngestErrors.contractBroken(location, problems);
    }
    return warnings;
  }

  private void checkHeader(Location file, String name, FileContract contract, List<String> problems,
      List<String> warnings) {
    try (java.io.InputStream in = file.open(fs)) {
      HeaderMapping m = ContractFileReader.header(in, name, contract, problems);
      if (m != null && !m.missingOptional().isEmpty()) {
        warnings.add(name + ": optional column" + (m.missingOptional().size() == 1 ? " " : "s ")
            + String.join(", ", m.missingOptional()) + " missing from the header; taken as empty in every row");
      }
    } catch (IOException e) {
      problems.add(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
