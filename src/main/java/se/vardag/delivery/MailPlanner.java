package se.vardag.delivery;

import static java.util.Objects.requireNonNull;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardag.AtomicFiles;
import se.vardag.Location;
import se.vardag.Text;
import se.vardag.config.Audience;
import se.vardag.config.Cadence;
import se.vardag.config.Recipient;
import se.vardag.config.VardagConfig;
import se.vardag.model.Columns;
import se.vardag.model.Tables;
import se.vardag.report.InitiativeRow;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportVariants;
import se.vardag.report.Scope;

/**
 * Works out who receives what for D (SPEC section 7) and renders it, when D's report is rendered:
 * <ul>
 *   <li>recipients: {@code mail.to} (the whole organisation), with {@code mail.owners} every owner employed
 *   at D with an email in the roster (their own initiatives), and {@code mail.recipients_file}'s
 *   (the whole organisation, or the initiatives whose targets lie under an org-unit prefix); an address in
 *   several roles gets one mail with the union of its scopes;</li>
 *   <li>kind: the full report when {@code report.cadence} is daily, on its weekday, or when the recipient has
 *   had no full report in the six days before D (a missed weekday, a new recipient); otherwise, with
 *   {@code report.alerts}, an alert when a verdict got worse or a high flag was raised since the recipient's
 *   last mail, else nothing;</li>
 *   <li>comparison: a report's changes count from the recipient's last full report, an alert's from their
 *   last mail of any kind, each when that date is still published, else from the previous published date.</li>
 * </ul>
 * Each distinct (kind, scope, comparison date) is rendered once (one after the other) into {@code <versionDir>/mail/}; the plan
 * is {@code mail/plan.json}. The organisation's report compared with the previous published date is the
 * version's own {@code report/} folder. The plan depends on the ledger only through dates before D, so a
 * rerun of D plans the same mail, and the ledger's (D, recipient) keeps it from going out twice.
 */
public final class MailPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(MailPlanner.class);

  static final String LEADERSHIP = "leadership";
  static final String OWNER = "owner";
  static final String LISTED = "recipients_file";

  private final VardagConfig config;
  private final Ledger ledger;

  public MailPlanner(VardagConfig config, Path outputDir) {
    this(config, Location.of(requireNonNull(outputDir, "outputDir is null")));
  }

  /** A planner reading the ledger under {@code outputDir}, local or on a Hadoop file system. */
  public MailPlanner(VardagConfig config, Location outputDir) {
    this.config = requireNonNull(config, "config is null");
    this.ledger = new Ledger(outputDir.resolve(Mailer.DELIVERY_DIR));
  }

  /** One recipient before planning: the address, its roles and its scope on D (null: an address in error). */
  record Member(String email, Set<String> roles, Scope scope, String problem) {}

  /**
   * The recipients of D with their scopes, in the order: mail.to, the recipients file, the owners. An
   * address is compared without regard to case.
   */
  static List<Member> members(Audience audience, List<InitiativeRow> rows) {
    Map<String, String> emails = new LinkedHashMap<>();
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    Map<String, Scope> scopes = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (String to : audience.leadership()) {
      add(emails, roles, scopes, Text.oneLine(to), LEADERSHIP, Scope.all());
    }
    for (Recipient r : audience.listed()) {
      Scope s = null;
      for (String scope : r.scopes()) {
        Scope one = Recipient.ALL.equals(scope) ? Scope.all() : Scope.underOrgUnit(scope, rows);
        s = s == null ? one : s.union(one);
      }
      add(emails, roles, scopes, r.email(), LISTED, s);
    }
    if (audience.owners()) {
      Map<String, List<String>> owned = new LinkedHashMap<>();
      Map<String, String> ownerAddress = new LinkedHashMap<>();
      for (InitiativeRow i : rows) {
        String email = i.str(Columns.OWNER_EMAIL);
        if (email == null || email.isBlank() || !i.isTrue(Columns.OWNER_ACTIVE)) {
          continue;
        }
        String clean = Text.oneLine(email);
        String key = clean.toLowerCase(Locale.ROOT);
        ownerAddress.putIfAbsent(key, clean);
        owned.computeIfAbsent(key, k -> new ArrayList<>()).add(i.id());
        try {
          new InternetAddress(clean, true).validate();
        } catch (AddressException e) {
          problems.put(key, "the roster's email of owner " + Text.oneLine(i.str(Columns.OWNER_ID)) + " is not an e-mail address: '"
              + clean + "'; correct it in employees.csv");
        }
      }
      for (Map.Entry<String, List<String>> e : owned.entrySet()) {
        add(emails, roles, scopes, ownerAddress.get(e.getKey()), OWNER, Scope.ownerOf(e.getValue()));
      }
    }
    List<Member> out = new ArrayList<>();
    for (Map.Entry<String, String> e : emails.entrySet()) {
      out.add(new Member(e.getValue(), roles.get(e.getKey()), scopes.get(e.getKey()), problems.get(e.getKey())));
    }
    return out;
  }

  private static void add(Map<String, String> emails, Map<String, Set<String>> roles, Map<String, Scope> scopes,
      String email, String role, Scope scope) {
    if (email.isEmpty()) {
      return;
    }
    String key = email.toLowerCase(Locale.ROOT);
    emails.putIfAbsent(key, email);
    roles.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(role);
    scopes.merge(key, scope, Scope::union);
  }

  /**
   * Plans D's mail and renders what it needs into {@code versionDir/mail/} (replacing an earlier plan of
   * the same version folder whole). {@code mainComparedWith} is the date the version's own report was
   * compared with (null: none); {@code previous}, the latest published date before D (null: none).
   */
  public MailPlan plan(LocalDate asOf, Path versionDir, ReportVariants variants, LocalDate mainComparedWith,
      LocalDate previous) {
    return plan(asOf, Location.of(versionDir), variants, mainComparedWith, previous);
  }

  /**
   * As {@link #plan(LocalDate, Path, ReportVariants, LocalDate, LocalDate)}. On a Hadoop file system,
   * where a folder is not renamed in one step, {@code mail/} is replaced file by file: it must lie in a
   * version folder no reader looks at yet (its date's pointer is written after it).
   */
  public MailPlan plan(LocalDate asOf, Location versionDir, ReportVariants variants, LocalDate mainComparedWith,
      LocalDate previous) {
    requireNonNull(asOf, "asOf is null");
    Map<String, Ledger.State> states;
    try {
      states = ledger.states();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the delivery ledger to plan the mail for " + asOf, e);
    }
    Ledger.Received received = Ledger.received(states, asOf);
    Cadence cadence = config.cadence();
    LocalDate nextFull = cadence.weekday().map(w -> asOf.with(TemporalAdjusters.next(w))).orElse(null);
    Location mailDir = versionDir.resolve(MailPlan.DIR);
    boolean local = versionDir.isLocal();
    Location tmp = local ? versionDir.resolve("." + MailPlan.DIR + ".tmp-" + UUID.randomUUID()) : mailDir;
    // Pass 1: what each recipient gets, and the distinct variants that needs (rendered once each).
    List<Object> decided = new ArrayList<>(); // per member: a final Item, or a Want
    Map<String, Want> variantsWanted = new LinkedHashMap<>();
    try {
      if (local) {
        cleanLeftovers(versionDir.path());
        Files.createDirectories(tmp.path());
      } else {
        mailDir.delete();
      }
      for (Member m : members(config.audience(), variants.base().initiatives())) {
        List<String> roles = List.copyOf(m.roles());
        String scope = m.scope().toString();
        if (m.problem() != null) {
          decided.add(new MailPlan.Item(m.email(), roles, scope, MailPlan.Kind.NONE, null, null, m.problem()));
          continue;
        }
        if (m.scope().isEmpty()) {
          decided.add(new MailPlan.Item(m.email(), roles, scope, MailPlan.Kind.NONE, null, null,
              "no initiative in the register on " + asOf + " targets " + String.join(" or ", m.scope().units())));
          continue;
        }
        Optional<LocalDate> lastReport = received.lastReport(m.email());
        Optional<LocalDate> lastMail = received.lastMail(m.email());
        boolean full = cadence.fullReportOn(asOf) || lastReport.isEmpty() || lastReport.get().isBefore(asOf.minusDays(6));
        if (full) {
          LocalDate since = lastReport.filter(variants::comparable).orElse(previous);
          String why = cadence.daily() ? "report.cadence = daily"
              : cadence.fullReportOn(asOf) ? "the weekday of report.cadence = " + cadence.describe()
              : lastReport.isEmpty() ? "the recipient's first report" : "no full report since " + lastReport.get();
          if (m.scope().isAll() && java.util.Objects.equals(since, mainComparedWith)) {
            decided.add(new MailPlan.Item(m.email(), roles, scope, MailPlan.Kind.REPORT, since, Tables.REPORT, why));
          } else {
            Want w = new Want(MailPlan.Kind.REPORT, m.scope(), since);
            variantsWanted.putIfAbsent(w.key(), w);
            decided.add(new Pending(m.email(), roles, scope, w.key(), why));
          }
          continue;
        }
        if (!cadence.alerts()) {
          decided.add(new MailPlan.Item(m.email(), roles, scope, MailPlan.Kind.NONE, null, null,
              "not the weekday of report.cadence = " + cadence.describe() + ", and report.alerts = false"));
          continue;
        }
        LocalDate since = lastMail.filter(variants::comparable).orElse(previous);
        if (since == null) {
          decided.add(new MailPlan.Item(m.email(), roles, scope, MailPlan.Kind.NONE, null, null,
              "not the weekday of report.cadence = " + cadence.describe() + ", and no earlier date to compare with"));
          continue;
        }
        Want w = new Want(MailPlan.Kind.ALERT, m.scope(), since);
        variantsWanted.putIfAbsent(w.key(), w);
        decided.add(new Pending(m.email(), roles, scope, w.key(), "a verdict got worse or a high flag was raised since "
            + since));
      }

      // Pass 2: render the variants (an owner's report with its PDF takes about 0.07 s).
      Map<String, Optional<RenderedReport>> rendered = render(variantsWanted, variants, nextFull);
      for (Map.Entry<String, Optional<RenderedReport>> e : rendered.entrySet()) {
        if (e.getValue().isPresent()) {
          write(e.getValue().get(), tmp.resolve(e.getKey()));
        }
      }

      // Pass 3: the plan, in the recipients' order.
      List<MailPlan.Item> items = new ArrayList<>();
      for (Object o : decided) {
        if (o instanceof MailPlan.Item item) {
          items.add(item);
          continue;
        }
        Pending pending = (Pending) o;
        Want w = variantsWanted.get(pending.key());
        if (rendered.get(pending.key()).isEmpty()) {
          items.add(new MailPlan.Item(pending.email(), pending.roles(), pending.scope(), MailPlan.Kind.NONE, w.since(),
              null, "not the weekday of report.cadence = " + cadence.describe() + ", and no verdict got worse and no "
                  + "high flag was raised since " + w.since()));
        } else {
          items.add(new MailPlan.Item(pending.email(), pending.roles(), pending.scope(), w.kind(), w.since(),
              MailPlan.DIR + "/" + pending.key(), pending.reason()));
        }
      }
      MailPlan plan = new MailPlan(asOf, items);
      plan.write(tmp.resolve(MailPlan.FILE));
      if (local) {
        replaceFolder(tmp.path(), mailDir.path());
      }
      LOG.info("Mail for {}: {} full report(s), {} alert(s), {} recipient(s) without mail; {} rendered variant(s)",
          asOf, plan.count(MailPlan.Kind.REPORT), plan.count(MailPlan.Kind.ALERT), plan.count(MailPlan.Kind.NONE),
          rendered.values().stream().filter(Optional::isPresent).count());
      return plan;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the mail plan for " + asOf + " into " + mailDir, e);
    }
  }

  /** A variant of D's mail: its kind, scope and comparison date; its folder under mail/ is {@link #key()}. */
  private record Want(MailPlan.Kind kind, Scope scope, LocalDate since) {
    String key() {
      return (kind == MailPlan.Kind.ALERT ? "alert-" : "report-") + scope.key() + "-"
          + (since == null ? "none" : since.toString());
    }
  }

  /** A recipient whose mail waits for its variant to be rendered. */
  private record Pending(String email, List<String> roles, String scope, String key, String reason) {}

  /**
   * Renders every wanted variant (an alert may come back empty: nothing got worse), one after the other:
   * rendering four at a time was measured no faster on two cores (performance.md), so it is not done.
   */
  private static Map<String, Optional<RenderedReport>> render(Map<String, Want> wanted, ReportVariants variants,
      LocalDate nextFull) {
    Map<String, Optional<RenderedReport>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Want> e : wanted.entrySet()) {
      Want w = e.getValue();
      out.put(e.getKey(), w.kind() == MailPlan.Kind.ALERT ? variants.alert(w.scope(), w.since(), nextFull)
          : Optional.of(variants.report(w.scope(), w.since())));
    }
    return out;
  }

  private static void write(RenderedReport report, Location dir) {
    report.writeTo(dir);
  }

  /** Renames the complete folder {@code tmp} to {@code target}, replacing what was there. */
  private static void replaceFolder(Path tmp, Path target) throws IOException {
    AtomicFiles.syncDir(tmp);
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + MailPlan.DIR + ".old-" + UUID.randomUUID());
      Files.move(target, old);
    }
    Files.move(tmp, target);
    AtomicFiles.syncDir(target.getParent());
    if (old != null) {
      AtomicFiles.deleteRecursively(old);
    }
  }

  private static void cleanLeftovers(Path versionDir) throws IOException {
    if (!Files.isDirectory(versionDir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(versionDir, "." + MailPlan.DIR + ".{tmp,old}-*")) {
      for (Path p : ds) {
        AtomicFiles.deleteRecursively(p);
      }
    }
  }

  /** The recipients of a plan, lower case: who may still get a pending message. */
  static Set<String> recipients(MailPlan plan) {
    Set<String> out = new TreeSet<>();
    plan.items().forEach(i -> out.add(i.recipient().toLowerCase(Locale.ROOT)));
    return out;
  }
}
