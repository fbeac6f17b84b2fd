package se.vardag.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.vardag.Location;

/**
 * Who gets which mail for D: one item per recipient, written beside D's tables as
 * {@code mail/plan.json} when the report is rendered, and read by the delivery after the switch
 * (and by {@code jobs/vardag report}). {@code folder} is the rendered mail's report folder, relative to
 * the version folder ({@code report} for the organisation's report, {@code mail/...} for a scoped one
 * or an alert); {@code comparedWith} the date its changes are counted from (null: none).
 */
public record MailPlan(LocalDate asOf, List<Item> items) {
  public static final String DIR = "mail";
  public static final String FILE = "plan.json";

  /** What a recipient gets for D: the full report, a short alert, or nothing. */
  public enum Kind {
    REPORT, ALERT, NONE;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One recipient's mail; {@code reason} says why (for NONE: why nothing goes out). */
  public record Item(String recipient, List<String> roles, String scope, Kind kind, LocalDate comparedWith,
      String folder, String reason) {
    public Item {
      requireNonNull(recipient, "recipient is null");
      roles = List.copyOf(roles);
      requireNonNull(scope, "scope is null");
      requireNonNull(kind, "kind is null");
      if (kind != Kind.NONE) {
        requireNonNull(folder, "folder is null");
      }
      reason = reason == null ? "" : reason;
    }

    /** The ledger's kind of this item's mail. */
    String ledgerKind() {
      return kind == Kind.ALERT ? Ledger.ALERT : Ledger.REPORT;
    }
  }

  public MailPlan {
    requireNonNull(asOf, "asOf is null");
    items = List.copyOf(items);
  }

  public long count(Kind kind) {
    return items.stream().filter(i -> i.kind() == kind).count();
  }

  void write(Location file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("as_of", asOf.toString());
    ArrayNode arr = root.putArray("items");
    for (Item i : items) {
      ObjectNode n = arr.addObject();
      n.put("recipient", i.recipient());
      ArrayNode roles = n.putArray("roles");
      i.roles().forEach(roles::add);
      n.put("scope", i.scope());
      n.put("kind", i.kind().code());
      if (i.comparedWith() == null) {
        n.putNull("compared_with");
      } else {
        n.put("compared_with", i.comparedWith().toString());
      }
      if (i.folder() == null) {
        n.putNull("folder");
      } else {
        n.put("folder", i.folder());
      }
      n.put("reason", i.reason());
    }
    file.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  /** Reads a plan written by {@link #write}. */
  public static MailPlan load(Path file) throws IOException {
    return load(Location.of(file));
  }

  /** Reads a plan written by {@link #write}, local or on a Hadoop file system. */
  public static MailPlan load(Location file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.readAllBytes());
    List<Item> items = new ArrayList<>();
    for (JsonNode n : root.path("items")) {
      List<String> roles = new ArrayList<>();
      n.path("roles").forEach(r -> roles.add(r.asText()));
      items.add(new Item(n.path("recipient").asText(), roles, n.path("scope").asText(),
          Kind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
          n.path("compared_with").isNull() ? null : LocalDate.parse(n.path("compared_with").asText()),
          n.path("folder").isNull() ? null : n.path("folder").asText(), n.path("reason").asText()));
    }
    return new MailPlan(LocalDate.parse(root.path("as_of").asText()), items);
  }
}
