package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import se.vardag.model.Columns;
import se.vardag.model.Tables;

/**
 * One row of {@code initiative_adoption}, as read from the published table. Values are kept by column
 * name (in the schema's order) so the CSV attachment can reproduce the table column for column; the
 * typed getters below are what the report reads. A value is a String, Long, Integer, Double, Boolean or
 * LocalDate, or null.
 *
 * <p>Revision 2 adds columns to the table ({@link #REVISION_2_COLUMNS}); the report reads them where the
 * published schema does not have them yet, and a date published before them reads them as null (the
 * report then says what revision 1 said: the owner by id, and so on).
 */
public final class InitiativeRow {
  /** Columns of initiative_adoption added by revision 2, read tolerantly (null when a date lacks them). */
  public static final StructType REVISION_2_COLUMNS = new StructType()
      .add(Columns.OWNER_NAME, DataTypes.StringType, true)
      .add(Columns.OWNER_EMAIL, DataTypes.StringType, true)
      .add(Columns.HAS_OWNER_WITH_MANDATE, DataTypes.BooleanType, true)
      .add(Columns.HAS_GOAL, DataTypes.BooleanType, true)
      .add(Columns.HAS_PRACTICE_TIME, DataTypes.BooleanType, true)
      .add(Columns.HAS_LEARNING_FOLLOW_UP, DataTypes.BooleanType, true)
      .add(Columns.HAS_FOLLOW_UP, DataTypes.BooleanType, true)
      .add(Columns.INGREDIENT_COUNT, DataTypes.IntegerType, true)
      .add(Columns.HIGH_FLAG_COUNT, DataTypes.IntegerType, true);

  /** The schema the report reads: the published schema, then the revision-2 columns it lacks. */
  public static final StructType READ_SCHEMA = readSchema();

  private final Map<String, Object> values;

  private static StructType readSchema() {
    StructType s = Tables.INITIATIVE_ADOPTION_SCHEMA;
    for (StructField f : REVISION_2_COLUMNS.fields()) {
      if (!java.util.Arrays.asList(s.fieldNames()).contains(f.name())) {
        s = s.add(f);
      }
    }
    return s;
  }

  public InitiativeRow(Map<String, ?> values) {
    requireNonNull(values, "values is null");
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (StructField field : READ_SCHEMA.fields()) {
      ordered.put(field.name(), values.get(field.name()));
    }
    for (String key : values.keySet()) {
      if (!ordered.containsKey(key)) {
        throw new IllegalArgumentException("Cannot use column " + key + ": not in initiative_adoption");
      }
    }
    this.values = Collections.unmodifiableMap(ordered);
  }

  /** Every column the report reads ({@link #READ_SCHEMA} order), nulls included. */
  public Map<String, Object> values() {
    return values;
  }

  public Object get(String column) {
    return values.get(column);
  }

  public String str(String column) {
    Object v = values.get(column);
    return v == null ? null : v.toString();
  }

  public Long lng(String column) {
    Object v = values.get(column);
    return v == null ? null : ((Number) v).longValue();
  }

  public Double dbl(String column) {
    Object v = values.get(column);
    if (v == null) {
      return null;
    }
    double d = ((Number) v).doubleValue();
    return Double.isNaN(d) ? null : d;
  }

  public Boolean bool(String column) {
    return (Boolean) values.get(column);
  }

  public boolean isTrue(String column) {
    return Boolean.TRUE.equals(values.get(column));
  }

  public LocalDate date(String column) {
    return (LocalDate) values.get(column);
  }

  public String id() {
    return str(Columns.INITIATIVE_ID);
  }

  public String name() {
    return str("name");
  }

  public String verdict() {
    return str("verdict");
  }

  public boolean headline() {
    return isTrue("headline");
  }

  public boolean suppressed() {
    return isTrue("suppressed");
  }

  @Override
  public String toString() {
    return "InitiativeRow{" + id() + "}";
  }
}
