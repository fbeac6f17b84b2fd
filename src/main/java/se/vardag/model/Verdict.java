package se.vardag.model;

/** An initiative's verdict (SPEC section 4), in the order the report lists them: most urgent first. */
public enum Verdict {
  LACKS_FOLLOW_THROUGH("lacks_follow_through"),
  AT_RISK("at_risk"),
  IN_PILOT("in_pilot"),
  ON_TRACK("on_track"),
  STOPPED("stopped");

  private final String code;

  Verdict(String code) {
    this.code = code;
  }

  /** As published in the {@code verdict} columns. */
  public String code() {
    return code;
  }
}
