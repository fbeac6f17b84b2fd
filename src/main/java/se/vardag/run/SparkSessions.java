package se.vardag.run;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import se.vardag.config.VardagConfig;

/**
 * The Spark session of a run. Under spark-submit the master and the cluster's settings come from
 * spark-submit (its {@code spark.master} wins); run directly, the master is {@code --master} or
 * {@code spark.master} from the configuration ({@code local[*]} by default).
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(VardagConfig config, String masterOverride, String appName) {
    SparkConf conf = new SparkConf(true);
    if (masterOverride != null) {
      conf.setMaster(masterOverride);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(config.sparkMaster());
    }
    conf.setAppName(appName);
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.set("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()));
    conf.set("spark.sql.session.timeZone", config.timezone().getId());
    conf.set("spark.sql.datetime.java8API.enabled", "true");
    // No _SUCCESS markers and no .crc side files in the published folders.
    conf.set("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    conf.set("spark.hadoop.fs.file.impl", se.vardag.LocalFileSystemWithoutChecksums.class.getName());
    conf.set("spark.hadoop.fs.file.impl.disable.cache", "true");
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    // Work on the side (the single files read while the usage logs are parsed) gets its own pool: see Side.
    conf.setIfMissing("spark.scheduler.mode", "FAIR");
    if (config.outputFormat() == se.vardag.config.OutputFormat.DELTA) {
      se.vardag.publish.DeltaTables.configure(conf);
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
