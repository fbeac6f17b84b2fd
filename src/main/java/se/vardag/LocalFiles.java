package se.vardag;

import java.nio.file.Path;

/** How Vardag names its folders to Spark. */
public final class LocalFiles {
  private LocalFiles() {}

  /**
   * The folder as an absolute {@code file:} URI for Spark's readers and writers. A plain path
   * would be resolved against the cluster's default file system ({@code fs.defaultFS}, HDFS on a
   * typical YARN cluster), while Vardag moves, links and deletes the same folders with
   * {@code java.nio} on the POSIX file system that holds the input and output folders.
   */
  public static String sparkPath(Path path) {
    return "file://" + path.toAbsolutePath().normalize();
  }
}
