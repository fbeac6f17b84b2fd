package se.vardag.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import se.vardag.config.SmtpSettings;

/**
 * Sends one composed message over SMTP with Jakarta Mail (Angus): STARTTLS as configured (required when
 * on, with the server's host name checked), AUTH when a user is set, and connect/read/write timeouts. The
 * password is handed to {@link Transport#connect} only: it is in no property, log line or file.
 */
final class SmtpChannel {
  private final SmtpSettings smtp;
  private final Session session;
  private final String envelopeFrom;

  SmtpChannel(SmtpSettings smtp, String envelopeFrom) {
    this.smtp = smtp;
    this.envelopeFrom = envelopeFrom;
    this.session = Session.getInstance(properties(smtp, envelopeFrom));
  }

  static Properties properties(SmtpSettings smtp, String envelopeFrom) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", smtp.host());
    p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
    p.setProperty("mail.smtp.connectiontimeout", Integer.toString(smtp.connectTimeoutMs()));
    p.setProperty("mail.smtp.timeout", Integer.toString(smtp.readTimeoutMs()));
    p.setProperty("mail.smtp.writetimeout", Integer.toString(smtp.writeTimeoutMs()));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.setProperty("mail.smtp.auth", Boolean.toString(!smtp.user().isEmpty()));
    p.setProperty("mail.smtp.from", envelopeFrom);
    p.setProperty("mail.smtp.quitwait", "false");
    p.setProperty("mail.debug", "false");
    return p;
  }

  String envelopeFrom() {
    return envelopeFrom;
  }

  /** One attempt: connect, (STARTTLS,) (AUTH,) MAIL/RCPT/DATA, close. Throws on any failure. */
  void send(byte[] raw, String recipient) throws MessagingException {
    MimeMessage msg = new MimeMessage(session, new ByteArrayInputStream(raw));
    Transport transport = session.getTransport("smtp");
    try {
      if (smtp.user().isEmpty()) {
        transport.connect(smtp.host(), smtp.port(), null, null);
      } else {
        transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password().orElse(""));
      }
      // sendMessage (unlike Transport.send) does not call saveChanges: the stored bytes go out unchanged.
      transport.sendMessage(msg, new Address[] {new InternetAddress(recipient, true)});
    } finally {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // The message is sent or has failed already; a failing QUIT changes nothing.
      }
    }
  }
}
