package se.vardag.privacy;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for employees (SPEC section 6): HMAC-SHA256 of the employee id under a secret
 * key, of which the first 64 bits are used as a {@code long} join key inside Vardag's state. A
 * plain hash would let anyone with the roster recompute it; without the key nobody can.
 *
 * <p>64 bits: the chance that two of n ids collide is about n²/2⁶⁵ (3·10⁻⁸ for a million ids);
 * the metrics check that the roster's pseudonyms are distinct and stop if not.
 *
 * <p>Serializable so it can travel to executors inside a task closure; the key travels with it
 * (in memory only, never to disk or logs).
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient Mac mac;

  public Pseudonymizer(byte[] key) {
    requireNonNull(key, "key is null");
    if (key.length < 16) {
      throw new IllegalArgumentException("Cannot use a pseudonym key shorter than 16 bytes: " + key.length);
    }
    this.key = key.clone();
  }

  /** The pseudonym of an employee id. Not thread-safe: use one instance per task (they are cheap). */
  public long id(String employeeId) {
    byte[] h = mac().doFinal(employeeId.getBytes(StandardCharsets.UTF_8));
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h[i] & 0xff);
    }
    return v;
  }

  /**
   * A public fingerprint of the key (HMAC of a constant), recorded in the state store so a
   * changed key is noticed; it reveals nothing about the key or any pseudonym.
   */
  public String fingerprint() {
    byte[] h = mac().doFinal("vardag-pseudonym-key-fingerprint".getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 8);
  }

  /** A fresh instance with the same key, for use in another thread or task. */
  public Pseudonymizer copy() {
    return new Pseudonymizer(key);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Cannot initialise " + ALGORITHM + ": " + e, e);
      }
    }
    return mac;
  }

  @Override
  public String toString() {
    return "Pseudonymizer{key=<redacted>}";
  }
}
