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
          // As SparkSessions sets it: work on the side (se.vardag.run.Side) in pools of its own.
          .config("spark.scheduler.mode", "FAIR")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          // Delta's extension and catalog, as SparkSessions adds them for output.format = delta: the
          // session is shared by every test, and these are fixed when it starts.
          .config("spark.sql.extensions", se.vardag.publish.DeltaTables.EXTENSION)
          .config("spark.sql.catalog.spark_catalog", se.vardag.publish.DeltaTables.CATALOG)
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }
}
