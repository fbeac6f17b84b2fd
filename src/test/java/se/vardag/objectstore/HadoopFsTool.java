package se.vardag.objectstore;

import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What jobs/object-store-test does to an object as a data team would with {@code hadoop fs}: {@code cat URI}
 * prints an object, {@code rm URI} deletes one (exit 1 when it was not there). File-system settings from the
 * system properties {@code spark.hadoop.fs.*}, as the job's own.
 */
public final class HadoopFsTool {
  private HadoopFsTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !(args[0].equals("cat") || args[0].equals("rm"))) {
      System.err.println("usage: HadoopFsTool cat|rm <uri>");
      System.exit(2);
    }
    Configuration conf = new Configuration();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop.fs."))
        .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
    FileSystem fs = FileSystem.get(URI.create(args[1]), conf);
    Path path = new Path(args[1]);
    if (args[0].equals("cat")) {
      try (InputStream in = fs.open(path)) {
        in.transferTo(System.out);
      }
      System.out.flush();
      return;
    }
    System.exit(fs.delete(path, false) ? 0 : 1);
  }
}
