package se.vardag.model;

/**
 * The seven pillars of follow-through (SPEC section 4), each answering one of the report's three
 * questions: 1 ownership, strategy and follow-up; 2 competence and time; 3 usage and effect.
 */
public enum Pillar {
  OWNERSHIP("ownership", 1),
  STRATEGY("strategy", 1),
  FOLLOW_UP("follow-up", 1),
  COMPETENCE("competence", 2),
  TIME("time", 2),
  USAGE("usage", 3),
  EFFECT("effect", 3);

  private final String code;
  private final int question;

  Pillar(String code, int question) {
    this.code = code;
    this.question = question;
  }

  /** As published in {@code follow_through_flags.pillar}. */
  public String code() {
    return code;
  }

  /** The report's question (1 to 3) this pillar's flags answer. */
  public int question() {
    return question;
  }
}
