package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each contract column sits in a file's header. Names are matched case-insensitively after
 * trimming; column order is free; extra columns are ignored.
 */
public final class HeaderMapping implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FileContract contract;
  private final int[] positions;
  private final int width;
  private final List<String> missingOptional;

  private HeaderMapping(FileContract contract, int[] positions, int width, List<String> missingOptional) {
    this.contract = contract;
    this.positions = positions;
    this.width = width;
    this.missingOptional = List.copyOf(missingOptional);
  }

  /**
   * Maps a header. Problems that break the contract (a missing required column, a repeated
   * column name) are added to {@code problems}; the mapping is then null.
   */
  public static HeaderMapping resolve(FileContract contract, String file, List<String> header, List<String> problems) {
    requireNonNull(contract, "contract is null");
    Map<String, Integer> byName = new HashMap<>();
    List<String> local = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = Values.trim(header.get(i)).toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      Integer before = byName.putIfAbsent(name, i);
      if (before != null && contract.columns().stream().anyMatch(c -> c.name().equals(name))) {
        local.add(file + ":1: column " + name + " appears twice in the header (columns " + (before + 1) + " and "
            + (i + 1) + "); keep one");
      }
    }
    int[] positions = new int[contract.columns().size()];
    List<String> missingOptional = new ArrayList<>();
    for (int c = 0; c < positions.length; c++) {
      Column column = contract.columns().get(c);
      Integer at = byName.get(column.name());
      if (at == null) {
        positions[c] = -1;
        if (column.required()) {
          local.add(file + ":1: required column " + column.name() + " is missing from the header"
              + " (found: " + found(contract, header) + ")");
        } else {
          missingOptional.add(column.name());
        }
      } else {
        positions[c] = at;
      }
    }
    if (!local.isEmpty()) {
      problems.addAll(local);
      return null;
    }
    return new HeaderMapping(contract, positions, header.size(), missingOptional);
  }

  /**
   * The header's fields as a message may show them: only fields that look like column names (the
   * name of a column of some contract file, or within two edits of one of this file's columns) are
   * quoted; the rest are counted, never shown, since a "header" that is really a data row, or
   * another file altogether, would otherwise put its content into the log.
   */
  static String found(FileContract contract, List<String> header) {
    List<String> shown = new ArrayList<>();
    int hidden = 0;
    for (String field : header) {
      String name = field.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (looksLikeColumnName(contract, name)) {
        shown.add(name);
      } else {
        hidden++;
      }
    }
    if (hidden > 0) {
      shown.add(hidden + (hidden == 1 ? " field that does not" : " fields that do not")
          + " look like a column name (not shown)");
    }
    return shown.isEmpty() ? "nothing" : String.join(", ", shown);
  }

  private static boolean looksLikeColumnName(FileContract contract, String name) {
    if (name.isEmpty() || name.length() > 40 || !name.matches("[a-z][a-z0-9_]*")) {
      return false;
    }
    for (FileContract c : InputContract.ALL_FILES) {
      for (Column column : c.columns()) {
        if (column.name().equals(name)) {
          return true;
        }
      }
    }
    for (Column column : contract.columns()) {
      if (column.name().length() >= 6 && editDistance(column.name(), name) <= 2) {
        return true;
      }
    }
    return false;
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  public FileContract contract() {
    return contract;
  }

  /** Position in the record of contract column {@code c}, or -1 when the file lacks it. */
  public int position(int c) {
    return positions[c];
  }

  /** Number of fields in the header; every record must have as many. */
  public int width() {
    return width;
  }

  /** Optional contract columns the file does not have: all their values are taken as empty. */
  public List<String> missingOptional() {
    return missingOptional;
  }
}
