package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The input folder: which contract files are there, the usage files, and a check of every
 * header against the contract before any row is read (a broken header stops the run, exit 3).
 */
public final class InputFolder {
  private final Path dir;

  private InputFolder(Path dir) {
    this.dir = dir;
  }

  public static InputFolder open(Path dir) {
    requireNonNull(dir, "dir is null");
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw IngestErrors.inputFolderMissing(dir);
    }
    return new InputFolder(abs);
  }

  public Path dir() {
    return dir;
  }

  public Optional<Path> file(FileContract contract) {
    Path p = dir.resolve(contract.name());
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** The {@code *.csv} files of the usage folder, sorted by name; empty when the folder is missing. */
  public List<UsageFile> usageFiles() {
    Path usage = dir.resolve(InputContract.USAGE_DIR);
    List<UsageFile> files = new ArrayList<>();
    if (!Files.isDirectory(usage)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(usage)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") || name.startsWith(".")) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
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
    Path usage = dir.resolve(InputContract.USAGE_DIR);
    List<String> ignored = new ArrayList<>();
    if (!Files.isDirectory(usage)) {
      return ignored;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(usage)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
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

  /**
   * Checks the presence of the required files and every header (of the single files and of the
   * given usage files). Throws the input-contract error listing every problem; returns warnings.
   */
  public List<String> checkContract(Collection<UsageFile> usageToCheck) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (FileContract contract : InputContract.SINGLE_FILES) {
      Optional<Path> p = file(contract);
      if (p.isEmpty()) {
        if (contract.required()) {
          problems.add(contract.name() + ": required file is missing from " + dir);
        }
        continue;
      }
      checkHeader(p.get(), contract.name(), contract, problems, warnings);
    }
    Path usage = dir.resolve(InputContract.USAGE_DIR);
    if (!Files.isDirectory(usage)) {
      problems.add(InputContract.USAGE_DIR + "/: required folder of usage logs is missing from " + dir);
    } else if (usageFiles().isEmpty()) {
      problems.add(InputContract.USAGE_DIR + "/: the folder holds no *.csv file");
    }
    for (UsageFile f : usageToCheck) {
      checkHeader(Path.of(f.path()), f.name(), InputContract.USAGE, problems, warnings);
    }
    for (String ignored : ignoredUsageEntries()) {
      warnings.add(ignored + ": not a *.csv file; ignored");
    }
    if (!problems.isEmpty()) {
      throw IngestErrors.contractBroken(dir, problems);
    }
    return warnings;
  }

  private static void checkHeader(Path path, String name, FileContract contract, List<String> problems,
      List<String> warnings) {
    try {
      HeaderMapping m = ContractFileReader.header(path, name, contract, problems);
      if (m != null && !m.missingOptional().isEmpty()) {
        warnings.add(name + ": optional column" + (m.missingOptional().size() == 1 ? " " : "s ")
            + String.join(", ", m.missingOptional()) + " missing from the header; taken as empty in every row");
      }
    } catch (IOException e) {
      problems.add(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
