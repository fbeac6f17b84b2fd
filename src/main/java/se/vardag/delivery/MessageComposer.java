package se.vardag.delivery;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import se.vardag.Checksums;
import se.vardag.Text;
import se.vardag.report.RenderedReport;

/**
 * Composes the report e-mail for one recipient, as the exact bytes that are sent (or kept pending, or
 * written to the outbox):
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8          (the digest as text)
 *     multipart/related
 *       text/html; charset=UTF-8          (the digest; images as cid:CONTENT-ID)
 *       image/png  Content-ID: &lt;...&gt;   (one per chart the digest shows, inline)
 *   application/pdf                       (the whole report, attachment; absent when the report has none)
 *   text/csv; charset=UTF-8               (attachment)
 * </pre>
 * Attachment file names are RFC 2231-encoded.
 * Every header value is put on one line first ({@link Text#oneLine}): CR/LF from the inputs never reaches a
 * header. The subject is RFC 2047-encoded UTF-8, so å, ä and ö survive any server.
 */
final class MessageComposer {
  private static final DateTimeFormatter RFC_5322_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private final Session session;
  private final InternetAddress from;
  private final ZoneId zone;

  MessageComposer(String mailFrom, ZoneId zone) {
    Properties p = new Properties();
    p.setProperty("mail.mime.charset", "UTF-8");
    this.session = Session.getInstance(p);
    try {
      this.from = new InternetAddress(Text.oneLine(mailFrom), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Cannot use mail.from: " + e.getMessage(), e);
    }
    this.zone = zone;
  }

  Session session() {
    return session;
  }

  /**
   * The deterministic Message-ID of the {@code n}-th sending (0 = first) of D's report to a recipient: a
   * re-send after a crash carries the same id, so it is recognisable as a duplicate; an asked-for
   * {@code --resend} gets the next number.
   */
  String messageId(LocalDate asOf, String recipient, int n) {
    String domain = from.getAddress().contains("@")
        ? from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1) : "vardag.invalid";
    return "<vardag." + asOf + "." + recipientHash(recipient) + "." + n + "@" + domain + ">";
  }

  static String recipientHash(String recipient) {
    byte[] h = Checksums.sha256().digest(recipient.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 6);
  }

  byte[] compose(RenderedReport r, String recipient, String messageId, Instant date)
      throws MessagingException, IOException {
    MimeMessage msg = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    msg.setFrom(from);
    msg.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(Text.oneLine(recipient), true));
    String subject = Text.oneLine(r.subject());
    if (subject.contains("=?")) {
      // Text that looks like an RFC 2047 encoded word would be decoded by the reader's client: encode it all.
      msg.setHeader("Subject", MimeUtility.fold(9, MimeUtility.encodeWord(subject, "UTF-8", "Q")));
    } else {
      msg.setSubject(subject, "UTF-8");
    }
    msg.setHeader("Date", RFC_5322_DATE.format(date.atZone(zone)));
    msg.setHeader("Content-Language", Text.oneLine(r.language()));
    msg.setHeader("Auto-Submitted", "auto-generated");
    msg.setHeader("X-Auto-Response-Suppress", "All");
    msg.setHeader("X-Vardag-As-Of", r.asOf().toString());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(r.mailText(), "UTF-8", "plain");

    MimeMultipart related = new MimeMultipart("related");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(r.mailHtml(), "UTF-8", "html");
    related.addBodyPart(html);
    for (RenderedReport.Chart c : r.mailCharts()) {
      MimeBodyPart img = new MimeBodyPart();
      img.setDataHandler(new DataHandler(new ByteArrayDataSource(c.png(), "image/png")));
      img.setContentID("<" + c.contentId() + ">");
      img.setDisposition(Part.INLINE);
      img.setFileName(c.fileName());
      img.setHeader("Content-Transfer-Encoding", "base64");
      related.addBodyPart(img);
    }
    MimeBodyPart relatedPart = new MimeBodyPart();
    relatedPart.setContent(related);

    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(relatedPart);
    MimeBodyPart alternativePart = new MimeBodyPart();
    alternativePart.setContent(alternative);

    MimeBodyPart csv = new MimeBodyPart();
    csv.setDataHandler(new DataHandler(new ByteArrayDataSource(r.csv(), "text/csv; charset=UTF-8")));
    csv.setDisposition(Part.ATTACHMENT);
    csv.setFileName(Text.oneLine(r.attachmentName()));
    csv.setHeader("Content-Transfer-Encoding", "base64");

    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(alternativePart);
    if (r.pdf().isPresent()) {
      MimeBodyPart pdf = new MimeBodyPart();
      pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(r.pdf().get(), "application/pdf")));
      pdf.setDisposition(Part.ATTACHMENT);
      pdf.setFileName(Text.oneLine(r.pdfName()));
      pdf.setHeader("Content-Transfer-Encoding", "base64");
      mixed.addBodyPart(pdf);
    }
    mixed.addBodyPart(csv);
    msg.setContent(mixed);
    msg.saveChanges();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    msg.writeTo(out);
    return out.toByteArray();
  }
}
