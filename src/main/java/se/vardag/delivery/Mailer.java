package se.vardag.delivery;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.Location;
import se.vardag.Text;
import se.vardag.config.SmtpSettings;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.DeliveryResult.Entry;
import se.vardag.delivery.DeliveryResult.Status;
import se.vardag.report.RenderedReport;

/**
 * Delivers D's mail ({@link MailPlan}: the report or alert each recipient gets) exactly once per (D,
 * recipient): over SMTP when {@code mail.smtp.host} is set, else
 * as an {@code .eml} file in the outbox. Bookkeeping lives in {@code <outputDir>/_delivery/}:
 * <pre>
 *   ledger.jsonl                 append-only, fsynced: intent / sent / failed / cancelled per (D, recipient)
 *   pending/D/HASH.eml           the exact composed message until it is sent
 * </pre>
 * For each recipient, {@link #deliver}: skips when the ledger says sent (unless {@code resend}); composes
 * the message with a deterministic Message-ID; writes it to pending; records the intent; sends it; records
 * success (and removes the pending file) or failure (and keeps it). {@link #deliverPending} sends what
 * earlier runs left pending, without re-rendering. A crash between sending and recording may send one
 * duplicate, with the same Message-ID. Runs must not overlap (the CLI holds the output folder's lock).
 *
 * <p>Why one file of ~470 lines: the steps above are one protocol over the ledger and the pending
 * folder (intent, send, record, retry, cancel, orphan clean-up), and its exactly-once argument holds
 * only if they are read together. Composing is {@link MessageComposer}'s, the wire {@link SmtpChannel}'s,
 * who gets what {@link MailPlanner}'s.
 */
public final class Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  public static final String DELIVERY_DIR = "_delivery";
  static final String PENDING_DIR = "pending";

  /** How the Mailer waits between SMTP attempts (tests replace it). */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final VardagConfig config;
  private final Location outputDir;
  private final Location deliveryDir;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Redactor redactor;
  private final Ledger ledger;
  private final MessageComposer composer;

  public Mailer(VardagConfig config, Path outputDir, Clock clock) {
    this(config, Location.of(requireNonNull(outputDir, "outputDir is null")), clock, Thread::sleep);
  }

  /** A mailer whose bookkeeping lives under {@code outputDir}, local or on a Hadoop file system. */
  public Mailer(VardagConfig config, Location outputDir, Clock clock) {
    this(config, outputDir, clock, Thread::sleep);
  }

  Mailer(VardagConfig config, Path outputDir, Clock clock, Sleeper sleeper) {
    this(config, Location.of(requireNonNull(outputDir, "outputDir is null")), clock, sleeper);
  }

  Mailer(VardagConfig config, Location outputDir, Clock clock, Sleeper sleeper) {
    this.config = requireNonNull(config, "config is null");
    this.outputDir = requireNonNull(outputDir, "outputDir is null");
    this.deliveryDir = this.outputDir.resolve(DELIVERY_DIR);
    this.clock = requireNonNull(clock, "clock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.redactor = new Redactor(config.smtp());
    this.ledger = new Ledger(deliveryDir);
    this.composer = new MessageComposer(config.mailFrom(), config.timezone());
  }

  /**
   * The outbox folder: mail.outbox_dir, relative to the output folder unless absolute (a path or a
   * Hadoop file-system URI).
   */
  public Location outboxDir() {
    String dir = config.outboxDir();
    if (dir.contains("://")) {
      return Location.of(dir).with(outputDir.fs());
    }
    Path p = Path.of(dir);
    return p.isAbsolute() ? Location.of(p) : outputDir.resolve(dir.replace('\\', '/'));
  }

  /** Delivers D's report to every recipient in mail.to that has not had it (all of them with {@code resend}). */
  public DeliveryResult deliver(LocalDate asOf, RenderedReport report, boolean resend) {
    requireNonNull(report, "report is null");
    return deliver(asOf, leadershipPlan(asOf), folder -> report, resend);
  }

  /**
   * Delivers D's mail as {@code plan} says (written by {@link MailPlanner} into {@code versionDir}): to each
   * recipient that has not had a mail for D (all of them with {@code resend}) the report or alert of its
   * item, read from the item's folder under {@code versionDir}.
   */
  public DeliveryResult deliver(LocalDate asOf, Location versionDir, MailPlan plan, boolean resend) {
    requireNonNull(versionDir, "versionDir is null");
    Map<String, RenderedReport> loaded = new HashMap<>();
    return deliver(asOf, plan, folder -> loaded.computeIfAbsent(folder, f -> RenderedReport.load(versionDir.resolve(f))),
        resend);
  }

  /** mail.to, each with the organisation's report: the plan without owners, recipients file or cadence. */
  private MailPlan leadershipPlan(LocalDate asOf) {
    List<MailPlan.Item> items = new ArrayList<>();
    for (String r : recipients()) {
      items.add(new MailPlan.Item(r, List.of(MailPlanner.LEADERSHIP), "all", MailPlan.Kind.REPORT, null, "report", ""));
    }
    return new MailPlan(asOf, items);
  }

  private DeliveryResult deliver(LocalDate asOf, MailPlan plan, Function<String, RenderedReport> reports, boolean resend) {
    requireNonNull(asOf, "asOf is null");
    requireNonNull(plan, "plan is null");
    if (plan.items().isEmpty()) {
      LOG.info("Nobody receives mail (mail.to, mail.owners, mail.recipients_file): the report for {} is rendered but "
          + "delivered to nobody", asOf);
      return DeliveryResult.empty();
    }
    Map<String, Ledger.State> states;
    try {
      states = ledger.states();
    } catch (IOException e) {
      return allFailed(asOf, plan.items().stream().map(MailPlan.Item::recipient).toList(),
          DeliveryErrors.ledgerUnreadable(String.valueOf(e.getMessage())));
    }
    LOG.info("Delivering the mail for {} to {} recipient(s) ({} report(s), {} alert(s), {} without mail) via {}", asOf,
        plan.items().size(), plan.count(MailPlan.Kind.REPORT), plan.count(MailPlan.Kind.ALERT),
        plan.count(MailPlan.Kind.NONE), channelDescription());
    List<Entry> entries = new ArrayList<>();
    for (MailPlan.Item item : plan.items()) {
      String rcpt = item.recipient();
      if (item.kind() == MailPlan.Kind.NONE) {
        LOG.info("No mail for {} to {}: {}", asOf, rcpt, item.reason());
        entries.add(new Entry(asOf, rcpt, Status.SKIPPED, item.reason(), null, null, 0, false));
        continue;
      }
      Ledger.State st = states.get(Ledger.key(asOf, rcpt));
      if (st != null && st.sent() && !resend) {
        String reason = DeliveryErrors.alreadySent(st.last().at().toString(), st.last().messageId());
        LOG.info("Not sending the mail for {} to {}: {}", asOf, rcpt, reason);
        entries.add(new Entry(asOf, rcpt, Status.SKIPPED, reason, st.last().messageId(), st.last().channel(), 0, false));
        continue;
      }
      int n = st == null ? 0 : st.timesSent();
      String messageId = composer.messageId(asOf, rcpt, n);
      String kind = item.ledgerKind();
      byte[] raw;
      try {
        raw = composer.compose(reports.apply(item.folder()), rcpt, messageId, clock.instant());
      } catch (Exception e) {
        String reason = redactor.apply(DeliveryErrors.composeFailed(e.getClass().getSimpleName() + ": " + e.getMessage()));
        LOG.error("Cannot deliver the mail for {} to {}: {}", asOf, rcpt, reason);
        entries.add(new Entry(asOf, rcpt, Status.FAILED, reason, messageId, channel(), 0, true));
        continue;
      }
      Location pending = pendingFile(asOf, rcpt);
      String pendingRel = deliveryDir.relativize(pending);
      try {
        pending.write(raw);
        ledger.append(new Ledger.Event(clock.instant(), asOf, rcpt, Ledger.INTENT, messageId, channel(), pendingRel,
            0, null, kind));
      } catch (IOException e) {
        String reason = "cannot record the delivery in " + deliveryDir + ": " + e.getMessage();
        LOG.error("Cannot deliver the mail for {} to {}: {}", asOf, rcpt, reason);
        entries.add(new Entry(asOf, rcpt, Status.FAILED, reason, messageId, channel(), 0, false));
        continue;
      }
      entries.add(transmit(asOf, rcpt, messageId, raw, pending, n, kind));
    }
    DeliveryResult result = new DeliveryResult(entries);
    LOG.info("Delivery of the mail for {}: {}", asOf, result.summary());
    return result;
  }

  /** Sends every message earlier runs left pending (failed or interrupted) to mail.to, from the stored bytes. */
  public DeliveryResult deliverPending() {
    return deliverPending(Set.of(), MailPlanner.recipients(leadershipPlan(LocalDate.EPOCH)));
  }

  /**
   * {@link #deliver} for D, then {@link #deliverPending} for every other (D, recipient) still pending: what
   * {@code nightly} and {@code report} run. {@link DeliveryResult#failed()} is then true exactly when
   * something is still pending.
   */
  public DeliveryResult deliverAll(LocalDate asOf, RenderedReport report, boolean resend) {
    return withPending(deliver(asOf, report, resend), leadershipPlan(asOf));
  }

  /**
   * {@link #deliver(LocalDate, Location, MailPlan, boolean)}, then what earlier runs left pending for the plan's
   * recipients; a pending message to anyone the plan no longer names (mail.to changed, an owner left) is
   * dropped.
   */
  public DeliveryResult deliverAll(LocalDate asOf, Path versionDir, MailPlan plan, boolean resend) {
    return deliverAll(asOf, Location.of(versionDir), plan, resend, true);
  }

  /** As {@link #deliverAll(LocalDate, Path, MailPlan, boolean)}, for a version folder anywhere. */
  public DeliveryResult deliverAll(LocalDate asOf, Location versionDir, MailPlan plan, boolean resend) {
    return deliverAll(asOf, versionDir, plan, resend, true);
  }

  /**
   * As {@link #deliverAll(LocalDate, Path, MailPlan, boolean)}; {@code newest} false (the plan is for a date
   * before the latest published one, as with {@code report --as-of} an older date): pending messages of
   * recipients the plan does not name are sent too, not dropped (that plan does not say who the
   * recipients are now).
   */
  public DeliveryResult deliverAll(LocalDate asOf, Path versionDir, MailPlan plan, boolean resend, boolean newest) {
    return deliverAll(asOf, Location.of(versionDir), plan, resend, newest);
  }

  /** As {@link #deliverAll(LocalDate, Path, MailPlan, boolean, boolean)}, for a version folder anywhere. */
  public DeliveryResult deliverAll(LocalDate asOf, Location versionDir, MailPlan plan, boolean resend, boolean newest) {
    return withPending(deliver(asOf, versionDir, plan, resend), newest ? MailPlanner.recipients(plan) : null);
  }

  private DeliveryResult withPending(DeliveryResult now, MailPlan plan) {
    return withPending(now, MailPlanner.recipients(plan));
  }

  /** {@code current} null: drop no pending message. */
  private DeliveryResult withPending(DeliveryResult now, Set<String> current) {
    Set<String> done = new HashSet<>();
    for (Entry e : now.entries()) {
      done.add(Ledger.key(e.asOf(), e.recipient()));
    }
    return now.plus(deliverPending(done, current));
  }

  private DeliveryResult deliverPending(Set<String> skip, Set<String> current) {
    Map<String, Ledger.State> states;
    try {
      states = ledger.states();
    } catch (IOException e) {
      LOG.error("Cannot send pending reports: {}", DeliveryErrors.ledgerUnreadable(String.valueOf(e.getMessage())));
      return new DeliveryResult(List.of(new Entry(LocalDate.EPOCH, "*", Status.FAILED,
          DeliveryErrors.ledgerUnreadable(String.valueOf(e.getMessage())), null, channel(), 0, false)));
    }
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Ledger.State> kv : states.entrySet()) {
      Ledger.State st = kv.getValue();
      if (!st.pending() || skip.contains(kv.getKey())) {
        continue;
      }
      LocalDate asOf = st.asOf();
      String rcpt = st.recipient();
      String messageId = st.last().messageId();
      Location pending = resolvePending(st.last().pending());
      if (current != null && !current.contains(rcpt.toLowerCase(Locale.ROOT))) {
        try {
          ledger.append(new Ledger.Event(clock.instant(), asOf, rcpt, Ledger.CANCELLED, messageId, null, null, 0,
              DeliveryErrors.notRecipient(), st.last().kind()));
          if (pending != null) {
            deletePending(pending);
          }
        } catch (IOException e) {
          LOG.warn("Cannot record the cancelled delivery for {} to {}: {}", asOf, rcpt, e.getMessage());
        }
        LOG.info("Dropping the pending report for {} to {}: {}", asOf, rcpt, DeliveryErrors.notRecipient());
        entries.add(new Entry(asOf, rcpt, Status.CANCELLED, DeliveryErrors.notRecipient(), messageId, null, 0, false));
        continue;
      }
      if (pending == null || !isFile(pending)) {
        String reason = DeliveryErrors.pendingMissing(String.valueOf(st.last().pending()));
        LOG.error("Cannot send the pending report for {} to {}: {}", asOf, rcpt, reason);
        entries.add(new Entry(asOf, rcpt, Status.FAILED, reason, messageId, channel(), 0, false));
        continue;
      }
      byte[] raw;
      try {
        raw = pending.readAllBytes();
      } catch (IOException e) {
        String reason = DeliveryErrors.pendingMissing(pending + " (" + e.getMessage() + ")");
        entries.add(new Entry(asOf, rcpt, Status.FAILED, reason, messageId, channel(), 0, false));
        continue;
      }
      LOG.info("Sending the report for {} to {} that an earlier run left pending ({})", asOf, rcpt, messageId);
      entries.add(transmit(asOf, rcpt, messageId, raw, pending, st.timesSent(), st.last().kind()));
    }
    removeOrphans();
    DeliveryResult result = new DeliveryResult(entries);
    if (!entries.isEmpty()) {
      LOG.info("Delivery of pending reports: {}", result.summary());
    }
    return result;
  }

  /** Sends (SMTP, with retries) or writes (outbox), then records the outcome. */
  private Entry transmit(LocalDate asOf, String rcpt, String messageId, byte[] raw, Location pending, int n,
      String kind) {
    se.vardag.Checkpoint.reached(se.vardag.Checkpoint.DELIVERY);
    String channel = channel();
    int attempts = 0;
    String failure = null;
    boolean permanent = false;
    if (config.smtp().enabled()) {
      SmtpSettings smtp = config.smtp();
      if (!smtp.user().isEmpty() && smtp.password().filter(p -> !p.isEmpty()).isEmpty()) {
        failure = DeliveryErrors.noPassword();
        permanent = true;
      } else {
        SmtpChannel smtpChannel = new SmtpChannel(smtp, envelopeFrom());
        long backoff = smtp.retryBackoffMs();
        while (true) {
          attempts++;
          try {
            smtpChannel.send(raw, rcpt);
            failure = null;
            break;
          } catch (Exception e) {
            SmtpFailure f = SmtpFailure.of(e);
            failure = redactor.apply(DeliveryErrors.smtpFailed(attempts, f));
            permanent = !f.temporary();
            LOG.warn("Attempt {}/{} to send the report for {} to {} failed ({}): {}", attempts, smtp.maxAttempts(),
                asOf, rcpt, f.temporary() ? "temporary" : "permanent", redactor.apply(f.reason()));
            if (permanent || attempts >= smtp.maxAttempts()) {
              break;
            }
            try {
              sleeper.sleep(backoff);
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
              break;
            }
            backoff = backoff > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : backoff * 2;
          }
        }
      }
    } else {
      attempts = 1;
      try {
        Location file = outboxDir().resolve(outboxName(asOf, rcpt, n));
        file.write(raw);
        LOG.info("Wrote the report for {} to {} into the outbox: {}", asOf, rcpt, file);
      } catch (IOException e) {
        failure = DeliveryErrors.outboxFailed(e.getClass().getSimpleName() + " " + e.getMessage());
      }
    }

    if (failure == null) {
      se.vardag.Checkpoint.reached(se.vardag.Checkpoint.AFTER_SEND);
      try {
        ledger.append(new Ledger.Event(clock.instant(), asOf, rcpt, Ledger.SENT, messageId, channel, null, attempts,
            null, kind));
        deletePending(pending);
      } catch (IOException e) {
        LOG.error("Sent the report for {} to {} ({}), but cannot record it in the ledger: {}. A rerun may send it "
            + "once more, with the same Message-ID.", asOf, rcpt, messageId, e.getMessage());
      }
      LOG.info("Sent the report for {} to {} via {} ({}, {} attempt(s))", asOf, rcpt, channel, messageId, attempts);
      return new Entry(asOf, rcpt, Status.SENT, "", messageId, channel, attempts, false);
    }
    try {
      ledger.append(new Ledger.Event(clock.instant(), asOf, rcpt, Ledger.FAILED, messageId, channel,
          deliveryDir.relativize(pending), attempts, failure, kind));
    } catch (IOException e) {
      LOG.error("Cannot record the failed delivery for {} to {} in the ledger: {}", asOf, rcpt, e.getMessage());
    }
    LOG.error("Cannot deliver the report for {} to {}: {}", asOf, rcpt, failure);
    return new Entry(asOf, rcpt, Status.FAILED, failure, messageId, channel, attempts, permanent);
  }

  private List<String> recipients() {
    Map<String, String> unique = new LinkedHashMap<>();
    for (String r : config.mailTo()) {
      String clean = Text.oneLine(r);
      if (!clean.isEmpty()) {
        unique.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
      }
    }
    return new ArrayList<>(unique.values());
  }

  private String channel() {
    return config.smtp().enabled() ? "smtp" : "outbox";
  }

  private String channelDescription() {
    SmtpSettings s = config.smtp();
    if (!s.enabled()) {
      return "the outbox " + outboxDir();
    }
    return "SMTP " + s.host() + ":" + s.port() + " (STARTTLS " + (s.starttls() ? "required" : "off") + ", "
        + (s.user().isEmpty() ? "no login" : "login as " + s.user()) + ")";
  }

  private String envelopeFrom() {
    try {
      return new jakarta.mail.internet.InternetAddress(Text.oneLine(config.mailFrom()), true).getAddress();
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("Cannot use mail.from: " + e.getMessage(), e);
    }
  }

  private Location pendingFile(LocalDate asOf, String rcpt) {
    return deliveryDir.resolve(PENDING_DIR).resolve(asOf.toString())
        .resolve(MessageComposer.recipientHash(rcpt) + ".eml");
  }

  /** Removes a pending message, and its day folder and the pending folder when they become empty. */
  private void deletePending(Location pending) throws IOException {
    pending.delete();
    String root = deliveryDir.resolve(PENDING_DIR).toString();
    for (Location dir = pending.parent(); dir.toString().startsWith(root); dir = dir.parent()) {
      if (!dir.entries().isEmpty()) {
        return;
      }
      dir.delete();
    }
  }

  /** The pending file a ledger record names, if it lies inside _delivery/pending. */
  private Location resolvePending(String rel) {
    if (rel == null || rel.startsWith("/") || java.util.Arrays.asList(rel.split("[/\\\\]")).contains("..")) {
      return null;
    }
    Location p;
    try {
      p = deliveryDir.resolve(rel);
    } catch (IllegalArgumentException e) {
      return null; // not a name this program writes
    }
    return p.toString().startsWith(deliveryDir.resolve(PENDING_DIR) + "/") ? p : null;
  }

  private static boolean isFile(Location file) {
    try {
      return file.isFile();
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** "2026-11-03_ledning_example.se_1a2b3c4d5e6f.eml"; "..._2.eml" for the second sending (--resend). */
  static String outboxName(LocalDate asOf, String rcpt, int n) {
    String safe = rcpt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    if (safe.length() > 64) {
      safe = safe.substring(0, 64);
    }
    return asOf + "_" + safe + "_" + MessageComposer.recipientHash(rcpt) + (n > 0 ? "_" + (n + 1) : "") + ".eml";
  }

  /** Pending files no pending ledger state refers to (left by a crash around the ledger write). */
  private void removeOrphans() {
    Location root = deliveryDir.resolve(PENDING_DIR);
    try {
      List<Location.Entry> days = root.entries();
      if (days.isEmpty()) {
        return;
      }
      Set<String> wanted = new HashSet<>();
      for (Ledger.State st : ledger.states().values()) {
        if (st.pending()) {
          Location p = resolvePending(st.last().pending());
          if (p != null) {
            wanted.add(p.toString());
          }
        }
      }
      for (Location.Entry day : days) {
        if (!day.directory()) {
          continue;
        }
        Location dayDir = root.resolve(day.name());
        boolean left = false;
        for (Location.Entry f : dayDir.entries()) {
          if (wanted.contains(dayDir.resolve(f.name()).toString())) {
            left = true;
          } else {
            dayDir.resolve(f.name()).delete();
          }
        }
        if (!left) {
          dayDir.delete();
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot tidy the pending folder {}: {}", root, e.getMessage());
    }
  }

  private static DeliveryResult allFailed(LocalDate asOf, List<String> recipients, String reason) {
    List<Entry> entries = new ArrayList<>();
    for (String r : recipients) {
      entries.add(new Entry(asOf, r, Status.FAILED, reason, null, null, 0, false));
    }
    LOG.error("Cannot deliver the report for {}: {}", asOf, reason);
    return new DeliveryResult(entries);
  }
}
