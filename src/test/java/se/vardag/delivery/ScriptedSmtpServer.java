package se.vardag.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a loopback socket whose replies are scripted, for what GreenMail cannot do on
 * demand: a 4xx or 5xx after DATA, at RCPT or at AUTH. Default replies accept everything.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket server;
  private final Thread thread;
  final Deque<String> dataReplies = new ConcurrentLinkedDeque<>();
  final Deque<String> rcptReplies = new ConcurrentLinkedDeque<>();
  final Deque<String> authReplies = new ConcurrentLinkedDeque<>();
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger dataCommands = new AtomicInteger();
  final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  ScriptedSmtpServer() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!closed) {
      try (Socket s = server.accept()) {
        connections.incrementAndGet();
        s.setSoTimeout(10_000);
        handle(s);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void handle(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    OutputStream out = s.getOutputStream();
    reply(out, "220 scripted.test ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      switch (cmd) {
        case "EHLO":
          reply(out, "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 50000000");
          break;
        case "HELO":
          reply(out, "250 scripted.test");
          break;
        case "AUTH": {
          String[] parts = line.split(" ");
          if (parts.length >= 2 && parts[1].equalsIgnoreCase("LOGIN")) {
            reply(out, "334 VXNlcm5hbWU6");
            in.readLine();
            reply(out, "334 UGFzc3dvcmQ6");
            in.readLine();
          } else if (parts.length == 2) {
            reply(out, "334 ");
            in.readLine();
          }
          String r = authReplies.poll();
          reply(out, r == null ? "235 2.7.0 Authentication successful" : r);
          break;
        }
        case "MAIL":
        case "RSET":
        case "NOOP":
          reply(out, "250 2.0.0 OK");
          break;
        case "RCPT": {
          String r = rcptReplies.poll();
          reply(out, r == null ? "250 2.1.5 OK" : r);
          break;
        }
        case "DATA": {
          dataCommands.incrementAndGet();
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          StringBuilder msg = new StringBuilder();
          String l;
          while ((l = in.readLine()) != null && !l.equals(".")) {
            msg.append(l).append("\r\n");
          }
          String r = dataReplies.poll();
          if (r == null || r.startsWith("2")) {
            accepted.add(msg.toString());
          }
          reply(out, r == null ? "250 2.0.0 Ok: queued" : r);
          break;
        }
        case "QUIT":
          reply(out, "221 2.0.0 Bye");
          return;
        default:
          reply(out, "502 5.5.2 Command not recognized");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
