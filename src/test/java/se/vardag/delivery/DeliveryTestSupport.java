package se.vardag.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.vardag.config.VardagConfig;
import se.vardag.report.RenderedReport;
import se.vardag.report.ReportFixtures;
import se.vardag.report.ReportRenderer;

final class DeliveryTestSupport {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-04T01:30:00Z"), ZoneOffset.UTC);

  private DeliveryTestSupport() {}

  static Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>();
    env.put("VARDAG_MAIL_FROM", "Vardag <vardag@exempel.se>");
    env.put("VARDAG_MAIL_SMTP_STARTTLS", "false");
    env.put("VARDAG_MAIL_SMTP_RETRY_BACKOFF_MS", "100");
    env.put("VARDAG_MAIL_SMTP_CONNECT_TIMEOUT_MS", "5000");
    env.put("VARDAG_MAIL_SMTP_READ_TIMEOUT_MS", "5000");
    env.put("VARDAG_MAIL_SMTP_WRITE_TIMEOUT_MS", "5000");
    for (int i = 0; i + 1 < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  static VardagConfig config(String locale, Map<String, String> env) {
    return ReportFixtures.config(locale, env);
  }

  static RenderedReport sampleReport(String locale) {
    return new ReportRenderer(ReportFixtures.config(locale, Map.of())).render(ReportFixtures.sample());
  }

  /** A Mailer whose waits between attempts are recorded instead of slept. */
  static Mailer mailer(VardagConfig config, Path out, List<Long> sleeps) {
    return new Mailer(config, out, CLOCK, sleeps::add);
  }

  static MimeMessage parse(byte[] raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }

  static byte[] bytes(Part p) throws Exception {
    try (InputStream in = p.getInputStream()) {
      return in.readAllBytes();
    }
  }

  static byte[] raw(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  /** Every leaf part of a message, depth first. */
  static List<Part> leaves(Part p) throws Exception {
    List<Part> out = new ArrayList<>();
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        out.addAll(leaves(b));
      }
    } else {
      out.add(p);
    }
    return out;
  }

  static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }
}
