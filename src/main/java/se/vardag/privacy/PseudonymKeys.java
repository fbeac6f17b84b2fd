package se.vardag.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;

/**
 * Finds the pseudonym key: the environment variable VARDAG_PRIVACY_PSEUDONYM_KEY, else the file
 * named by privacy.pseudonym_key_file, else {@code $HOME/.vardag/pseudonym.key}, created with 32
 * random bytes (mode 600) on first use. Losing the key costs nothing but a rebuild of the state.
 */
public final class PseudonymKeys {
  private PseudonymKeys() {}

  public static Pseudonymizer resolve(VardagConfig config, Path home) {
    if (config.pseudonymKeyFromEnv().isPresent()) {
      return fromText(config.pseudonymKeyFromEnv().get(), "environment variable " + ConfigLoader.PSEUDONYM_KEY_ENV);
    }
    Path file = config.pseudonymKeyFile().orElse(home.resolve(".vardag").resolve("pseudonym.key"));
    try {
      if (config.pseudonymKeyFile().isEmpty() && !Files.exists(file)) {
        create(file);
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        throw keyError("the file " + file + " is empty");
      }
      return fromText(lines.get(0).strip(), "file " + file);
    } catch (IOException e) {
      throw keyError("the file " + file + " cannot be read or created (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Pseudonymizer fromText(String text, String origin) {
    byte[] key = text.getBytes(StandardCharsets.UTF_8);
    if (key.length < 16) {
      throw keyError("the key from the " + origin + " is shorter than 16 characters");
    }
    return new Pseudonymizer(key);
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(tmp);
    }
  }

  private static VardagException keyError(String detail) {
    return new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, "Cannot read the pseudonym key: " + detail
        + ". Set privacy.pseudonym_key_file to a file holding one line of at least 16 characters "
        + "(for example 64 hex digits), or set " + ConfigLoader.PSEUDONYM_KEY_ENV + ".");
  }
}
