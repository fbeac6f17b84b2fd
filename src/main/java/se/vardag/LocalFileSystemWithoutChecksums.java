package se.vardag;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's local file system ({@code fs.file.impl} of Vardag's Spark sessions) without the
 * {@code .crc} side files it writes beside every file, so the published folders hold only the
 * tables' own files. A {@link LocalFileSystem}, not its raw base class: Hadoop code that asks for
 * "the local file system" (S3A's disk buffers, for one) casts to this type.
 */
public final class LocalFileSystemWithoutChecksums extends LocalFileSystem {
  public LocalFileSystemWithoutChecksums() {
    super();
    setWriteChecksum(false);
    setVerifyChecksum(false);
  }
}
