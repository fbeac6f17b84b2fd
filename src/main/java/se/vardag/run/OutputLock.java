package se.vardag.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.VardagException;

/**
 * An exclusive lock on the output folder for the length of a run, so two runs can never write the
 * same state or publish the same date at once; a second run stops with exit code 6.
 *
 * <ul>
 *   <li>A local (or POSIX-mounted) folder: an advisory lock on {@code <output>/.vardag.lock}, which
 *       the operating system releases when the process dies, however it dies.
 *   <li>A Hadoop file system ({@code s3a://…}): the object {@code <output>/.vardag.lock}, created
 *       only if absent (S3's conditional write, {@code fs.option.create.conditional.overwrite}; on a
 *       store without it, Hadoop's create without overwrite, which HDFS and ABFS make atomic), naming
 *       the run that holds it, and deleted when the run ends. A run that dies without ending leaves
 *       it: the next run is refused with the holder's run id, host and start, and the remedy.
 * </ul>
 */
public abstract class OutputLock implements AutoCloseable {
  /** The lock's name inside the output folder. */
  public static final String NAME = ".vardag.lock";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputLock() {}

  /** Locks a local output folder. */
  public static OutputLock acquire(Path output) {
    try {
      Files.createDirectories(output);
      Path file = output.resolve(NAME);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new VardagException(ExitCode.ALREADY_RUNNING, "Cannot start: another Vardag run holds the lock on "
            + file + ". Wait for it to finish; a lock left by a dead process is released by the operating system.");
      }
      return new FileLockHeld(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the output folder " + output, e);
    }
  }

  /**
   * Locks the output folder at {@code output}: a local one as {@link #acquire(Path)}, one on a Hadoop
   * file system by creating its lock object for {@code runId} (started at {@code now}).
   */
  public static OutputLock acquire(Location output, FsConf fs, String runId, Instant now) {
    requireNonNull(output, "output is null");
    if (output.isLocal()) {
      return acquire(output.path());
    }
    Location lock = output.resolve(NAME);
    try {
      FileSystem fileSystem = lock.with(fs).hadoopFileSystem();
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(lock.toString()));
      ObjectNode holder = JSON.createObjectNode();
      holder.put("run_id", runId).put("host", host()).put("pid", ProcessHandle.current().pid())
          .put("started_at", now.toString());
      byte[] bytes = (JSON.writeValueAsString(holder) + "\n").getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = createIfAbsent(fileSystem, path)) {
        out.write(bytes);
      } catch (FileAlreadyExistsException e) {
        throw held(lock, fileSystem, path);
      } catch (IOException e) {
        // S3A reports a failed conditional write as RemoteFileChangedException (HTTP 412), a class of
        // hadoop-aws, which a cluster without it does not have: recognised by its status instead.
        if (isPreconditionFailed(e)) {
          throw held(lock, fileSystem, path);
        }
        throw e;
      }
      return new ObjectHeld(fileSystem, path, runId);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the output folder " + output, e);
    }
  }

  private static OutputStream createIfAbsent(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
    String conditional = Options.CreateFileOptionKeys.FS_OPTION_CREATE_CONDITIONAL_OVERWRITE;
    if (fs.hasPathCapability(path, conditional)) {
      FSDataOutputStreamBuilder<?, ?> b = fs.createFile(path);
      b.overwrite(true);
      b.must(conditional, true);
      return b.build();
    }
    return fs.create(path, false);
  }

  private static boolean isPreconditionFailed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String m = t.getMessage();
      if (name.endsWith(".RemoteFileChangedException") || name.endsWith("PreconditionFailedException")
          || (m != null && (m.contains("PreconditionFailed") || m.contains("Status Code: 412")
              || m.contains("status code: 412") || m.contains("412 Precondition Failed")))) {
        return true;
      }
    }
    return false;
  }

  private static VardagException held(Location lock, FileSystem fs, org.apache.hadoop.fs.Path path) {
    String who = "";
    try (InputStream in = fs.open(path)) {
      JsonNode n = JSON.readTree(in);
      who = " (run " + n.path("run_id").asText("?") + " on host " + n.path("host").asText("?") + ", since "
          + n.path("started_at").asText("?") + ")";
    } catch (IOException | RuntimeException e) {
      // the holder could not be read: the message goes without it
    }
    return new VardagException(ExitCode.ALREADY_RUNNING, "Cannot start: another Vardag run holds the lock "
        + lock + who + ". Wait for it to finish. An object store does not release the lock of a run that died:"
        + " if that run is no longer running, delete the lock object (for example 'hadoop fs -rm " + lock
        + "') and run again.");
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public abstract void close();

  private static final class FileLockHeld extends OutputLock {
    private final FileChannel channel;
    private final FileLock lock;

    FileLockHeld(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class ObjectHeld extends OutputLock {
    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path path;
    private final String runId;

    ObjectHeld(FileSystem fs, org.apache.hadoop.fs.Path path, String runId) {
      this.fs = fs;
      this.path = path;
      this.runId = runId;
    }

    /**
     * Deletes the lock object, if it is still this run's. A failure to delete it does not fail a run
     * that has done its work: it is logged with the remedy, and the next run names this one.
     */
    @Override
    public void close() {
      try {
        String holder;
        try (InputStream in = fs.open(path)) {
          holder = JSON.readTree(in).path("run_id").asText();
        } catch (FileNotFoundException e) {
          return;
        }
        if (runId.equals(holder)) {
          fs.delete(path, false);
        }
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(OutputLock.class).error("Cannot release the lock {} ({}): the next run"
            + " will be refused until it is deleted (for example 'hadoop fs -rm {}').", path, e.toString(), path);
      }
    }
  }
}
