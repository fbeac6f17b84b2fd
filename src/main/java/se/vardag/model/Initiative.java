package se.vardag.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the initiative register, typed (dates as epoch days). Small and serializable: the
 * register travels to executors with the metric computation.
 */
public record Initiative(
    String id,
    String name,
    String goalId,
    String ownerId,
    Boolean ownerHasMandate,
    int pilotStart,
    Integer pilotEnd,
    String status,
    List<String> targetOrgUnits,
    List<String> courseIds,
    List<Signal> usageSignals,
    Double practiceHoursPerWeek,
    Integer followUpEveryDays,
    String kpi,
    String kpiDirection) implements Serializable {

  public Initiative {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(status, "status is null");
    targetOrgUnits = List.copyOf(targetOrgUnits);
    courseIds = List.copyOf(courseIds);
    usageSignals = List.copyOf(usageSignals);
    requireNonNull(kpiDirection, "kpiDirection is null");
  }

  /** A usage signal pattern: source and action (lower-case), action {@code *} for any. */
  public record Signal(String source, String action) implements Serializable {
    public Signal {
      requireNonNull(source, "source is null");
      requireNonNull(action, "action is null");
    }

    public boolean anyAction() {
      return action.equals("*");
    }

    @Override
    public String toString() {
      return source + ":" + action;
    }
  }

  public boolean lowerIsBetter() {
    return !kpiDirection.equals("higher_is_better");
  }

  public boolean stopped() {
    return status.equals("stopped");
  }
}
