package se.vardag.model;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Names and Spark schemas of the published tables: the code's copy of docs/data-dictionary.md
 * (a test keeps the two equal). The {@code as_of} partition column is not part of these schemas;
 * it lives in the folder name.
 */
public final class Tables {
  private Tables() {}

  /** Folder names under the output folder (and inside a version folder). */
  public static final String INITIATIVE_ADOPTION = "initiative_adoption";
  public static final String UNIT_ADOPTION = "unit_adoption";
  public static final String WEEKLY_ACTIVE = "weekly_active";
  public static final String INITIATIVE_HISTORY = "initiative_history";
  public static final String FOLLOW_THROUGH_FLAGS = "follow_through_flags";
  /** Published as quarantine/rejected_rows; inside a version folder simply rejected_rows. */
  public static final String REJECTED_ROWS = "rejected_rows";
  public static final String QUARANTINE_DIR = "quarantine";
  /** The report folder inside a version, published as reports/as_of=D. */
  public static final String REPORT = "report";
  public static final String REPORTS_DIR = "reports";
  public static final String MANIFEST_FILE = "manifest.json";

  /** The analysts' tables, in publishing order. */
  public static final List<String> ANALYST_TABLES =
      List.of(INITIATIVE_ADOPTION, UNIT_ADOPTION, WEEKLY_ACTIVE, INITIATIVE_HISTORY, FOLLOW_THROUGH_FLAGS);

  /** Every published table as its path under the output folder: the analysts' tables and the quarantine. */
  public static final List<String> PUBLISHED_TABLES = java.util.stream.Stream.concat(ANALYST_TABLES.stream(),
      java.util.stream.Stream.of(QUARANTINE_DIR + "/" + REJECTED_ROWS)).toList();

  public static final StructType INITIATIVE_ADOPTION_SCHEMA = schema(
      f("initiative_id", StringType, false),
      f("name", StringType, false),
      f("status", StringType, false),
      f("goal_id", StringType),
      f("goal_title", StringType),
      f("goal_linked", BooleanType),
      f("owner_id", StringType),
      f("owner_name", StringType),
      f("owner_email", StringType),
      f("owner_present", BooleanType, false),
      f("owner_active", BooleanType, false),
      f("owner_has_mandate", BooleanType),
      f("pilot_start", DateType, false),
      f("pilot_end", DateType),
      f("post_pilot", BooleanType, false),
      f("ending_soon", BooleanType, false),
      f("target_org_units", StringType, false),
      f("course_ids", StringType),
      f("usage_signals", StringType),
      f("practice_hours_per_week", DoubleType),
      f("follow_up_every_days", IntegerType),
      f("kpi", StringType),
      f("kpi_direction", StringType, false),
      f("target_population", LongType, false),
      f("trained", LongType),
      f("training_coverage", DoubleType),
      f("active_users", LongType),
      f("adoption_rate", DoubleType),
      f("sustained_users", LongType),
      f("sustained_rate", DoubleType),
      f("trained_not_using", LongType),
      f("trained_not_using_base", LongType),
      f("trained_not_using_rate", DoubleType),
      f("median_days_to_first_use", DoubleType),
      f("current_wau", LongType),
      f("pilot_peak_wau", LongType),
      f("post_pilot_retention", DoubleType),
      f("practice_hours_per_person_week", DoubleType),
      f("practice_time_ratio", DoubleType),
      f("learning_sessions_90d", LongType),
      f("last_follow_up", DateType),
      f("days_since_follow_up", IntegerType),
      f("follow_ups_90d", LongType),
      f("follow_up_adherence", DoubleType),
      f("last_maturity", IntegerType),
      f("kpi_baseline_median", DoubleType),
      f("kpi_current_median", DoubleType),
      f("kpi_change", DoubleType),
      f("kpi_improved_share", DoubleType),
      f("kpi_baseline_observations", LongType),
      f("kpi_current_observations", LongType),
      f("outside_target_users", LongType),
      f("has_owner_with_mandate", BooleanType, false),
      f("has_goal", BooleanType, false),
      f("has_practice_time", BooleanType, false),
      f("has_learning_follow_up", BooleanType, false),
      f("has_follow_up", BooleanType, false),
      f("ingredient_count", IntegerType, false),
      f("verdict", StringType, false),
      f("flag_count", IntegerType, false),
      f("high_flag_count", IntegerType, false),
      f("flag_codes", StringType),
      f("headline", BooleanType, false),
      f("suppressed", BooleanType, false));

  public static final StructType UNIT_ADOPTION_SCHEMA = schema(
      f("initiative_id", StringType, false),
      f("name", StringType, false),
      f("org_unit", StringType, false),
      f("target_population", LongType, false),
      f("trained", LongType),
      f("active_users", LongType),
      f("sustained_users", LongType),
      f("training_coverage", DoubleType),
      f("adoption_rate", DoubleType),
      f("sustained_rate", DoubleType),
      f("suppressed", BooleanType, false),
      f("suppression", StringType));

  public static final StructType WEEKLY_ACTIVE_SCHEMA = schema(
      f("initiative_id", StringType, false),
      f("name", StringType, false),
      f("week_index", IntegerType, false),
      f("week_start", DateType, false),
      f("week_end", DateType, false),
      f("active_users", LongType),
      f("suppressed", BooleanType, false));

  public static final StructType INITIATIVE_HISTORY_SCHEMA = schema(
      f("initiative_id", StringType, false),
      f("name", StringType, false),
      f("week_index", IntegerType, false),
      f("week_end", DateType, false),
      f("verdict", StringType, false),
      f("flag_count", IntegerType, false),
      f("high_flag_count", IntegerType, false),
      f("adoption_rate", DoubleType),
      f("sustained_rate", DoubleType),
      f("suppressed", BooleanType, false));

  public static final StructType FOLLOW_THROUGH_FLAGS_SCHEMA = schema(
      f("initiative_id", StringType, false),
      f("name", StringType, false),
      f("code", StringType, false),
      f("pillar", StringType, false),
      f("severity", StringType, false),
      f("evidence", StringType, false),
      f("evidence_args", createMapType(StringType, StringType, true), false),
      f("verdict", StringType, false));

  public static final StructType REJECTED_ROWS_SCHEMA = schema(
      f("source_file", StringType, false),
      f("line", LongType),
      f("column", StringType),
      f("reason", StringType, false),
      f("record", StringType, false));

  public static StructType schemaOf(String table) {
    switch (table) {
      case INITIATIVE_ADOPTION:
        return INITIATIVE_ADOPTION_SCHEMA;
      case UNIT_ADOPTION:
        return UNIT_ADOPTION_SCHEMA;
      case WEEKLY_ACTIVE:
        return WEEKLY_ACTIVE_SCHEMA;
      case INITIATIVE_HISTORY:
        return INITIATIVE_HISTORY_SCHEMA;
      case FOLLOW_THROUGH_FLAGS:
        return FOLLOW_THROUGH_FLAGS_SCHEMA;
      case REJECTED_ROWS:
        return REJECTED_ROWS_SCHEMA;
      default:
        throw new IllegalArgumentException("Cannot find table: " + table);
    }
  }

  /** Rows for {@code table} from plain values, in the table's column order, plus {@code as_of}. */
  public static Row row(String table, Map<String, Object> values, LocalDate asOf) {
    StructType schema = schemaOf(table);
    Object[] out = new Object[schema.fields().length + 1];
    for (int k = 0; k < schema.fields().length; k++) {
      String name = schema.fields()[k].name();
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("Cannot build a row of " + table + ": no value for column " + name);
      }
      out[k] = values.get(name);
    }
    if (values.size() != schema.fields().length) {
      throw new IllegalArgumentException("Cannot build a row of " + table + ": unknown columns in " + values.keySet());
    }
    out[out.length - 1] = asOf;
    return org.apache.spark.sql.RowFactory.create(out);
  }

  /** {@code schema} with the {@code as_of} partition column (DATE) at the end, as the writer takes it. */
  public static StructType withAsOf(StructType schema) {
    return schema.add("as_of", org.apache.spark.sql.types.DataTypes.DateType, false);
  }

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField f(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  private static StructField f(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }
}
