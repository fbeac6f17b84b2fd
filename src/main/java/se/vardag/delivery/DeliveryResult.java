package se.vardag.delivery;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.vardag.ExitCode;

/** What one delivery did, recipient by recipient. */
public final class DeliveryResult {
  public enum Status {
    /** Handed to the SMTP server (250) or written to the outbox. */
    SENT,
    /** Not sent: the ledger says it was sent already (and no --resend), or nothing to deliver. */
    SKIPPED,
    /** Not delivered; the composed message stays pending under _delivery/ for the next run. */
    FAILED,
    /** A pending message dropped because its recipient is no longer in mail.to. */
    CANCELLED
  }

  /**
   * One recipient's outcome. {@code channel} is {@code smtp} or {@code outbox}; {@code attempts} counts SMTP
   * attempts in this run; {@code permanent} is true for a failure the server called permanent (5xx).
   */
  public record Entry(LocalDate asOf, String recipient, Status status, String reason, String messageId,
      String channel, int attempts, boolean permanent) {
    public Entry {
      requireNonNull(asOf, "asOf is null");
      requireNonNull(recipient, "recipient is null");
      requireNonNull(status, "status is null");
      reason = reason == null ? "" : reason;
    }

    @Override
    public String toString() {
      return asOf + " " + recipient + ": " + status + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
  }

  private final List<Entry> entries;

  public DeliveryResult(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static DeliveryResult empty() {
    return new DeliveryResult(List.of());
  }

  public DeliveryResult plus(DeliveryResult other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new DeliveryResult(all);
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Entry> sent() {
    return with(Status.SENT);
  }

  public List<Entry> skipped() {
    return with(Status.SKIPPED);
  }

  public List<Entry> failures() {
    return with(Status.FAILED);
  }

  private List<Entry> with(Status s) {
    return entries.stream().filter(e -> e.status() == s).collect(Collectors.toList());
  }

  /** True when a message is still pending after this delivery: the run then exits with {@link #exitCode()}. */
  public boolean failed() {
    return entries.stream().anyMatch(e -> e.status() == Status.FAILED);
  }

  /** {@link ExitCode#DELIVERY_FAILED} (5) when anything is still pending, else {@link ExitCode#OK}. */
  public ExitCode exitCode() {
    return failed() ? ExitCode.DELIVERY_FAILED : ExitCode.OK;
  }

  /** One line for the log and the console, e.g. "2 sent, 1 skipped, 1 failed". */
  public String summary() {
    return sent().size() + " sent, " + skipped().size() + " skipped, " + failures().size() + " failed"
        + (with(Status.CANCELLED).isEmpty() ? "" : ", " + with(Status.CANCELLED).size() + " cancelled");
  }

  @Override
  public String toString() {
    return "DeliveryResult{" + summary() + ", " + entries + "}";
  }
}
