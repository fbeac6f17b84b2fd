package se.vardag.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.delivery.DeliveryTestSupport.env;
import static se.vardag.delivery.DeliveryTestSupport.filesUnder;
import static se.vardag.delivery.DeliveryTestSupport.leaves;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.LogCapture;
import se.vardag.SparkTestSupport;
import se.vardag.config.VardagConfig;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportFixtures;
import se.vardag.report.ReportRenderer;

/**
 * The SMTP password never appears in a file written under the output folder, in a log line, or in the
 * results: a canary password goes through a successful login, a refused login, a temporary refusal and
 * an outbox run, and then every file and the captured log are searched for it (as is and base64-encoded,
 * the way SMTP AUTH carries it).
 */
class SecretHandlingTest {
  static final String CANARY = "canary-Pw-7f3a9c1e-ÅÄÖ";
  static final LocalDate D = ReportFixtures.D;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("vardag@exempel.se", "vardag", CANARY))
      .withPerMethodLifecycle(true);

  @Test
  void theCanaryPasswordIsNowhereInFilesLogsOrResults(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Path secretFile = tmp.resolve("secrets/smtp-password");
    Files.createDirectories(secretFile.getParent());
    Files.writeString(secretFile, CANARY + "\n", StandardCharsets.UTF_8);
    List<String> results = new ArrayList<>();
    List<String> configTexts = new ArrayList<>();

    try (LogCapture log = new LogCapture(); ScriptedSmtpServer refusing = new ScriptedSmtpServer()) {
      SparkSession spark = SparkTestSupport.spark();
      Path version = out.resolve("_versions/1");
      ReportFixtures.writeVersionDir(spark, version, ReportFixtures.sample());

      // 1. A successful authenticated delivery (password from the environment).
      VardagConfig ok = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se",
          "VARDAG_MAIL_SMTP_HOST", "127.0.0.1", "VARDAG_MAIL_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()),
          "VARDAG_MAIL_SMTP_USER", "vardag", "VARDAG_MAIL_SMTP_PASSWORD", CANARY));
      RenderedReport report = new ReportRenderer(ok).render(spark, version, D);
      DeliveryResult sent = new Mailer(ok, out, DeliveryTestSupport.CLOCK).deliverAll(D, report, false);
      assertThat(sent.sent()).hasSize(1);
      assertThat(greenMail.getReceivedMessages()).hasSize(1);
      results.add(sent.toString());
      configTexts.add(ok.toString());
      configTexts.add(ok.effective().toString());
      configTexts.add(ok.smtp().toString());

      // 2. The same server refuses a wrong password: a permanent failure, and the password really is used.
      VardagConfig wrong = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se",
          "VARDAG_MAIL_SMTP_HOST", "127.0.0.1", "VARDAG_MAIL_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()),
          "VARDAG_MAIL_SMTP_USER", "vardag", "VARDAG_MAIL_SMTP_PASSWORD", CANARY + "-wrong"));
      DeliveryResult refused = new Mailer(wrong, tmp.resolve("out-wrong"), DeliveryTestSupport.CLOCK)
          .deliver(D, report, false);
      assertThat(refused.failures()).hasSize(1);
      results.add(refused.toString());

      // 3. A server that refuses the login (535, then a temporary 454), with the password from a file.
      refusing.authReplies.add("535 5.7.8 Authentication credentials invalid");
      VardagConfig fromFile = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se",
          "VARDAG_MAIL_SMTP_HOST", "127.0.0.1", "VARDAG_MAIL_SMTP_PORT", Integer.toString(refusing.port()),
          "VARDAG_MAIL_SMTP_USER", "vardag", "VARDAG_MAIL_SMTP_PASSWORD_FILE", secretFile.toString(),
          "VARDAG_MAIL_SMTP_MAX_ATTEMPTS", "2"));
      assertThat(fromFile.smtp().password()).contains(CANARY);
      DeliveryResult r535 = new Mailer(fromFile, out, DeliveryTestSupport.CLOCK, ms -> { }).deliver(D.minusDays(1),
          report, false);
      assertThat(r535.failures()).hasSize(1);
      assertThat(r535.failures().get(0).permanent()).isTrue();
      refusing.authReplies.add("454 4.7.0 Temporary authentication failure");
      refusing.authReplies.add("454 4.7.0 Temporary authentication failure");
      DeliveryResult r454 = new Mailer(fromFile, out, DeliveryTestSupport.CLOCK, ms -> { }).deliverPending();
      assertThat(r454.failures()).hasSize(1);
      assertThat(r454.failures().get(0).permanent()).isFalse();
      assertThat(r454.failures().get(0).attempts()).isEqualTo(2);
      results.add(r535.toString());
      results.add(r454.toString());
      configTexts.add(fromFile.toString());
      configTexts.add(fromFile.effective().toString());

      // 4. The outbox, with a password configured but no host.
      VardagConfig outbox = DeliveryTestSupport.config("sv", env("VARDAG_MAIL_TO", "ledning@exempel.se",
          "VARDAG_MAIL_SMTP_USER", "vardag", "VARDAG_MAIL_SMTP_PASSWORD", CANARY));
      results.add(new Mailer(outbox, out, DeliveryTestSupport.CLOCK).deliver(D.minusDays(2), report, false).toString());

      List<String> forms = forms();
      String logged = log.text();
      assertThat(logged).contains("Delivering the mail", "535", "454");
      for (String f : forms) {
        assertThat(logged).as("log").doesNotContain(f);
        for (String t : results) {
          assertThat(t).as("result").doesNotContain(f);
        }
        for (String t : configTexts) {
          assertThat(t).as("configuration text").doesNotContain(f);
        }
      }

      List<Path> files = new ArrayList<>(filesUnder(out));
      files.addAll(filesUnder(tmp.resolve("out-wrong")));
      assertThat(files).anyMatch(p -> p.toString().endsWith("ledger.jsonl"))
          .anyMatch(p -> p.toString().endsWith(".eml")).anyMatch(p -> p.toString().endsWith("report.html"))
          .anyMatch(p -> p.toString().endsWith(".parquet"));
      for (Path file : files) {
        byte[] bytes = Files.readAllBytes(file);
        for (String f : forms) {
          assertThat(indexOf(bytes, f.getBytes(StandardCharsets.UTF_8))).as(file + " holds the password").isEqualTo(-1);
          assertThat(indexOf(bytes, f.getBytes(StandardCharsets.ISO_8859_1))).as(file.toString()).isEqualTo(-1);
        }
        if (file.toString().endsWith(".eml")) {
          // Decoded, too: no part of a message carries it base64- or quoted-printable-encoded.
          MimeMessage m = DeliveryTestSupport.parse(bytes);
          for (Part p : leaves(m)) {
            String decoded = new String(DeliveryTestSupport.bytes(p), StandardCharsets.UTF_8);
            assertThat(decoded).doesNotContain(CANARY);
          }
        }
      }
      // And the received message itself.
      for (MimeMessage m : greenMail.getReceivedMessages()) {
        String whole = new String(DeliveryTestSupport.raw(m), StandardCharsets.UTF_8);
        for (String f : forms) {
          assertThat(whole).doesNotContain(f);
        }
      }
    }
  }

  /** The password as is, and as SMTP AUTH PLAIN / LOGIN would carry it. */
  static List<String> forms() {
    Base64.Encoder b64 = Base64.getEncoder();
    return List.of(CANARY, "canary-Pw-7f3a9c1e",
        b64.encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(("\0vardag\0" + CANARY).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(("vardag\0vardag\0" + CANARY).getBytes(StandardCharsets.UTF_8)));
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aUserWithoutAPasswordFailsWithARemedyNotALeak(@TempDir Path out) {
    VardagConfig cfg = DeliveryTestSupport.config("en", env("VARDAG_MAIL_TO", "a@exempel.se",
        "VARDAG_MAIL_SMTP_HOST", "127.0.0.1", "VARDAG_MAIL_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()),
        "VARDAG_MAIL_SMTP_USER", "vardag"));
    DeliveryResult r = new Mailer(cfg, out, DeliveryTestSupport.CLOCK).deliver(D, DeliveryTestSupport.sampleReport("en"),
        false);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).reason()).contains("VARDAG_MAIL_SMTP_PASSWORD", "mail.smtp.password_file");
    assertThat(Map.of()).isEmpty();
  }
}
