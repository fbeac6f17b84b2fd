package se.vardag;

/**
 * Named points of a run where the crash tests stop the process. When the system property
 * {@code vardag.test.pause-at} names a point, the run prints {@code VARDAG-PAUSED <point>} on
 * stderr on reaching it and waits there until it is killed; otherwise a checkpoint does nothing.
 * Test-only: nothing sets the property in production (docs/operations.md, "Crash safety").
 */
public final class Checkpoint {
  public static final String PROPERTY = "vardag.test.pause-at";

  /** In a usage-ingest task, after the file's facts are written to a temporary folder. */
  public static final String INGEST = "ingest";
  /** After the first table of the run is written into its version folder. */
  public static final String WRITE = "write";
  /** After everything for D is written, before the switch that publishes it. */
  public static final String BEFORE_SWITCH = "before-switch";
  /** With output.format = delta: after every table's commit, before the dates' switch and the publication log. */
  public static final String AFTER_COMMIT = "after-commit";
  /** After the intent to deliver is recorded, before the message goes out. */
  public static final String DELIVERY = "delivery";
  /** After the message went out, before its success is recorded. */
  public static final String AFTER_SEND = "after-send";

  private Checkpoint() {}

  public static void reached(String point) {
    if (!point.equals(System.getProperty(PROPERTY))) {
      return;
    }
    System.err.println("VARDAG-PAUSED " + point);
    System.err.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // Only a kill ends the wait.
      }
    }
  }
}
