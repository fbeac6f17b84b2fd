package se.vardag.metrics;

/** The follow-through flags of SPEC section 4, in the spec's order, with pillar and severity. */
public enum FlagCode {
  NO_OWNER("ownership", Severity.HIGH),
  OWNER_LEFT("ownership", Severity.HIGH),
  NO_MANDATE("ownership", Severity.MEDIUM),
  NO_GOAL("strategy", Severity.MEDIUM),
  NO_FOLLOW_UP_CADENCE("follow-up", Severity.MEDIUM),
  FOLLOW_UP_OVERDUE("follow-up", Severity.HIGH),
  NO_PRACTICE_TIME("time", Severity.MEDIUM),
  PRACTICE_TIME_UNUSED("time", Severity.MEDIUM),
  NO_TRAINING_PLAN("competence", Severity.MEDIUM),
  LOW_TRAINING_COVERAGE("competence", Severity.MEDIUM),
  TRAINED_NOT_USING("competence", Severity.HIGH),
  NO_LEARNING_FOLLOW_UP("competence", Severity.MEDIUM),
  NO_USAGE_SIGNAL("usage", Severity.MEDIUM),
  LOW_ADOPTION("usage", Severity.HIGH),
  ADOPTION_DECAY("usage", Severity.HIGH),
  NO_EFFECT_MEASURE("effect", Severity.MEDIUM),
  NO_EFFECT("effect", Severity.MEDIUM),
  NO_PILOT_END("follow-up", Severity.MEDIUM),
  USAGE_DATA_MISSING("usage", Severity.MEDIUM);

  /** How urgent a flag is. */
  public enum Severity {
    HIGH,
    MEDIUM;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String pillar;
  private final Severity severity;

  FlagCode(String pillar, Severity severity) {
    this.pillar = pillar;
    this.severity = severity;
  }

  public String pillar() {
    return pillar;
  }

  public Severity severity() {
    return severity;
  }
}
