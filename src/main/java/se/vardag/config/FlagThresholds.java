package se.vardag.config;

import java.io.Serializable;

/**
 * The thresholds of the follow-through flags (SPEC section 4), with the spec's values as the
 * defaults in reference.conf. Serializable: it travels to executors inside metric closures.
 */
public record FlagThresholds(
    int endingSoonDays,
    double followUpOverdueFactor,
    int practiceTimeUnusedAfterDays,
    double practiceTimeUnusedMinRatio,
    double lowTrainingCoverageMin,
    double trainedNotUsingMaxRate,
    int lowAdoptionAfterDays,
    double lowAdoptionMinSustainedRate,
    double adoptionDecayMinRetention,
    int noEffectAfterDays,
    double noEffectMinImprovedShare) implements Serializable {

  /** The spec's values: the same as reference.conf (a test keeps the two equal). */
  public static FlagThresholds specDefaults() {
    return new FlagThresholds(30, 1.5, 27, 0.5, 0.5, 0.3, 28, 0.4, 0.7, 28, 0.5);
  }
}
