package se.vardag.objectstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real S3 API server for the tests: Adobe S3Mock's executable jar (copied to target/s3mock by the
 * build), started as its own process on 127.0.0.1 with one bucket, its objects under a temporary
 * folder. {@link #hadoopSettings()} are the S3A settings that point Hadoop at it.
 */
public final class S3MockServer implements AutoCloseable {
  public static final Path JAR = Path.of(System.getProperty("vardag.project.dir", "."), "target", "s3mock",
      "s3mock-exec.jar");

  private final Process process;
  private final int port;
  private final String bucket;
  private final Path root;

  private S3MockServer(Process process, int port, String bucket, Path root) {
    this.process = process;
    this.port = port;
    this.bucket = bucket;
    this.root = root;
  }

  /**
   * {@code S3MockServer [bucket]}: starts a server for jobs/object-store-test, prints
   * {@code S3MOCK-READY <endpoint>} and runs until it is stopped (the server with it).
   */
  public static void main(String[] args) throws InterruptedException {
    S3MockServer s = start(args.length > 0 ? args[0] : "vardag");
    Runtime.getRuntime().addShutdownHook(new Thread(s::close, "s3mock-stop"));
    System.out.println("S3MOCK-READY " + s.endpoint());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static S3MockServer shared;

  /**
   * One server with the bucket {@code vardag} for every test of the JVM (it starts in about 5 s),
   * stopped when the JVM exits. Tests keep to their own folder of the bucket.
   */
  public static synchronized S3MockServer shared() {
    if (shared == null) {
      shared = start("vardag");
      S3MockServer s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "s3mock-stop"));
    }
    return shared;
  }

  /** Starts the server with {@code bucket} and waits until it answers (at most 90 s). */
  public static S3MockServer start(String bucket) {
    try {
      if (!Files.isRegularFile(JAR)) {
        throw new IllegalStateException("Cannot start S3Mock: " + JAR.toAbsolutePath() + " is missing; run the"
            + " build's process-test-resources phase (./mvnw test-compile) first");
      }
      int http = freePort();
      int https = freePort();
      Path root = Files.createTempDirectory("vardag-s3mock-");
      Path log = root.resolveSibling(root.getFileName() + ".log");
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + https,
          "--server.address=127.0.0.1", "--com.adobe.testing.s3mock.httpPort=" + http,
          "--com.adobe.testing.s3mock.store.initialBuckets=" + bucket,
          "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
          "--spring.main.banner-mode=off"));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      S3MockServer server = new S3MockServer(p, http, bucket, root);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!server.answers()) {
        if (!p.isAlive()) {
          throw new IllegalStateException("S3Mock stopped while starting; see " + log);
        }
        if (System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IllegalStateException("S3Mock did not answer within 90 s; see " + log);
        }
        Thread.sleep(250);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/" + bucket).toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      int code = c.getResponseCode();
      c.disconnect();
      return code == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String bucket() {
    return bucket;
  }

  /** {@code s3a://<bucket>/<key>}. */
  public String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  /** The Hadoop settings (without the {@code spark.hadoop.} prefix) that make S3A talk to this server. */
  public Map<String, String> hadoopSettings() {
    Map<String, String> m = new TreeMap<>();
    m.put("fs.s3a.endpoint", endpoint());
    m.put("fs.s3a.endpoint.region", "us-east-1");
    m.put("fs.s3a.path.style.access", "true");
    m.put("fs.s3a.connection.ssl.enabled", "false");
    m.put("fs.s3a.access.key", "vardag-test");
    m.put("fs.s3a.secret.key", "vardag-test-secret");
    m.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    m.put("fs.s3a.change.detection.mode", "none");
    return m;
  }

  /** {@link #hadoopSettings()} as the file-system settings Vardag's tasks carry. */
  public se.vardag.FsConf fsConf() {
    org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration();
    hadoopSettings().forEach(c::set);
    return se.vardag.FsConf.of(c);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    se.vardag.AtomicFiles.deleteRecursively(root);
  }
}
