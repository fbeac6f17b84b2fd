package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;
import se.vardag.ingest.FileStats;
import se.vardag.ingest.InputContract;

/**
 * Which optional input files were delivered (SPEC section 2): a missing file makes the figures
 * that rest on it null and the flags that rest on it silent; a file present without rows means
 * "no such records" (figures 0, flags raised).
 */
public final class Deliveries implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every optional file delivered. */
  public static final Deliveries ALL = new Deliveries(true, true, true, true);

  private final boolean goals;
  private final boolean learningActivities;
  private final boolean followUps;
  private final boolean outcomes;

  public Deliveries(boolean goals, boolean learningActivities, boolean followUps, boolean outcomes) {
    this.goals = goals;
    this.learningActivities = learningActivities;
    this.followUps = followUps;
    this.outcomes = outcomes;
  }

  /** From the reference files' statistics ({@code ReferenceData.stats()}): a file counts when present. */
  public static Deliveries of(Map<String, FileStats> stats) {
    requireNonNull(stats, "stats is null");
    return new Deliveries(present(stats, InputContract.GOALS.name()),
        present(stats, InputContract.LEARNING_ACTIVITIES.name()), present(stats, InputContract.FOLLOW_UPS.name()),
        present(stats, InputContract.OUTCOMES.name()));
  }

  private static boolean present(Map<String, FileStats> stats, String file) {
    FileStats s = stats.get(file);
    return s != null && s.present();
  }

  /** goals.csv was delivered. */
  public boolean goals() {
    return goals;
  }

  /** learning_activities.csv was delivered. */
  public boolean learningActivities() {
    return learningActivities;
  }

  /** follow_ups.csv was delivered. */
  public boolean followUps() {
    return followUps;
  }

  /** outcomes.csv was delivered. */
  public boolean outcomes() {
    return outcomes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deliveries other && goals == other.goals && learningActivities == other.learningActivities
        && followUps == other.followUps && outcomes == other.outcomes;
  }

  @Override
  public int hashCode() {
    return (goals ? 8 : 0) + (learningActivities ? 4 : 0) + (followUps ? 2 : 0) + (outcomes ? 1 : 0);
  }

  @Override
  public String toString() {
    return "Deliveries{goals=" + goals + ", learning_activities=" + learningActivities + ", follow_ups=" + followUps
        + ", outcomes=" + outcomes + "}";
  }
}
