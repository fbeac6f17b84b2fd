package se.vardag.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why an SMTP attempt failed, and whether trying again can help: a 4xx reply or a connection problem
 * (refused, timed out, dropped) is temporary and retried with backoff; a 5xx reply, a failed TLS handshake
 * or a refused STARTTLS is permanent and not retried in this run. Either way the message stays pending.
 */
record SmtpFailure(boolean temporary, int replyCode, String reason) {
  private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5][0-9][0-9])[ -]");

  static SmtpFailure of(Exception e) {
    int code = -1;
    boolean io = false;
    boolean tls = false;
    Set<Throwable> seen = new HashSet<>();
    Throwable t = e;
    while (t != null && seen.add(t)) {
      if (code < 0) {
        code = replyCode(t);
      }
      if (t instanceof SSLHandshakeException) {
        tls = true;
      } else if (t instanceof IOException) {
        io = true;
      }
      t = t instanceof MessagingException && ((MessagingException) t).getNextException() != null
          ? ((MessagingException) t).getNextException() : t.getCause();
    }
    String reason = describe(e);
    if (code >= 400 && code < 500) {
      return new SmtpFailure(true, code, reason);
    }
    if (code >= 500) {
      return new SmtpFailure(false, code, reason);
    }
    if (tls) {
      return new SmtpFailure(false, code, reason);
    }
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("STARTTLS")) {
      return new SmtpFailure(false, code, reason);
    }
    if (e instanceof AuthenticationFailedException) {
      return new SmtpFailure(false, code, reason);
    }
    return new SmtpFailure(io || code < 0 && isConnectionMessage(msg), code, reason);
  }

  private static boolean isConnectionMessage(String msg) {
    return msg.contains("Could not connect") || msg.contains("Exception reading response")
        || msg.contains("[EOF]") || msg.contains("Connection");
  }

  private static int replyCode(Throwable t) {
    if (t instanceof SMTPSendFailedException) {
      return ((SMTPSendFailedException) t).getReturnCode();
    }
    if (t instanceof SMTPAddressFailedException) {
      return ((SMTPAddressFailedException) t).getReturnCode();
    }
    if (t instanceof SMTPSenderFailedException) {
      return ((SMTPSenderFailedException) t).getReturnCode();
    }
    if (t instanceof MessagingException && t.getMessage() != null) {
      Matcher m = LEADING_CODE.matcher(t.getMessage());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return -1;
  }

  /** The exception chain in one line: class names and messages (which never hold the password). */
  private static String describe(Exception e) {
    StringBuilder b = new StringBuilder();
    Set<Throwable> seen = new HashSet<>();
    Throwable t = e;
    while (t != null && seen.add(t) && b.length() < 600) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        b.append(": ").append(t.getMessage().strip());
      }
      t = t instanceof MessagingException && ((MessagingException) t).getNextException() != null
          ? ((MessagingException) t).getNextException() : t.getCause();
    }
    return se.vardag.Text.oneLine(b.toString());
  }
}
