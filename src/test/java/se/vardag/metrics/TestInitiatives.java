package se.vardag.metrics;

import java.time.LocalDate;
import java.util.List;
import se.vardag.model.Initiative;

/** A builder of register rows for tests: every field has a plain default that raises no flag by itself. */
final class TestInitiatives {
  static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  String id = "I1";
  String name = "ITIL incident process";
  String goalId = "G1";
  String ownerId = "E1";
  Boolean mandate = Boolean.TRUE;
  String pilotStart = "2026-06-01";
  String pilotEnd = "2026-08-31";
  String status = "scaling";
  List<String> targets = List.of("IT");
  List<String> courses = List.of("ITIL4");
  List<Initiative.Signal> signals = List.of(new Initiative.Signal("servicenow", "incident.resolve"));
  Double practiceHours = 2.0;
  Integer cadence = 30;
  String kpi = "incident_hours";
  String direction = "lower_is_better";

  Initiative build() {
    return new Initiative(id, name, goalId, ownerId, mandate, day(pilotStart),
        pilotEnd == null ? null : day(pilotEnd), status, targets, courses, signals, practiceHours, cadence, kpi,
        direction);
  }

  static TestInitiatives initiative() {
    return new TestInitiatives();
  }

  TestInitiatives pilot(String start, String end) {
    this.pilotStart = start;
    this.pilotEnd = end;
    return this;
  }
}
