package se.vardag.ingest;

import static se.vardag.ingest.Column.optional;
import static se.vardag.ingest.Column.required;
import static se.vardag.ingest.ColumnType.BOOLEAN;
import static se.vardag.ingest.ColumnType.DATE;
import static se.vardag.ingest.ColumnType.DECIMAL;
import static se.vardag.ingest.ColumnType.ENUM;
import static se.vardag.ingest.ColumnType.INT;
import static se.vardag.ingest.ColumnType.LIST;
import static se.vardag.ingest.ColumnType.SIGNAL_LIST;
import static se.vardag.ingest.ColumnType.STRING;
import static se.vardag.ingest.ColumnType.TIMESTAMP;

import java.util.List;
import se.vardag.ingest.FileContract.RowCheck;

/** The input data contract of SPEC section 2, as code. docs/input-contract.md says the same in words. */
public final class InputContract {
  private InputContract() {}

  public static final FileContract EMPLOYEES = new FileContract("employees.csv", true, List.of(
      required("employee_id", STRING),
      optional("display_name", STRING),
      optional("email", STRING),
      required("org_unit", STRING),
      optional("manager_id", STRING),
      required("hired_on", DATE),
      optional("left_on", DATE)),
      "employee_id", List.of(RowCheck.LEFT_NOT_BEFORE_HIRED));

  public static final FileContract GOALS = new FileContract("goals.csv", false, List.of(
      required("goal_id", STRING),
      required("title", STRING)),
      "goal_id", List.of());

  public static final FileContract INITIATIVES = new FileContract("initiatives.csv", true, List.of(
      required("initiative_id", STRING),
      required("name", STRING),
      optional("goal_id", STRING),
      optional("owner_id", STRING),
      optional("owner_has_mandate", BOOLEAN),
      required("pilot_start", DATE),
      optional("pilot_end", DATE),
      optional("status", ENUM).oneOf("pilot", "scaling", "operational", "stopped").orElse("pilot"),
      required("target_org_units", LIST),
      optional("course_ids", LIST),
      optional("usage_signals", SIGNAL_LIST),
      optional("practice_hours_per_week", DECIMAL).range(0, 168),
      optional("follow_up_every_days", INT).range(1, 3650),
      optional("kpi", STRING),
      optional("kpi_direction", ENUM).oneOf("lower_is_better", "higher_is_better").orElse("lower_is_better")),
      "initiative_id", List.of(RowCheck.PILOT_END_NOT_BEFORE_START));

  public static final FileContract TRAININGS = new FileContract("trainings.csv", true, List.of(
      required("employee_id", STRING),
      required("course_id", STRING),
      optional("course_name", STRING),
      required("completed_on", DATE),
      optional("certified", BOOLEAN),
      optional("hours", DECIMAL).range(0, 10_000)),
      null, List.of());

  public static final FileContract USAGE = new FileContract("usage/", true, List.of(
      required("event_time", TIMESTAMP),
      required("employee_id", STRING),
      required("source", STRING),
      required("action", STRING),
      optional("count", INT).orElse("1").range(0, Integer.MAX_VALUE)),
      null, List.of());

  public static final FileContract LEARNING_ACTIVITIES = new FileContract("learning_activities.csv", false, List.of(
      required("employee_id", STRING),
      required("initiative_id", STRING),
      required("activity", ENUM).oneOf("workshop", "peer_learning", "practice", "coaching"),
      required("held_on", DATE),
      optional("hours", DECIMAL).orElse("0").range(0, 1000)),
      null, List.of());

  public static final FileContract FOLLOW_UPS = new FileContract("follow_ups.csv", false, List.of(
      required("initiative_id", STRING),
      required("held_on", DATE),
      optional("forum", STRING),
      optional("maturity", INT).range(1, 5),
      optional("note", STRING)),
      null, List.of());

  public static final FileContract OUTCOMES = new FileContract("outcomes.csv", false, List.of(
      required("kpi", STRING),
      required("org_unit", STRING),
      required("observed_on", DATE),
      required("value", DECIMAL),
      optional("unit_id", STRING)),
      null, List.of());

  /** The single files, in the order they are checked and reported. */
  public static final List<FileContract> SINGLE_FILES =
      List.of(EMPLOYEES, GOALS, INITIATIVES, TRAININGS, LEARNING_ACTIVITIES, FOLLOW_UPS, OUTCOMES);

  /** Every file's contract, the usage files' included. */
  public static final List<FileContract> ALL_FILES =
      List.of(EMPLOYEES, GOALS, INITIATIVES, TRAININGS, USAGE, LEARNING_ACTIVITIES, FOLLOW_UPS, OUTCOMES);

  /** Name of the usage folder inside the input folder. */
  public static final String USAGE_DIR = "usage";
}
