package se.vardag.publish;

import java.time.LocalDate;
import java.util.List;

/**
 * How a run's complete version folders become the published result (SPEC section 5,
 * {@code output.format}). When it is called, every date of the run has its tables, quarantine,
 * report and manifest written under {@code _versions/<run-id>/<D>/}; nothing of the run is
 * visible to readers yet.
 *
 * <ul>
 *   <li>{@link ParquetPublishing} ({@code parquet}): one symbolic-link switch per date, today's layout.
 *   <li>{@link DeltaPublishing} ({@code delta}): one {@code replaceWhere} commit per analyst table,
 *       then the same switch for the quarantine, report and manifest, then the publication log.
 * </ul>
 */
public interface Publishing {
  /** {@code parquet} or {@code delta}, as in the configuration. */
  String format();

  /**
   * Publishes {@code dates} (ascending) from the version folders of run {@code runId}; records
   * what it committed on {@code manifest} (the run's manifest, written after this returns).
   */
  void publish(String runId, List<LocalDate> dates, RunManifest manifest);
}
