package se.vardag.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** One file of the usage folder as listed: name inside the input folder, absolute path, size, mtime. */
public final class UsageFile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String path;
  private final long size;
  private final long modifiedMillis;

  public UsageFile(String name, String path, long size, long modifiedMillis) {
    this.name = requireNonNull(name, "name is null");
    this.path = requireNonNull(path, "path is null");
    this.size = size;
    this.modifiedMillis = modifiedMillis;
  }

  /** E.g. {@code usage/usage-2026-11-03.csv}. */
  public String name() {
    return name;
  }

  public String path() {
    return path;
  }

  public long size() {
    return size;
  }

  public long modifiedMillis() {
    return modifiedMillis;
  }

  @Override
  public String toString() {
    return name;
  }
}
