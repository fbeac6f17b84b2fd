package se.vardag.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.delivery.DeliveryTestSupport.env;
import static se.vardag.delivery.DeliveryTestSupport.filesUnder;
import static se.vardag.delivery.DeliveryTestSupport.parse;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.config.VardagConfig;
import se.vardag.delivery.DeliveryResult.Status;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportFixtures;

class OutboxDeliveryTest {
  static final LocalDate D = ReportFixtures.D;

  @Test
  void withoutAnSmtpHostEachRecipientGetsOneEmlFileInTheOutboxOnce(@TempDir Path out) throws Exception {
    VardagConfig cfg = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se, cio@exempel.se"));
    RenderedReport report = DeliveryTestSupport.sampleReport("sv");
    Mailer mailer = DeliveryTestSupport.mailer(cfg, out, new ArrayList<>());

    DeliveryResult first = mailer.deliver(D, report, false);
    assertThat(first.sent()).hasSize(2);
    assertThat(first.failed()).isFalse();
    assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
    List<Path> emls = emls(out.resolve("outbox"));
    assertThat(emls).hasSize(2);
    MimeMessage m = parse(Files.readAllBytes(emls.get(0)));
    assertThat(m.getSubject()).isEqualTo(report.subject());
    assertThat(m.getMessageID()).matches("<vardag\\.2026-11-03\\.[0-9a-f]{12}\\.0@exempel\\.se>");
    assertThat(m.getHeader("Date")[0]).isEqualTo("Wed, 4 Nov 2026 02:30:00 +0100");
    assertThat(out.resolve("_delivery/pending")).doesNotExist();

    DeliveryResult again = mailer.deliver(D, report, false);
    assertThat(again.sent()).isEmpty();
    assertThat(again.skipped()).hasSize(2).allMatch(e -> e.reason().contains("--resend"));
    assertThat(emls(out.resolve("outbox"))).hasSize(2);

    DeliveryResult resend = mailer.deliver(D, report, true);
    assertThat(resend.sent()).hasSize(2);
    List<Path> all = emls(out.resolve("outbox"));
    assertThat(all).hasSize(4);
    assertThat(all.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_2.eml"))).hasSize(2);
    assertThat(resend.sent().get(0).messageId()).endsWith(".1@exempel.se>");
  }

  @Test
  void anAbsoluteOutboxIsUsedAsIsAndEmptyMailToDeliversNothing(@TempDir Path tmp) throws Exception {
    Path box = tmp.resolve("elsewhere/box");
    VardagConfig cfg = DeliveryTestSupport.config("en", env("VARDAG_MAIL_TO", "a@exempel.se",
        "VARDAG_MAIL_OUTBOX_DIR", box.toString()));
    DeliveryResult r = DeliveryTestSupport.mailer(cfg, tmp.resolve("out"), new ArrayList<>())
        .deliver(D, DeliveryTestSupport.sampleReport("en"), false);
    assertThat(r.sent()).hasSize(1);
    assertThat(emls(box)).hasSize(1);

    VardagConfig none = DeliveryTestSupport.config("en", env("VARDAG_MAIL_TO", ""));
    DeliveryResult nothing = DeliveryTestSupport.mailer(none, tmp.resolve("out2"), new ArrayList<>())
        .deliver(D, DeliveryTestSupport.sampleReport("en"), false);
    assertThat(nothing.entries()).isEmpty();
    assertThat(nothing.failed()).isFalse();
    assertThat(tmp.resolve("out2")).doesNotExist();
  }

  @Test
  void aFailedDeliveryStaysPendingAndTheNextRunSendsTheSameMessage(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("blocked"), "a file where the outbox folder should be");
    VardagConfig broken = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se",
        "VARDAG_MAIL_OUTBOX_DIR", "blocked/outbox"));
    RenderedReport report = DeliveryTestSupport.sampleReport("sv");

    DeliveryResult failed = DeliveryTestSupport.mailer(broken, out, new ArrayList<>()).deliver(D, report, false);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED);
    assertThat(failed.failures().get(0).reason()).contains("outbox");
    List<Path> pending = filesUnder(out.resolve("_delivery/pending"));
    assertThat(pending).hasSize(1);
    byte[] kept = Files.readAllBytes(pending.get(0));

    VardagConfig fixed = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se"));
    Mailer mailer = DeliveryTestSupport.mailer(fixed, out, new ArrayList<>());
    DeliveryResult later = mailer.deliverPending();
    assertThat(later.sent()).hasSize(1);
    assertThat(later.failed()).isFalse();
    assertThat(later.sent().get(0).messageId()).isEqualTo(failed.failures().get(0).messageId());
    List<Path> emls = emls(out.resolve("outbox"));
    assertThat(emls).hasSize(1);
    assertThat(Files.readAllBytes(emls.get(0))).isEqualTo(kept);
    assertThat(out.resolve("_delivery/pending")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
        p -> assertThat(filesUnder(p)).isEmpty());

    // Now sent: neither a rerun of D nor another pending pass sends anything.
    assertThat(mailer.deliver(D, report, false).sent()).isEmpty();
    assertThat(mailer.deliverPending().entries()).isEmpty();
    List<String> events = ledgerEvents(out);
    assertThat(events).containsExactly("intent", "failed", "sent");
  }

  @Test
  void aRunThatDiedAfterRecordingItsIntentIsCompletedByTheNextWithTheSameMessageId(@TempDir Path out)
      throws Exception {
    VardagConfig cfg = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se"));
    RenderedReport report = DeliveryTestSupport.sampleReport("sv");
    DeliveryResult first = DeliveryTestSupport.mailer(cfg, out, new ArrayList<>()).deliver(D, report, false);
    String id = first.sent().get(0).messageId();
    // Rewind to "intent recorded, then the process died": drop the sent line, restore the pending file,
    // and leave half a line behind as a crash in the middle of an append would.
    Path ledger = out.resolve("_delivery/ledger.jsonl");
    List<String> lines = Files.readAllLines(ledger);
    Files.write(ledger, lines.subList(0, 1));
    Files.writeString(ledger, "{\"at\":\"2026-11-04T01:3", StandardOpenOption.APPEND);
    Path eml = emls(out.resolve("outbox")).get(0);
    Path pending = out.resolve("_delivery").resolve(lines.get(0).replaceAll(".*\"pending\":\"([^\"]+)\".*", "$1"));
    Files.createDirectories(pending.getParent());
    Files.copy(eml, pending);

    DeliveryResult next = DeliveryTestSupport.mailer(cfg, out, new ArrayList<>()).deliverAll(D, report, false);
    // deliver(D) sees the intent without success and sends again; the id says it is the same message.
    assertThat(next.sent()).hasSize(1);
    assertThat(next.sent().get(0).messageId()).isEqualTo(id);
    assertThat(next.failed()).isFalse();
    assertThat(ledgerEvents(out)).containsExactly("intent", "intent", "sent");
  }

  @Test
  void deliverAllAlsoSendsWhatOlderDaysLeftPendingAndDropsRecipientsNoLongerConfigured(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("blocked"), "x");
    RenderedReport report = DeliveryTestSupport.sampleReport("sv");
    LocalDate older = D.minusDays(1);
    VardagConfig broken = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "a@exempel.se,gone@exempel.se",
        "VARDAG_MAIL_OUTBOX_DIR", "blocked/outbox"));
    assertThat(DeliveryTestSupport.mailer(broken, out, new ArrayList<>()).deliver(older, report, false).failures())
        .hasSize(2);

    VardagConfig now = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "a@exempel.se"));
    DeliveryResult r = DeliveryTestSupport.mailer(now, out, new ArrayList<>()).deliverAll(D, report, false);
    assertThat(r.sent()).extracting(DeliveryResult.Entry::asOf).containsExactlyInAnyOrder(D, older);
    assertThat(r.entries()).filteredOn(e -> e.status() == Status.CANCELLED)
        .extracting(DeliveryResult.Entry::recipient).containsExactly("gone@exempel.se");
    assertThat(r.failed()).isFalse();
    assertThat(emls(out.resolve("outbox"))).hasSize(2);
  }

  static List<String> ledgerEvents(Path out) throws Exception {
    return Files.readAllLines(out.resolve("_delivery/ledger.jsonl"), StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("\"event\""))
        .map(l -> l.replaceAll(".*\"event\":\"([a-z]+)\".*", "$1")).collect(Collectors.toList());
  }

  static List<Path> emls(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    return filesUnder(dir).stream().filter(p -> p.toString().endsWith(".eml")).sorted().collect(Collectors.toList());
  }
}
