package se.vardag.metrics;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** One org unit's share of an initiative's target population as of one day, and its suppression. */
public record UnitFigures(
    String orgUnit,
    long targetPopulation,
    long trained,
    long activeUsers,
    long sustainedUsers,
    String suppression) implements Serializable {

  public static final String SMALL_GROUP = "small_group";
  public static final String COMPLEMENTARY = "complementary";

  public UnitFigures {
    requireNonNull(orgUnit, "orgUnit is null");
  }

  public boolean suppressed() {
    return suppression != null;
  }

  public UnitFigures suppress(String why) {
    return new UnitFigures(orgUnit, targetPopulation, trained, activeUsers, sustainedUsers, why);
  }
}
