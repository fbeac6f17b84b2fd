package se.vardag;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The file-system settings a Spark task needs to open a location the way the driver does: every
 * {@code fs.*} entry of the session's Hadoop configuration (for S3A its endpoint, credentials
 * provider, path style, and so on; {@code spark.hadoop.fs.*} settings land there). Serializable, so
 * a task carries it; Hadoop's own {@code Configuration} is not. Empty for runs that read only local
 * files, which need no Hadoop file system at all.
 */
public final class FsConf implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final FsConf NONE = new FsConf(Map.of());

  private final TreeMap<String, String> entries;
  private transient Configuration conf;

  private FsConf(Map<String, String> entries) {
    this.entries = new TreeMap<>(entries);
  }

  /** No settings beyond Hadoop's defaults. */
  public static FsConf none() {
    return NONE;
  }

  /** The {@code fs.*} entries of {@code hadoop} (the session's {@code hadoopConfiguration()}). */
  public static FsConf of(Configuration hadoop) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : hadoop) {
      if (e.getKey().startsWith("fs.")) {
        out.put(e.getKey(), hadoop.get(e.getKey()));
      }
    }
    return new FsConf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FsConf f && f.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** A Hadoop configuration with these settings over Hadoop's defaults; one per instance. */
  public synchronized Configuration configuration() {
    if (conf == null) {
      Configuration c = new Configuration();
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }
}
