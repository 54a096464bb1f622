package dev.strata.format.repo;

import java.nio.charset.StandardCharsets;

/**
 * What is signed, exactly: a domain label saying which kind of object it is, then the SHA-256 of
 * the object's bytes up to the signature. The label keeps a signature over one kind of object from
 * being replayed as another.
 */
final class Signatures {
  static final int LENGTH = 64;

  private Signatures() {}

  static byte[] message(String domain, byte[] sha256) {
    byte[] label = domain.getBytes(StandardCharsets.US_ASCII);
    byte[] m = new byte[label.length + 1 + sha256.length];
    System.arraycopy(label, 0, m, 0, label.length);
    System.arraycopy(sha256, 0, m, label.length + 1, sha256.length);
    return m;
  }

  static final String PACK = "strata pack v1";
  static final String SNAPSHOT = "strata snapshot v1";
  static final String CONFIG = "strata config v1";
  static final String LEDGER = "strata ledger v1";
  static final String LOCK = "strata lock v1";
}
