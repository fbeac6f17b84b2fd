package se.vardag.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.Location;

/**
 * The delivery ledger: {@code _delivery/ledger.jsonl}, one JSON object per line, appended and forced to
 * disk before the next step. Events per (D, recipient): {@code intent} (the message is composed and kept
 * in {@code pending}; about to be sent), then {@code sent} or {@code failed}; {@code cancelled} when a
 * pending message's recipient left mail.to. The last event decides: {@code sent} means done; {@code intent}
 * or {@code failed} means pending. A line cut short by a crash is ignored (and logged).
 *
 * <p>An object store cannot append to a file: there the ledger is one file per date,
 * {@code _delivery/ledger/<D>.jsonl}, rewritten whole (in one upload) for each event. Every event is
 * about one (D, recipient), so the state of a pair is read from its date's file alone, in order.
 */
final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
  static final String FILE = "ledger.jsonl";

  static final String INTENT = "intent";
  static final String SENT = "sent";
  static final String FAILED = "failed";
  static final String CANCELLED = "cancelled";

  /** The kinds of mail (the ledger's {@code kind}; a line without one is a report, as before revision 2). */
  static final String REPORT = "report";
  static final String ALERT = "alert";

  /** One line of the ledger; {@code kind} is {@link #REPORT} or {@link #ALERT}. */
  record Event(Instant at, LocalDate asOf, String recipient, String event, String messageId, String channel,
      String pending, int attempts, String reason, String kind) {
    Event {
      kind = kind == null ? REPORT : kind;
    }
  }

  /**
   * The state of one (D, recipient): its last event, how often it was sent, and the kind of the last
   * mail sent (null when none was).
   */
  record State(LocalDate asOf, String recipient, Event last, int timesSent, String sentKind) {
    boolean sent() {
      return SENT.equals(last.event());
    }

    boolean pending() {
      return INTENT.equals(last.event()) || FAILED.equals(last.event());
    }
  }

  static final String DIR = "ledger";

  private final Path file;
  private final Location dates;
  private final ObjectMapper json = new ObjectMapper();

  Ledger(Path deliveryDir) {
    this(Location.of(deliveryDir));
  }

  Ledger(Location deliveryDir) {
    this.file = deliveryDir.isLocal() ? deliveryDir.path().resolve(FILE) : null;
    this.dates = deliveryDir.isLocal() ? null : deliveryDir.resolve(DIR);
  }

  static String key(LocalDate asOf, String recipient) {
    return asOf + " " + recipient.toLowerCase(Locale.ROOT);
  }

  /** Every (D, recipient) the ledger knows, in the order first seen. */
  Map<String, State> states() throws IOException {
    Map<String, State> states = new LinkedHashMap<>();
    for (Event e : read()) {
      String k = key(e.asOf(), e.recipient());
      State old = states.get(k);
      int sent = (old == null ? 0 : old.timesSent()) + (SENT.equals(e.event()) ? 1 : 0);
      String sentKind = SENT.equals(e.event()) ? e.kind() : old == null ? null : old.sentKind();
      states.put(k, new State(e.asOf(), e.recipient(), e, sent, sentKind));
    }
    return states;
  }

  /** Per recipient (lower case), the last date before some D that they were sent a report, and any mail. */
  record Received(Map<String, LocalDate> lastReport, Map<String, LocalDate> lastMail) {
    java.util.Optional<LocalDate> lastReport(String recipient) {
      return java.util.Optional.ofNullable(lastReport.get(recipient.toLowerCase(Locale.ROOT)));
    }

    java.util.Optional<LocalDate> lastMail(String recipient) {
      return java.util.Optional.ofNullable(lastMail.get(recipient.toLowerCase(Locale.ROOT)));
    }
  }

  /** What {@code states} say each recipient received before {@code before}: one pass over the ledger. */
  static Received received(Map<String, State> states, LocalDate before) {
    Map<String, LocalDate> report = new java.util.HashMap<>();
    Map<String, LocalDate> any = new java.util.HashMap<>();
    for (State st : states.values()) {
      if (st.timesSent() == 0 || !st.asOf().isBefore(before)) {
        continue;
      }
      String who = st.recipient().toLowerCase(Locale.ROOT);
      any.merge(who, st.asOf(), (a, b) -> a.isAfter(b) ? a : b);
      if (REPORT.equals(st.sentKind())) {
        report.merge(who, st.asOf(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return new Received(report, any);
  }

  List<Event> read() throws IOException {
    List<Event> events = new ArrayList<>();
    if (file == null) {
      for (Location.Entry e : dates.entries()) {
        if (e.file() && e.name().endsWith(".jsonl")) {
          Location f = dates.resolve(e.name());
          parse(new String(f.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), f, events);
        }
      }
      return events;
    }
    if (!Files.exists(file)) {
      return events;
    }
    parse(Files.readAllLines(file, StandardCharsets.UTF_8), file, events);
    return events;
  }

  private void parse(List<String> lines, Object file, List<Event> events) {
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = json.readTree(line);
        events.add(new Event(Instant.parse(n.path("at").asText()), LocalDate.parse(n.path("as_of").asText()),
            n.path("recipient").asText(), n.path("event").asText(), text(n, "message_id"), text(n, "channel"),
            text(n, "pending"), n.path("attempts").asInt(0), text(n, "reason"), text(n, "kind")));
      } catch (IOException | RuntimeException ex) {
        LOG.warn("Ignoring line {} of the delivery ledger {}: it is not a complete record (a run may have "
            + "stopped while writing it)", lineNo, file);
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Appends one event and forces it to disk before returning. */
  void append(Event e) throws IOException {
    ObjectNode n = json.createObjectNode();
    n.put("at", e.at().toString());
    n.put("as_of", e.asOf().toString());
    n.put("recipient", e.recipient());
    n.put("event", e.event());
    n.put("kind", e.kind());
    if (e.messageId() != null) {
      n.put("message_id", e.messageId());
    }
    if (e.channel() != null) {
      n.put("channel", e.channel());
    }
    if (e.pending() != null) {
      n.put("pending", e.pending());
    }
    if (e.attempts() > 0) {
      n.put("attempts", e.attempts());
    }
    if (e.reason() != null && !e.reason().isEmpty()) {
      n.put("reason", e.reason());
    }
    byte[] line = (json.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    if (file == null) {
      Location f = dates.resolve(e.asOf() + ".jsonl");
      byte[] before = f.isFile() ? f.readAllBytes() : new byte[0];
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(before.length + line.length + 1);
      all.write(before);
      if (before.length > 0 && before[before.length - 1] != '\n') {
        all.write('\n');
      }
      all.write(line);
      f.write(all.toByteArray());
      return;
    }
    Files.createDirectories(file.getParent());
    boolean needsNewline = endsWithoutNewline();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      if (needsNewline) {
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
      }
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  /** True when a crash left the last line without its newline; the next record then starts a new line. */
  private boolean endsWithoutNewline() throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return false;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(raf.length() - 1);
      return raf.read() != '\n';
    }
  }
}
