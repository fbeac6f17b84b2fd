package se.vardag;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The checksums the code uses: SHA-256 of input files and keys, one place to create it. */
public final class Checksums {
  private Checksums() {}

  /** A new SHA-256 digest (every JVM has it: the Java SE specification requires it). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot create a SHA-256 digest: this JVM lacks it", e);
    }
  }
}
