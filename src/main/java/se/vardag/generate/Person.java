package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One row of employees.csv, with what the usage generator needs to know about the person.
 *
 * @param index position in the roster (employee_id order)
 * @param slot position in the unit: 0 is the unit's manager; -1 for former employees
 * @param managerIndex the manager's index, or -1
 * @param leftOn null while employed
 * @param activity how busy the person is in the tools, around 1.0
 * @param dayStartSecond when the person's working day starts, seconds after midnight
 */
record Person(
    int index,
    String employeeId,
    String firstName,
    String lastName,
    String email,
    OrgUnit unit,
    int slot,
    int managerIndex,
    LocalDate hiredOn,
    LocalDate leftOn,
    double activity,
    int dayStartSecond) {

  Person {
    requireNonNull(employeeId, "employeeId is null");
    requireNonNull(firstName, "firstName is null");
    requireNonNull(lastName, "lastName is null");
    requireNonNull(email, "email is null");
    requireNonNull(unit, "unit is null");
    requireNonNull(hiredOn, "hiredOn is null");
  }

  String displayName() {
    return firstName + " " + lastName;
  }

  /** SPEC section 3: hired_on ≤ date and (left_on empty or left_on > date). */
  boolean employedOn(LocalDate date) {
    return !hiredOn.isAfter(date) && (leftOn == null || leftOn.isAfter(date));
  }
}
