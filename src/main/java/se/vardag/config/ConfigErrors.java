package se.vardag.config;

import java.nio.file.Path;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/** Every configuration error, each naming the key, the value and the remedy. Exit code 2. */
public final class ConfigErrors {
  private ConfigErrors() {}

  private static VardagException error(String message) {
    return new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, message);
  }

  public static VardagException fileNotFound(Path file) {
    return error("Cannot read configuration file " + file + ": it does not exist. "
        + "Pass an existing HOCON file with --config, or leave --config out to use the defaults.");
  }

  public static VardagException unparsable(Path file, String detail) {
    return error("Cannot parse configuration file " + file + ": " + detail
        + ". The file must be HOCON (a superset of JSON); see docs/configuration.md.");
  }

  public static VardagException unknownKey(String origin, String key) {
    return error("Cannot use configuration key " + key + " from " + origin
        + ": it is not a Vardag key. See docs/configuration.md for the keys and their spelling.");
  }

  public static VardagException wrongType(String key, String value, String expected) {
    return error("Cannot use " + value + " for configuration key " + key + ": expected " + expected
        + " (environment variable " + ConfigLoader.envName(key) + " or the --config file).");
  }

  public static VardagException outOfRange(String key, Object value, String expected) {
    return error("Cannot use " + value + " for configuration key " + key + ": expected " + expected + ".");
  }

  public static VardagException placeholderRecipient(String recipient, String host) {
    return error("Cannot send the report through " + host + " to " + recipient + ": mail.to still holds the"
        + " placeholder of the defaults. Set mail.to (or VARDAG_MAIL_TO) to the real recipients.");
  }

  public static VardagException secretInFile(String origin, String key, String remedy) {
    return error("Cannot read " + key + " from " + origin
        + ": secrets never go into configuration files. " + remedy);
  }

  public static VardagException secretFileUnreadable(String key, Path file, String detail) {
    return error("Cannot read the file named by " + key + ", " + file + ": " + detail
        + ". Create it (one line, readable only by the job's user) or leave " + key + " empty.");
  }

  public static VardagException recipientsFileMissing(Path file) {
    return error("Cannot read the file named by mail.recipients_file, " + file + ": it does not exist. "
        + "Create it (a CSV file with the header email,scope) or leave mail.recipients_file empty.");
  }

  public static VardagException recipientsFileUnreadable(Path file, String detail) {
    return error("Cannot read the file named by mail.recipients_file, " + file + ": " + detail + ".");
  }

  /** A bad line of the recipients file; {@code column} is null when the line as a whole is wrong. */
  public static VardagException recipientsFileLine(Path file, long line, String column, String found, String expected) {
    return error("Cannot read mail.recipients_file " + file + ", line " + line
        + (column == null ? "" : ", column " + column) + ": found " + found + ", expected " + expected
        + ". Fix the line and run again: no run starts while the file has a bad line.");
  }
}
