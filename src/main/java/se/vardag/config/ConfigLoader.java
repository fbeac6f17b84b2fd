package se.vardag.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds a {@link VardagConfig}: reference.conf, then the --config file, then environment
 * variables named {@code VARDAG_} + the key upper-cased with {@code .} as {@code _}. Every value
 * is validated here, so the rest of the program can trust it.
 */
public final class ConfigLoader {
  /** Environment variable holding the SMTP password (alternative to mail.smtp.password_file). */
  public static final String SMTP_PASSWORD_ENV = "VARDAG_MAIL_SMTP_PASSWORD";
  /** Environment variable holding the pseudonym key (alternative to privacy.pseudonym_key_file). */
  public static final String PSEUDONYM_KEY_ENV = "VARDAG_PRIVACY_PSEUDONYM_KEY";

  /** The reserved domain of the default recipient: never sent to through SMTP. */
  static final String PLACEHOLDER_DOMAIN = "example.org";

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private ConfigLoader() {}

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return "VARDAG_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** The defaults alone, as shipped in reference.conf. */
  public static Config reference() {
    return ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "reference.conf",
        ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
  }

  public static VardagConfig load(Optional<Path> file, Map<String, String> env) {
    Config reference = reference();
    Config merged = reference;
    if (file.isPresent()) {
      Config fromFile = parseFile(file.get());
      for (Map.Entry<String, ConfigValue> entry : fromFile.entrySet()) {
        String key = entry.getKey();
        if (key.equals("mail.smtp.password")) {
          throw ConfigErrors.secretInFile(file.get().toString(), key, "Put the password in the environment "
              + "variable " + SMTP_PASSWORD_ENV + " or in a file named by mail.smtp.password_file.");
        }
        if (key.equals("privacy.pseudonym_key")) {
          throw ConfigErrors.secretInFile(file.get().toString(), key, "Put the key in the environment "
              + "variable " + PSEUDONYM_KEY_ENV + " or in a file named by privacy.pseudonym_key_file.");
        }
        if (!reference.hasPath(key)) {
          throw ConfigErrors.unknownKey(file.get().toString(), key);
        }
        checkSameType(key, entry.getValue(), reference.getValue(key));
      }
      merged = fromFile.withFallback(reference);
    }
    for (Map.Entry<String, ConfigValue> entry : reference.entrySet()) {
      String key = entry.getKey();
      String value = env.get(envName(key));
      if (value != null) {
        merged = merged.withValue(key, fromEnv(key, value, entry.getValue().valueType()));
      }
    }
    return build(merged, env);
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ConfigErrors.fileNotFound(file);
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
          .resolve();
    } catch (ConfigException e) {
      throw ConfigErrors.unparsable(file, e.getMessage());
    }
  }

  private static void checkSameType(String key, ConfigValue given, ConfigValue reference) {
    ConfigValueType want = reference.valueType();
    ConfigValueType got = given.valueType();
    if (want == got) {
      return;
    }
    // HOCON lets "5" and 5 stand for each other; accept a string that reads as the wanted type.
    if (got == ConfigValueType.STRING) {
      fromEnv(key, (String) given.unwrapped(), want);
      return;
    }
    if (want == ConfigValueType.STRING && (got == ConfigValueType.NUMBER || got == ConfigValueType.BOOLEAN)) {
      return;
    }
    throw ConfigErrors.wrongType(key, String.valueOf(given.unwrapped()), describe(want));
  }

  private static ConfigValue fromEnv(String key, String raw, ConfigValueType type) {
    String value = raw.trim();
    switch (type) {
      case NUMBER:
        if (!NUMBER.matcher(value).matches()) {
          throw ConfigErrors.wrongType(key, "'" + raw + "'", describe(type));
        }
        return ConfigValueFactory.fromAnyRef(value.contains(".") ? (Object) Double.valueOf(value)
            : (Object) Long.valueOf(value), "environment variable " + envName(key));
      case BOOLEAN:
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("yes") || lower.equals("1")) {
          return ConfigValueFactory.fromAnyRef(true, "environment variable " + envName(key));
        }
        if (lower.equals("false") || lower.equals("no") || lower.equals("0")) {
          return ConfigValueFactory.fromAnyRef(false, "environment variable " + envName(key));
        }
        throw ConfigErrors.wrongType(key, "'" + raw + "'", describe(type));
      default:
        return ConfigValueFactory.fromAnyRef(raw, "environment variable " + envName(key));
    }
  }

  private static String describe(ConfigValueType type) {
    switch (type) {
      case NUMBER:
        return "a number written with digits and an optional '.' decimal point";
      case BOOLEAN:
        return "true or false";
      default:
        return "a string";
    }
  }

  private static VardagConfig build(Config c, Map<String, String> env) {
    ZoneId zone;
    String tz = c.getString("timezone");
    try {
      zone = ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw ConfigErrors.outOfRange("timezone", "'" + tz + "'", "a time zone id such as Europe/Stockholm");
    }
    String locale = c.getString("report.locale").trim().toLowerCase(Locale.ROOT);
    if (!locale.equals("sv") && !locale.equals("en")) {
      throw ConfigErrors.outOfRange("report.locale", "'" + c.getString("report.locale") + "'", "sv or en");
    }
    List<String> to = new ArrayList<>();
    for (String part : c.getString("mail.to").split(",")) {
      if (!part.isBlank()) {
        to.add(address("mail.to", part.trim()));
      }
    }
    String from = address("mail.from", c.getString("mail.from").trim());
    if (!c.getString("mail.smtp.host").isBlank()) {
      for (String r : to) {
        if (r.toLowerCase(Locale.ROOT).endsWith("@" + PLACEHOLDER_DOMAIN)) {
          throw ConfigErrors.placeholderRecipient(r, c.getString("mail.smtp.host").trim());
        }
      }
    }

    String recipientsFile = c.getString("mail.recipients_file").trim();
    List<Recipient> listed = recipientsFile.isEmpty() ? List.of() : RecipientsFile.read(Path.of(recipientsFile));
    if (!c.getString("mail.smtp.host").isBlank()) {
      for (Recipient r : listed) {
        if (r.key().endsWith("@" + PLACEHOLDER_DOMAIN)) {
          throw ConfigErrors.placeholderRecipient(r.email(), c.getString("mail.smtp.host").trim());
        }
      }
    }
    Audience audience = new Audience(to, c.getBoolean("mail.owners"),
        recipientsFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(recipientsFile)), listed);
    String cadenceValue = c.getString("report.cadence");
    Cadence cadence = new Cadence(Cadence.parse(cadenceValue).orElseThrow(() -> ConfigErrors.outOfRange(
        "report.cadence", "'" + cadenceValue + "'", "daily or a weekday in English: monday, tuesday, … sunday")),
        c.getBoolean("report.alerts"));

    String passwordFile = c.getString("mail.smtp.password_file").trim();
    String password = null;
    if (!passwordFile.isEmpty()) {
      password = readSecretFile("mail.smtp.password_file", Path.of(passwordFile));
    } else if (env.get(SMTP_PASSWORD_ENV) != null) {
      password = env.get(SMTP_PASSWORD_ENV);
    }
    SmtpSettings smtp = new SmtpSettings(
        c.getString("mail.smtp.host").trim(),
        intIn(c, "mail.smtp.port", 1, 65535),
        c.getString("mail.smtp.user").trim(),
        password,
        c.getBoolean("mail.smtp.starttls"),
        intIn(c, "mail.smtp.connect_timeout_ms", 1, Integer.MAX_VALUE),
        intIn(c, "mail.smtp.read_timeout_ms", 1, Integer.MAX_VALUE),
        intIn(c, "mail.smtp.write_timeout_ms", 1, Integer.MAX_VALUE),
        intIn(c, "mail.smtp.max_attempts", 1, 100),
        intIn(c, "mail.smtp.retry_backoff_ms", 0, Integer.MAX_VALUE));

    String keyFile = c.getString("privacy.pseudonym_key_file").trim();
    Optional<String> keyFromEnv = Optional.ofNullable(env.get(PSEUDONYM_KEY_ENV)).filter(s -> !s.isBlank());

    FlagThresholds flags = new FlagThresholds(
        intIn(c, "flags.ending_soon_days", 0, 3650),
        doubleIn(c, "flags.follow_up_overdue.factor", 0, 1000),
        intIn(c, "flags.practice_time_unused.after_days", 0, 3650),
        doubleIn(c, "flags.practice_time_unused.min_ratio", 0, 1000),
        doubleIn(c, "flags.low_training_coverage.min_coverage", 0, 1),
        doubleIn(c, "flags.trained_not_using.max_rate", 0, 1),
        intIn(c, "flags.low_adoption.after_days", 0, 3650),
        doubleIn(c, "flags.low_adoption.min_sustained_rate", 0, 1),
        doubleIn(c, "flags.adoption_decay.min_retention", 0, 1000),
        intIn(c, "flags.no_effect.after_days", 0, 3650),
        doubleIn(c, "flags.no_effect.min_improved_share", 0, 1));

    Map<String, Object> effective = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
      effective.put(e.getKey(), e.getValue().unwrapped());
    }

    return new VardagConfig(zone, locale, c.getString("report.organisation").trim(), to, from,
        c.getString("mail.outbox_dir").trim(), smtp, intIn(c, "privacy.min_group_size", 1, 1_000_000),
        keyFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(keyFile)), keyFromEnv,
        doubleIn(c, "quality.max_rejected_share", 0, 1), intIn(c, "quality.max_field_chars", 1, Integer.MAX_VALUE),
        intIn(c, "quality.min_rejected_rows", 1, Integer.MAX_VALUE), intIn(c, "quality.max_usage_lag_days", 0, 3650),
        intIn(c, "quality.max_future_days", 0, 3650),
        intIn(c, "retention.days", 1, 100_000), OutputFormat.parse(c.getString("output.format")),
        c.getString("spark.master").trim(),
        intIn(c, "spark.shuffle_partitions", 1, 100_000), flags, audience, cadence, effective);
  }

  static String address(String key, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw ConfigErrors.outOfRange(key, "a value with a line break", "an e-mail address on one line");
    }
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address.toUnicodeString();
    } catch (AddressException e) {
      throw ConfigErrors.outOfRange(key, "'" + value + "'", "an e-mail address such as ledning@example.se");
    }
  }

  private static int intIn(Config c, String key, int min, int max) {
    long value;
    try {
      Number n = c.getNumber(key);
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw ConfigErrors.outOfRange(key, n, "a whole number");
      }
      value = n.longValue();
    } catch (ConfigException.WrongType e) {
      throw ConfigErrors.wrongType(key, String.valueOf(c.getValue(key).unwrapped()), "a whole number");
    }
    if (value < min || value > max) {
      throw ConfigErrors.outOfRange(key, value, "a whole number from " + min + " to " + max);
    }
    return (int) value;
  }

  private static double doubleIn(Config c, String key, double min, double max) {
    double value;
    try {
      value = c.getDouble(key);
    } catch (ConfigException.WrongType e) {
      throw ConfigErrors.wrongType(key, String.valueOf(c.getValue(key).unwrapped()), "a number");
    }
    if (!(value >= min && value <= max)) {
      throw ConfigErrors.outOfRange(key, value, "a number from " + fmt(min) + " to " + fmt(max));
    }
    return value;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** First line of a secret file, without its line break. */
  static String readSecretFile(String key, Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw ConfigErrors.secretFileUnreadable(key, file, "the file is empty");
      }
      return lines.get(0);
    } catch (IOException e) {
      throw ConfigErrors.secretFileUnreadable(key, file, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }
}
