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
              + " (found: " + String.join(", ", header) + ")");
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
