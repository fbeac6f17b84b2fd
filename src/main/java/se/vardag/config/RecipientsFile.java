package se.vardag.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code mail.recipients_file}: UTF-8 CSV with the header {@code email,scope} (either order, any
 * case), one recipient and scope per line. Every line is checked when the configuration is loaded, so
 * a bad line stops the run before anything is computed, with its line number and what was expected.
 */
final class RecipientsFile {
  static final String KEY = "mail.recipients_file";
  /** An org-unit path: segments separated by single slashes, none empty. */
  private static final Pattern ORG_UNIT = Pattern.compile("[^/]+(/[^/]+)*");

  private RecipientsFile() {}

  static List<Recipient> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ConfigErrors.recipientsFileMissing(file);
    }
    String content;
    try {
      content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw ConfigErrors.recipientsFileLine(file, 0, null, "a byte sequence that is not UTF-8", "a UTF-8 file");
    } catch (IOException e) {
      throw ConfigErrors.recipientsFileUnreadable(file, e.getClass().getSimpleName() + " " + e.getMessage());
    }
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();
    Map<String, String> emails = new LinkedHashMap<>();
    Map<String, Set<String>> scopes = new LinkedHashMap<>();
    try (Reader reader = new java.io.StringReader(content); CSVParser parser = format.parse(reader)) {
      int emailAt = -1;
      int scopeAt = -1;
      boolean header = true;
      long scanned = 0;
      long lineNo = 1;
      for (CSVRecord r : parser) {
        for (; scanned < r.getCharacterPosition() && scanned < content.length(); scanned++) {
          if (content.charAt((int) scanned) == '\n') {
            lineNo++;
          }
        }
        long line = lineNo;
        if (r.size() == 1 && r.get(0).isBlank()) {
          continue; // an empty line
        }
        if (header) {
          header = false;
          for (int i = 0; i < r.size(); i++) {
            String name = r.get(i).trim().toLowerCase(Locale.ROOT);
            if (name.equals("email")) {
              emailAt = i;
            } else if (name.equals("scope")) {
              scopeAt = i;
            } else {
              throw ConfigErrors.recipientsFileLine(file, line, null, "the column '" + r.get(i) + "'",
                  "the header email,scope and no other column");
            }
          }
          if (emailAt < 0 || scopeAt < 0) {
            throw ConfigErrors.recipientsFileLine(file, line, null, "the header '" + String.join(",", r) + "'",
                "the header email,scope");
          }
          continue;
        }
        if (r.size() != 2) {
          throw ConfigErrors.recipientsFileLine(file, line, null, r.size() + " fields", "2 fields: email,scope");
        }
        String email = address(file, line, r.get(emailAt).trim());
        String scope = scope(file, line, r.get(scopeAt).trim());
        String key = email.toLowerCase(Locale.ROOT);
        emails.putIfAbsent(key, email);
        scopes.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(scope);
      }
      if (header) {
        throw ConfigErrors.recipientsFileLine(file, 1, null, "an empty file", "the header email,scope");
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw ConfigErrors.recipientsFileUnreadable(file, String.valueOf(e.getMessage()));
    }
    List<Recipient> out = new ArrayList<>();
    for (Map.Entry<String, String> e : emails.entrySet()) {
      out.add(new Recipient(e.getValue(), new ArrayList<>(scopes.get(e.getKey()))));
    }
    return out;
  }

  private static String address(Path file, long line, String value) {
    try {
      return ConfigLoader.address("email", value);
    } catch (RuntimeException e) {
      throw ConfigErrors.recipientsFileLine(file, line, "email", value.isEmpty() ? "an empty value" : "'" + value + "'",
          "an e-mail address such as chef.it@example.se");
    }
  }

  /** {@code all} (any case) or an org-unit prefix, without a leading or trailing slash. */
  static String scope(Path file, long line, String value) {
    if (value.equalsIgnoreCase(Recipient.ALL)) {
      return Recipient.ALL;
    }
    if (!ORG_UNIT.matcher(value).matches() || value.chars().anyMatch(Character::isISOControl)) {
      throw ConfigErrors.recipientsFileLine(file, line, "scope", value.isEmpty() ? "an empty value" : "'" + value + "'",
          "'all' or an org-unit prefix such as IT/Service Desk (no leading, trailing or double '/')");
    }
    return value;
  }
}
