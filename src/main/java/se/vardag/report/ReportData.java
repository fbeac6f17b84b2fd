package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report is made of, read from one version folder: the published tables (small; one
 * row per initiative, flag, week or unit) and the data-quality facts of the run manifest.
 */
public record ReportData(
    LocalDate asOf,
    List<InitiativeRow> initiatives,
    List<FlagRow> flags,
    List<WeekRow> weeks,
    List<UnitRow> units,
    DataQuality quality) {

  public ReportData {
    requireNonNull(asOf, "asOf is null");
    initiatives = List.copyOf(initiatives);
    flags = List.copyOf(flags);
    weeks = List.copyOf(weeks);
    units = List.copyOf(units);
    requireNonNull(quality, "quality is null");
  }

  /** One row of {@code follow_through_flags}. */
  public record FlagRow(String initiativeId, String name, String code, String pillar, String severity,
      String evidence, Map<String, String> evidenceArgs, String verdict) {
    public FlagRow {
      evidenceArgs = evidenceArgs == null ? Map.of() : Map.copyOf(evidenceArgs);
    }

    public boolean high() {
      return "high".equals(severity);
    }
  }

  /** One row of {@code weekly_active}; {@code activeUsers} is null when suppressed. */
  public record WeekRow(String initiativeId, String name, int weekIndex, LocalDate weekStart,
      LocalDate weekEnd, Long activeUsers, boolean suppressed) {}

  /** One row of {@code unit_adoption}. */
  public record UnitRow(String initiativeId, String name, String orgUnit, long targetPopulation,
      Long trained, Long activeUsers, Long sustainedUsers, Double trainingCoverage, Double adoptionRate,
      Double sustainedRate, boolean suppressed, String suppression) {}

  /** One input file of the run manifest. */
  public record InputFile(String file, boolean required, boolean present, long rowsRead, long rowsRejected) {}

  /**
   * The data-quality facts for the footer. {@code manifestFound} false means the manifest could not be
   * read; the rejected count then comes from the rejected_rows table alone.
   */
  public record DataQuality(boolean manifestFound, List<InputFile> inputs, long rejectedRowsTotal,
      Map<String, Long> rejectedByFile, List<String> missingOptionalInputs) {
    public DataQuality {
      inputs = List.copyOf(inputs);
      rejectedByFile = Collections.unmodifiableMap(new TreeMap<>(rejectedByFile));
      missingOptionalInputs = List.copyOf(missingOptionalInputs);
    }

    public boolean missing(String file) {
      return missingOptionalInputs.contains(file);
    }

    public Optional<InputFile> input(String file) {
      return inputs.stream().filter(i -> i.file().equals(file)).findFirst();
    }
  }
}
