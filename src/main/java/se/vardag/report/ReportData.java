package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    DataQuality quality,
    Changes.Earlier earlier,
    List<HistoryRow> history) {

  /**
   * {@code earlier}: the previous report's verdicts and flags, null when there is none to compare
   * with; {@code history}: initiative_history's rows of D (empty for a date published without it).
   */
  public ReportData {
    requireNonNull(asOf, "asOf is null");
    initiatives = List.copyOf(initiatives);
    flags = List.copyOf(flags);
    weeks = List.copyOf(weeks);
    units = List.copyOf(units);
    requireNonNull(quality, "quality is null");
    history = List.copyOf(history);
    if (earlier != null && !earlier.asOf().isBefore(asOf)) {
      throw new IllegalArgumentException("Cannot compare the report for " + asOf + " with a later one: "
          + earlier.asOf());
    }
  }

  /** A report with nothing to compare with. */
  public ReportData(LocalDate asOf, List<InitiativeRow> initiatives, List<FlagRow> flags, List<WeekRow> weeks,
      List<UnitRow> units, DataQuality quality) {
    this(asOf, initiatives, flags, weeks, units, quality, null, List.of());
  }

  /** The same data compared with {@code earlier}. */
  ReportData comparedWith(Changes.Earlier earlier) {
    return new ReportData(asOf, initiatives, flags, weeks, units, quality, earlier, history);
  }

  /**
   * The same data for one recipient's scope: the initiatives in it with their flags, weeks, units and
   * history, compared with the earlier report's facts of the same initiatives (an initiative gone from
   * the register has no targets any more to place it in a scope, so only the whole organisation's
   * report names it). The data-quality facts are the organisation's and stay.
   */
  public ReportData scopedTo(Scope scope) {
    if (scope.isAll()) {
      return this;
    }
    return new ReportData(asOf,
        initiatives.stream().filter(i -> scope.includes(i.id())).toList(),
        flags.stream().filter(f -> scope.includes(f.initiativeId())).toList(),
        weeks.stream().filter(w -> scope.includes(w.initiativeId())).toList(),
        units.stream().filter(u -> scope.includes(u.initiativeId())).toList(),
        quality, earlier == null ? null : earlier.scopedTo(scope),
        history.stream().filter(h -> scope.includes(h.initiativeId())).toList());
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

  /** One row of {@code initiative_history}: the verdict as of {@code weekEnd} = D - 7 x {@code weekIndex}. */
  public record HistoryRow(String initiativeId, int weekIndex, LocalDate weekEnd, String verdict) {}

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
   * A signal source named by an initiative (manifest key {@code usage_sources}): its last event date on
   * or before D (null when it never had one) and whether it is silent (no event from anyone in D-6 … D).
   */
  public record UsageSource(String source, LocalDate lastEventDate, boolean silent) {
    public UsageSource {
      requireNonNull(source, "source is null");
    }
  }

  /**
   * A rejected row of initiatives.csv (manifest key {@code register_rejections}): its line (null when not
   * known), the reason, and its initiative_id and name where they could be read (else null).
   */
  public record RegisterRejection(Long line, String reason, String initiativeId, String name) {
    public RegisterRejection {
      requireNonNull(reason, "reason is null");
    }
  }

  /**
   * The data-quality facts for the footer and the top of the report. {@code manifestFound} false means
   * the manifest could not be read; the rejected count then comes from the rejected_rows table alone.
   * {@code usageSources} and {@code registerRejections} are empty for a manifest written before revision 2.
   */
  public record DataQuality(boolean manifestFound, List<InputFile> inputs, long rejectedRowsTotal,
      Map<String, Long> rejectedByFile, List<String> missingOptionalInputs, List<UsageSource> usageSources,
      List<RegisterRejection> registerRejections) {
    public DataQuality {
      inputs = List.copyOf(inputs);
      rejectedByFile = Collections.unmodifiableMap(new TreeMap<>(rejectedByFile));
      missingOptionalInputs = List.copyOf(missingOptionalInputs);
      usageSources = List.copyOf(usageSources);
      registerRejections = List.copyOf(registerRejections);
    }

    /** Without the revision-2 keys (no usage sources, no named register rejections). */
    public DataQuality(boolean manifestFound, List<InputFile> inputs, long rejectedRowsTotal,
        Map<String, Long> rejectedByFile, List<String> missingOptionalInputs) {
      this(manifestFound, inputs, rejectedRowsTotal, rejectedByFile, missingOptionalInputs, List.of(), List.of());
    }

    public DataQuality withUsageSources(List<UsageSource> sources) {
      return new DataQuality(manifestFound, inputs, rejectedRowsTotal, rejectedByFile, missingOptionalInputs,
          sources, registerRejections);
    }

    public DataQuality withRegisterRejections(List<RegisterRejection> rejections) {
      return new DataQuality(manifestFound, inputs, rejectedRowsTotal, rejectedByFile, missingOptionalInputs,
          usageSources, rejections);
    }

    public boolean missing(String file) {
      return missingOptionalInputs.contains(file);
    }

    public Optional<InputFile> input(String file) {
      return inputs.stream().filter(i -> i.file().equals(file)).findFirst();
    }
  }
}
