package se.vardag.model;

/** The follow-through flags of SPEC section 4, in the spec's order, with pillar and severity. */
public enum FlagCode {
  NO_OWNER(Pillar.OWNERSHIP, Severity.HIGH),
  OWNER_LEFT(Pillar.OWNERSHIP, Severity.HIGH),
  NO_MANDATE(Pillar.OWNERSHIP, Severity.MEDIUM),
  NO_GOAL(Pillar.STRATEGY, Severity.MEDIUM),
  NO_FOLLOW_UP_CADENCE(Pillar.FOLLOW_UP, Severity.MEDIUM),
  FOLLOW_UP_OVERDUE(Pillar.FOLLOW_UP, Severity.HIGH),
  NO_PRACTICE_TIME(Pillar.TIME, Severity.MEDIUM),
  PRACTICE_TIME_UNUSED(Pillar.TIME, Severity.MEDIUM),
  NO_TRAINING_PLAN(Pillar.COMPETENCE, Severity.MEDIUM),
  LOW_TRAINING_COVERAGE(Pillar.COMPETENCE, Severity.MEDIUM),
  TRAINED_NOT_USING(Pillar.COMPETENCE, Severity.HIGH),
  NO_LEARNING_FOLLOW_UP(Pillar.COMPETENCE, Severity.MEDIUM),
  NO_USAGE_SIGNAL(Pillar.USAGE, Severity.MEDIUM),
  LOW_ADOPTION(Pillar.USAGE, Severity.HIGH),
  ADOPTION_DECAY(Pillar.USAGE, Severity.HIGH),
  NO_EFFECT_MEASURE(Pillar.EFFECT, Severity.MEDIUM),
  NO_EFFECT(Pillar.EFFECT, Severity.MEDIUM),
  NO_PILOT_END(Pillar.FOLLOW_UP, Severity.MEDIUM),
  USAGE_DATA_MISSING(Pillar.USAGE, Severity.MEDIUM);

  /** How urgent a flag is. */
  public enum Severity {
    HIGH,
    MEDIUM;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Pillar pillar;
  private final Severity severity;

  FlagCode(Pillar pillar, Severity severity) {
    this.pillar = pillar;
    this.severity = severity;
  }

  public Pillar pillar() {
    return pillar;
  }

  public Severity severity() {
    return severity;
  }
}
