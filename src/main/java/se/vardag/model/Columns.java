package se.vardag.model;

/**
 * The name of every column of the published tables ({@link Tables}), spelled once. The schemas, the
 * calculator that writes the rows, the report that reads them and the flags' evidence arguments (which
 * quote figures under their columns' names) all use these constants, so a column is renamed or found
 * in one place.
 */
public final class Columns {
  public static final String ACTIVE_USERS = "active_users";
  public static final String ADOPTION_RATE = "adoption_rate";
  public static final String CODE = "code";
  public static final String COLUMN = "column";
  public static final String COURSE_IDS = "course_ids";
  public static final String CURRENT_WAU = "current_wau";
  public static final String DAYS_SINCE_FOLLOW_UP = "days_since_follow_up";
  public static final String ENDING_SOON = "ending_soon";
  public static final String EVIDENCE = "evidence";
  public static final String EVIDENCE_ARGS = "evidence_args";
  public static final String FLAG_CODES = "flag_codes";
  public static final String FLAG_COUNT = "flag_count";
  public static final String FOLLOW_UP_ADHERENCE = "follow_up_adherence";
  public static final String FOLLOW_UP_EVERY_DAYS = "follow_up_every_days";
  public static final String FOLLOW_UPS_90D = "follow_ups_90d";
  public static final String GOAL_ID = "goal_id";
  public static final String GOAL_LINKED = "goal_linked";
  public static final String GOAL_TITLE = "goal_title";
  public static final String HAS_FOLLOW_UP = "has_follow_up";
  public static final String HAS_GOAL = "has_goal";
  public static final String HAS_LEARNING_FOLLOW_UP = "has_learning_follow_up";
  public static final String HAS_OWNER_WITH_MANDATE = "has_owner_with_mandate";
  public static final String HAS_PRACTICE_TIME = "has_practice_time";
  public static final String HEADLINE = "headline";
  public static final String HIGH_FLAG_COUNT = "high_flag_count";
  public static final String INGREDIENT_COUNT = "ingredient_count";
  public static final String INITIATIVE_ID = "initiative_id";
  public static final String KPI = "kpi";
  public static final String KPI_BASELINE_MEDIAN = "kpi_baseline_median";
  public static final String KPI_BASELINE_OBSERVATIONS = "kpi_baseline_observations";
  public static final String KPI_CHANGE = "kpi_change";
  public static final String KPI_CURRENT_MEDIAN = "kpi_current_median";
  public static final String KPI_CURRENT_OBSERVATIONS = "kpi_current_observations";
  public static final String KPI_DIRECTION = "kpi_direction";
  public static final String KPI_IMPROVED_SHARE = "kpi_improved_share";
  public static final String LAST_FOLLOW_UP = "last_follow_up";
  public static final String LAST_MATURITY = "last_maturity";
  public static final String LEARNING_SESSIONS_90D = "learning_sessions_90d";
  public static final String LINE = "line";
  public static final String MEDIAN_DAYS_TO_FIRST_USE = "median_days_to_first_use";
  public static final String NAME = "name";
  public static final String ORG_UNIT = "org_unit";
  public static final String OUTSIDE_TARGET_USERS = "outside_target_users";
  public static final String OWNER_ACTIVE = "owner_active";
  public static final String OWNER_EMAIL = "owner_email";
  public static final String OWNER_HAS_MANDATE = "owner_has_mandate";
  public static final String OWNER_ID = "owner_id";
  public static final String OWNER_NAME = "owner_name";
  public static final String OWNER_PRESENT = "owner_present";
  public static final String PILLAR = "pillar";
  public static final String PILOT_END = "pilot_end";
  public static final String PILOT_PEAK_WAU = "pilot_peak_wau";
  public static final String PILOT_START = "pilot_start";
  public static final String POST_PILOT = "post_pilot";
  public static final String POST_PILOT_RETENTION = "post_pilot_retention";
  public static final String PRACTICE_HOURS_PER_PERSON_WEEK = "practice_hours_per_person_week";
  public static final String PRACTICE_HOURS_PER_WEEK = "practice_hours_per_week";
  public static final String PRACTICE_TIME_RATIO = "practice_time_ratio";
  public static final String REASON = "reason";
  public static final String RECORD = "record";
  public static final String SEVERITY = "severity";
  public static final String SOURCE_FILE = "source_file";
  public static final String STATUS = "status";
  public static final String SUPPRESSED = "suppressed";
  public static final String SUPPRESSION = "suppression";
  public static final String SUSTAINED_RATE = "sustained_rate";
  public static final String SUSTAINED_USERS = "sustained_users";
  public static final String TARGET_ORG_UNITS = "target_org_units";
  public static final String TARGET_POPULATION = "target_population";
  public static final String TRAINED = "trained";
  public static final String TRAINED_NOT_USING = "trained_not_using";
  public static final String TRAINED_NOT_USING_BASE = "trained_not_using_base";
  public static final String TRAINED_NOT_USING_RATE = "trained_not_using_rate";
  public static final String TRAINING_COVERAGE = "training_coverage";
  public static final String USAGE_SIGNALS = "usage_signals";
  public static final String VERDICT = "verdict";
  public static final String WEEK_END = "week_end";
  public static final String WEEK_INDEX = "week_index";
  public static final String WEEK_START = "week_start";

  private Columns() {}
}
