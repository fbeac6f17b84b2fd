package se.vardag.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import se.vardag.config.SmtpSettings;

/**
 * Removes the SMTP password - as is, and in the base64 forms SMTP AUTH PLAIN/LOGIN put on the wire - from
 * any text before it is logged or recorded. Belt and braces: Vardag never puts the password into a message
 * itself, but an exception text from a library or server must not leak it either.
 */
final class Redactor {
  static final String MASK = "<redacted>";
  private final List<String> secrets = new ArrayList<>();

  Redactor(SmtpSettings smtp) {
    smtp.password().filter(p -> !p.isEmpty()).ifPresent(p -> {
      Base64.Encoder b64 = Base64.getEncoder();
      secrets.add(p);
      secrets.add(b64.encodeToString(p.getBytes(StandardCharsets.UTF_8)));
      secrets.add(b64.encodeToString(("\0" + smtp.user() + "\0" + p).getBytes(StandardCharsets.UTF_8)));
      secrets.add(b64.encodeToString((smtp.user() + "\0" + smtp.user() + "\0" + p).getBytes(StandardCharsets.UTF_8)));
    });
    secrets.sort((a, b) -> b.length() - a.length());
  }

  String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }
}
