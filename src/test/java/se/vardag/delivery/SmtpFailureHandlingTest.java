package se.vardag.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.delivery.DeliveryTestSupport.env;
import static se.vardag.delivery.DeliveryTestSupport.filesUnder;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.config.VardagConfig;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportFixtures;

/** Temporary (4xx) failures are retried with doubling backoff; permanent (5xx) ones are not. */
class SmtpFailureHandlingTest {
  static final LocalDate D = ReportFixtures.D;
  ScriptedSmtpServer server;
  final List<Long> sleeps = new ArrayList<>();
  final RenderedReport report = DeliveryTestSupport.sampleReport("sv");

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSmtpServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  VardagConfig config(String... more) {
    List<String> kv = new ArrayList<>(List.of("VARDAG_MAIL_TO", "ledning@exempel.se",
        "VARDAG_MAIL_SMTP_HOST", "127.0.0.1", "VARDAG_MAIL_SMTP_PORT", Integer.toString(server.port()),
        "VARDAG_MAIL_SMTP_MAX_ATTEMPTS", "3", "VARDAG_MAIL_SMTP_RETRY_BACKOFF_MS", "250"));
    kv.addAll(List.of(more));
    return DeliveryTestSupport.config("sv", env(kv.toArray(new String[0])));
  }

  @Test
  void a4xxIsRetriedAfterABackoffAndThenSucceeds(@TempDir Path out) {
    server.dataReplies.add("451 4.3.0 Temporary local problem, try again later");
    DeliveryResult r = DeliveryTestSupport.mailer(config(), out, sleeps).deliver(D, report, false);

    assertThat(r.failed()).isFalse();
    assertThat(r.sent()).hasSize(1);
    assertThat(r.sent().get(0).attempts()).isEqualTo(2);
    assertThat(server.dataCommands.get()).isEqualTo(2);
    assertThat(server.accepted).hasSize(1);
    assertThat(sleeps).containsExactly(250L);
    assertThat(out.resolve("_delivery/pending")).doesNotExist();
  }

  @Test
  void a4xxEveryTimeGivesUpAfterMaxAttemptsWithDoublingBackoffAndKeepsTheMessagePending(@TempDir Path out)
      throws Exception {
    for (int i = 0; i < 3; i++) {
      server.dataReplies.add("421 4.7.0 Try again later, closing connection");
    }
    DeliveryResult r = DeliveryTestSupport.mailer(config(), out, sleeps).deliver(D, report, false);
    assertThat(r.failed()).isTrue();
    assertThat(r.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED);
    DeliveryResult.Entry e = r.failures().get(0);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.permanent()).isFalse();
    assertThat(e.reason()).contains("temporary", "421", "pending");
    assertThat(sleeps).containsExactly(250L, 500L);
    assertThat(filesUnder(out.resolve("_delivery/pending"))).hasSize(1);

    // The server recovers; the next run sends what is pending.
    DeliveryResult next = DeliveryTestSupport.mailer(config(), out, sleeps).deliverPending();
    assertThat(next.sent()).hasSize(1);
    assertThat(next.sent().get(0).messageId()).isEqualTo(e.messageId());
    assertThat(server.accepted).hasSize(1);
  }

  @Test
  void a5xxFailsAtOnceWithItsOwnExitCodeAndIsNotRetried(@TempDir Path out) throws Exception {
    server.dataReplies.add("554 5.7.1 Message rejected: policy violation");
    DeliveryResult r = DeliveryTestSupport.mailer(config(), out, sleeps).deliver(D, report, false);

    assertThat(r.failed()).isTrue();
    assertThat(r.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED);
    assertThat(r.exitCode().code()).isEqualTo(5);
    DeliveryResult.Entry e = r.failures().get(0);
    assertThat(e.permanent()).isTrue();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.reason()).contains("permanent", "554");
    assertThat(server.dataCommands.get()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(filesUnder(out.resolve("_delivery/pending"))).hasSize(1);
    assertThat(OutboxDeliveryTest.ledgerEvents(out)).containsExactly("intent", "failed");

    // A rerun of D does not skip it: it is still pending, not sent.
    DeliveryResult rerun = DeliveryTestSupport.mailer(config(), out, sleeps).deliver(D, report, false);
    assertThat(rerun.sent()).hasSize(1);
  }

  @Test
  void aRejectedRecipientIsPermanent(@TempDir Path out) {
    server.rcptReplies.add("550 5.1.1 <ledning@exempel.se>: Recipient address rejected: User unknown");
    DeliveryResult r = DeliveryTestSupport.mailer(config(), out, sleeps).deliver(D, report, false);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).permanent()).isTrue();
    assertThat(r.failures().get(0).reason()).contains("550");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aServerThatCannotBeReachedIsTemporary(@TempDir Path out) throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    VardagConfig cfg = config("VARDAG_MAIL_SMTP_PORT", Integer.toString(closedPort));
    DeliveryResult r = DeliveryTestSupport.mailer(cfg, out, sleeps).deliver(D, report, false);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).permanent()).isFalse();
    assertThat(r.failures().get(0).attempts()).isEqualTo(3);
    assertThat(sleeps).containsExactly(250L, 500L);
  }

  @Test
  void starttlsRequiredButNotOfferedIsPermanent(@TempDir Path out) {
    DeliveryResult r = DeliveryTestSupport.mailer(config("VARDAG_MAIL_SMTP_STARTTLS", "true"), out, sleeps)
        .deliver(D, report, false);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).permanent()).isTrue();
    assertThat(r.failures().get(0).reason()).contains("STARTTLS");
    assertThat(server.dataCommands.get()).isZero();
  }
}
