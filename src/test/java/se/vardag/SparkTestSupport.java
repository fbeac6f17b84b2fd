package se.vardag;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for the whole test JVM (surefire reuses its fork), so each test class
 * does not pay Spark's start-up again. Tests must not stop it.
 */
public final class SparkTestSupport {
  private static SparkSession session;

  private SparkTestSupport() {}

  public static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("vardag-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }
}
