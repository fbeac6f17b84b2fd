package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import se.vardag.publish.Tables;

/**
 * One row of {@code initiative_adoption}, as read from the published table. Values are kept by column
 * name (in the schema's order) so the CSV attachment can reproduce the table column for column; the
 * typed getters below are what the report reads. A value is a String, Long, Integer, Double, Boolean or
 * LocalDate, or null.
 */
public final class InitiativeRow {
  private final Map<String, Object> values;

  public InitiativeRow(Map<String, ?> values) {
    requireNonNull(values, "values is null");
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (StructField field : Tables.INITIATIVE_ADOPTION_SCHEMA.fields()) {
      ordered.put(field.name(), values.get(field.name()));
    }
    for (String key : values.keySet()) {
      if (!ordered.containsKey(key)) {
        throw new IllegalArgumentException("Cannot use column " + key + ": not in initiative_adoption");
      }
    }
    this.values = Collections.unmodifiableMap(ordered);
  }

  /** Every column of the table in schema order, nulls included. */
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
    return str("initiative_id");
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
