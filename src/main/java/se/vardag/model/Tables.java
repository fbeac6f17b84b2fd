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
      f(Columns.INITIATIVE_ID, StringType, false),
      f(Columns.NAME, StringType, false),
      f(Columns.STATUS, StringType, false),
      f(Columns.GOAL_ID, StringType),
      f(Columns.GOAL_TITLE, StringType),
      f(Columns.GOAL_LINKED, BooleanType),
      f(Columns.OWNER_ID, StringType),
      f(Columns.OWNER_NAME, StringType),
      f(Columns.OWNER_EMAIL, StringType),
      f(Columns.OWNER_PRESENT, BooleanType, false),
      f(Columns.OWNER_ACTIVE, BooleanType, false),
      f(Columns.OWNER_HAS_MANDATE, BooleanType),
      f(Columns.PILOT_START, DateType, false),
      f(Columns.PILOT_END, DateType),
      f(Columns.POST_PILOT, BooleanType, false),
      f(Columns.ENDING_SOON, BooleanType, false),
      f(Columns.TARGET_ORG_UNITS, StringType, false),
      f(Columns.COURSE_IDS, StringType),
      f(Columns.USAGE_SIGNALS, StringType),
      f(Columns.PRACTICE_HOURS_PER_WEEK, DoubleType),
      f(Columns.FOLLOW_UP_EVERY_DAYS, IntegerType),
      f(Columns.KPI, StringType),
      f(Columns.KPI_DIRECTION, StringType, false),
      f(Columns.TARGET_POPULATION, LongType, false),
      f(Columns.TRAINED, LongType),
      f(Columns.TRAINING_COVERAGE, DoubleType),
      f(Columns.ACTIVE_USERS, LongType),
      f(Columns.ADOPTION_RATE, DoubleType),
      f(Columns.SUSTAINED_USERS, LongType),
      f(Columns.SUSTAINED_RATE, DoubleType),
      f(Columns.TRAINED_NOT_USING, LongType),
      f(Columns.TRAINED_NOT_USING_BASE, LongType),
      f(Columns.TRAINED_NOT_USING_RATE, DoubleType),
      f(Columns.MEDIAN_DAYS_TO_FIRST_USE, DoubleType),
      f(Columns.CURRENT_WAU, LongType),
      f(Columns.PILOT_PEAK_WAU, LongType),
      f(Columns.POST_PILOT_RETENTION, DoubleType),
      f(Columns.PRACTICE_HOURS_PER_PERSON_WEEK, DoubleType),
      f(Columns.PRACTICE_TIME_RATIO, DoubleType),
      f(Columns.LEARNING_SESSIONS_90D, LongType),
      f(Columns.LAST_FOLLOW_UP, DateType),
      f(Columns.DAYS_SINCE_FOLLOW_UP, IntegerType),
      f(Columns.FOLLOW_UPS_90D, LongType),
      f(Columns.FOLLOW_UP_ADHERENCE, DoubleType),
      f(Columns.LAST_MATURITY, IntegerType),
      f(Columns.KPI_BASELINE_MEDIAN, DoubleType),
      f(Columns.KPI_CURRENT_MEDIAN, DoubleType),
      f(Columns.KPI_CHANGE, DoubleType),
      f(Columns.KPI_IMPROVED_SHARE, DoubleType),
      f(Columns.KPI_BASELINE_OBSERVATIONS, LongType),
      f(Columns.KPI_CURRENT_OBSERVATIONS, LongType),
      f(Columns.OUTSIDE_TARGET_USERS, LongType),
      f(Columns.HAS_OWNER_WITH_MANDATE, BooleanType, false),
      f(Columns.HAS_GOAL, BooleanType, false),
      f(Columns.HAS_PRACTICE_TIME, BooleanType, false),
      f(Columns.HAS_LEARNING_FOLLOW_UP, BooleanType, false),
      f(Columns.HAS_FOLLOW_UP, BooleanType, false),
      f(Columns.INGREDIENT_COUNT, IntegerType, false),
      f(Columns.VERDICT, StringType, false),
      f(Columns.FLAG_COUNT, IntegerType, false),
      f(Columns.HIGH_FLAG_COUNT, IntegerType, false),
      f(Columns.FLAG_CODES, StringType),
      f(Columns.HEADLINE, BooleanType, false),
      f(Columns.SUPPRESSED, BooleanType, false));

  public static final StructType UNIT_ADOPTION_SCHEMA = schema(
      f(Columns.INITIATIVE_ID, StringType, false),
      f(Columns.NAME, StringType, false),
      f(Columns.ORG_UNIT, StringType, false),
      f(Columns.TARGET_POPULATION, LongType, false),
      f(Columns.TRAINED, LongType),
      f(Columns.ACTIVE_USERS, LongType),
      f(Columns.SUSTAINED_USERS, LongType),
      f(Columns.TRAINING_COVERAGE, DoubleType),
      f(Columns.ADOPTION_RATE, DoubleType),
      f(Columns.SUSTAINED_RATE, DoubleType),
      f(Columns.SUPPRESSED, BooleanType, false),
      f(Columns.SUPPRESSION, StringType));

  public static final StructType WEEKLY_ACTIVE_SCHEMA = schema(
      f(Columns.INITIATIVE_ID, StringType, false),
      f(Columns.NAME, StringType, false),
      f(Columns.WEEK_INDEX, IntegerType, false),
      f(Columns.WEEK_START, DateType, false),
      f(Columns.WEEK_END, DateType, false),
      f(Columns.ACTIVE_USERS, LongType),
      f(Columns.SUPPRESSED, BooleanType, false));

  public static final StructType INITIATIVE_HISTORY_SCHEMA = schema(
      f(Columns.INITIATIVE_ID, StringType, false),
      f(Columns.NAME, StringType, false),
      f(Columns.WEEK_INDEX, IntegerType, false),
      f(Columns.WEEK_END, DateType, false),
      f(Columns.VERDICT, StringType, false),
      f(Columns.FLAG_COUNT, IntegerType, false),
      f(Columns.HIGH_FLAG_COUNT, IntegerType, false),
      f(Columns.ADOPTION_RATE, DoubleType),
      f(Columns.SUSTAINED_RATE, DoubleType),
      f(Columns.SUPPRESSED, BooleanType, false));

  public static final StructType FOLLOW_THROUGH_FLAGS_SCHEMA = schema(
      f(Columns.INITIATIVE_ID, StringType, false),
      f(Columns.NAME, StringType, false),
      f(Columns.CODE, StringType, false),
      f(Columns.PILLAR, StringType, false),
      f(Columns.SEVERITY, StringType, false),
      f(Columns.EVIDENCE, StringType, false),
      f(Columns.EVIDENCE_ARGS, createMapType(StringType, StringType, true), false),
      f(Columns.VERDICT, StringType, false));

  public static final StructType REJECTED_ROWS_SCHEMA = schema(
      f(Columns.SOURCE_FILE, StringType, false),
      f(Columns.LINE, LongType),
      f(Columns.COLUMN, StringType),
      f(Columns.REASON, StringType, false),
      f(Columns.RECORD, StringType, false));

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
