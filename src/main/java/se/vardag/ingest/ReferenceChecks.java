package se.vardag.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.vardag.model.Columns;
import se.vardag.model.Initiative;

/**
 * What a run needs on the driver from the single files' checked form, beyond the register: whether every
 * employee has a pseudonym of their own, the roster's facts about the register's owners, and the register's
 * rejected rows. They are computed once from the datasets (three small Spark jobs) and kept with the form in
 * {@link ReferenceCache}, so that a run whose files are unchanged starts no job for them.
 */
public final class ReferenceChecks {
  /** The roster's row of an owner named in the register (SPEC section 6: an accountable role, named). */
  public record Owner(String employeeId, int hired, Integer left, String displayName, String email) {
    public Owner {
      requireNonNull(employeeId, "employeeId is null");
    }
  }

  /** A rejected row of the register: its line (null: not known), the reason and the raw record (null: none). */
  public record RegisterRejection(Long line, String reason, String record) {
    public RegisterRejection {
      requireNonNull(reason, "reason is null");
    }
  }

  private final long employees;
  private final long distinctPseudonyms;
  private final List<Owner> owners;
  private final List<RegisterRejection> registerRejections;

  ReferenceChecks(long employees, long distinctPseudonyms, List<Owner> owners,
      List<RegisterRejection> registerRejections) {
    this.employees = employees;
    this.distinctPseudonyms = distinctPseudonyms;
    this.owners = List.copyOf(owners);
    this.registerRejections = List.copyOf(registerRejections);
  }

  /**
   * Computes the checks of {@code employees} (the roster as read, {@code pid} and {@code employee_id}),
   * the register and {@code rejected} (every rejection of the single files, in the quarantine's schema).
   */
  static ReferenceChecks compute(Dataset<Row> employees, List<Initiative> initiatives, Dataset<Row> rejected) {
    Row counts = employees.agg(count("*"), countDistinct(col("pid"))).first();
    List<Owner> owners = new ArrayList<>();
    Object[] ids = initiatives.stream().map(Initiative::ownerId).filter(Objects::nonNull).distinct().toArray();
    if (ids.length > 0) {
      for (Row r : employees.filter(col("employee_id").isin(ids))
          .select("employee_id", "hired", "left", "display_name", "email").orderBy("employee_id").collectAsList()) {
        owners.add(new Owner(r.getString(0), r.getInt(1), r.isNullAt(2) ? null : r.getInt(2),
            r.isNullAt(3) ? null : r.getString(3), r.isNullAt(4) ? null : r.getString(4)));
      }
    }
    List<RegisterRejection> register = new ArrayList<>();
    for (Row r : rejected.filter(col(Columns.SOURCE_FILE).equalTo(InputContract.INITIATIVES.name()))
        .select("line", "reason", "record").orderBy("line", "reason").collectAsList()) {
      register.add(new RegisterRejection(r.isNullAt(0) ? null : r.getLong(0), r.getString(1),
          r.isNullAt(2) ? null : r.getString(2)));
    }
    return new ReferenceChecks(counts.getLong(0), counts.getLong(1), owners, register);
  }

  /** False when two employees share a 64-bit pseudonym under the current key. */
  public boolean pseudonymsDistinct() {
    return employees == distinctPseudonyms;
  }

  /** The register's owners that are in the roster, by employee id; an owner not in it is absent. */
  public List<Owner> owners() {
    return owners;
  }

  /** The register's rejected rows, by line. */
  public List<RegisterRejection> registerRejections() {
    return registerRejections;
  }

  ObjectNode json() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("employees", employees).put("distinct_pseudonyms", distinctPseudonyms);
    var ownerArray = o.putArray("owners");
    for (Owner w : owners) {
      ObjectNode x = ownerArray.addObject().put("employee_id", w.employeeId()).put("hired", w.hired());
      putNullable(x, "left", w.left());
      x.put("display_name", w.displayName()).put("email", w.email());
    }
    var rejections = o.putArray("register_rejections");
    for (RegisterRejection r : registerRejections) {
      ObjectNode x = rejections.addObject();
      if (r.line() == null) {
        x.putNull("line");
      } else {
        x.put("line", r.line());
      }
      x.put("reason", r.reason()).put("record", r.record());
    }
    return o;
  }

  private static void putNullable(ObjectNode o, String name, Integer value) {
    if (value == null) {
      o.putNull(name);
    } else {
      o.put(name, value);
    }
  }

  /** The checks saved by {@link #json()}; throws when a field is missing (the form is then read again). */
  static ReferenceChecks of(JsonNode o) {
    if (!o.has("employees") || !o.has("distinct_pseudonyms") || !o.path("owners").isArray()
        || !o.path("register_rejections").isArray()) {
      throw new IllegalArgumentException("Cannot read the saved checks: " + o);
    }
    List<Owner> owners = new ArrayList<>();
    for (JsonNode x : o.path("owners")) {
      owners.add(new Owner(x.path("employee_id").asText(), x.path("hired").asInt(),
          x.path("left").isNull() ? null : x.path("left").asInt(), text(x.path("display_name")), text(x.path("email"))));
    }
    List<RegisterRejection> register = new ArrayList<>();
    for (JsonNode x : o.path("register_rejections")) {
      register.add(new RegisterRejection(x.path("line").isNull() ? null : x.path("line").asLong(),
          x.path("reason").asText(), text(x.path("record"))));
    }
    return new ReferenceChecks(o.path("employees").asLong(), o.path("distinct_pseudonyms").asLong(), owners, register);
  }

  private static String text(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : n.asText();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceChecks c && employees == c.employees && distinctPseudonyms == c.distinctPseudonyms
        && owners.equals(c.owners) && registerRejections.equals(c.registerRejections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(employees, distinctPseudonyms, owners, registerRejections);
  }

  @Override
  public String toString() {
    return "ReferenceChecks{employees=" + employees + ", distinct_pseudonyms=" + distinctPseudonyms + ", owners="
        + owners + ", register_rejections=" + registerRejections + "}";
  }
}
