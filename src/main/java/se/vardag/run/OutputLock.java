package se.vardag.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/**
 * An exclusive lock on the output folder ({@code <output>/.vardag.lock}) for the length of a run,
 * so two runs can never write the same state or publish the same date at once. The operating
 * system releases it when the process dies, however it dies.
 */
public final class OutputLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static OutputLock acquire(Path output) {
    try {
      Files.createDirectories(output);
      Path file = output.resolve(".vardag.lock");
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
      return new OutputLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the output folder " + output, e);
    }
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
