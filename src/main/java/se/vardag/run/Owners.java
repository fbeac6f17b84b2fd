package se.vardag.run;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.vardag.metrics.FollowThrough;
import se.vardag.model.Initiative;

/**
 * The roster's facts about each initiative's owner (employed from, until, display name, email): the
 * owners alone are collected to the driver, never the roster.
 */
final class Owners {
  private Owners() {}

  /** The owners named in the register that are in the roster; an owner not in it is absent. */
  static Map<String, FollowThrough.Owner> lookup(Dataset<Row> employees, List<Initiative> initiatives) {
    Set<String> ids = new HashSet<>();
    initiatives.stream().map(Initiative::ownerId).filter(java.util.Objects::nonNull).forEach(ids::add);
    Map<String, FollowThrough.Owner> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Row r : employees.filter(col("employee_id").isin(ids.toArray()))
        .select("employee_id", "hired", "left", "display_name", "email").collectAsList()) {
      out.put(r.getString(0), new FollowThrough.Owner(true, r.getInt(1), r.isNullAt(2) ? null : r.getInt(2),
          r.isNullAt(3) ? null : r.getString(3), r.isNullAt(4) ? null : r.getString(4)));
    }
    return out;
  }
}
