package dev.strata.node.packs;

import dev.strata.disk.PackName;
import dev.strata.disk.StoreException;
import dev.strata.format.repo.PackVerifier;
import dev.strata.format.repo.PublicKey;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * Passes a pack's bytes through to a pack store while checking them, so that a pack is verified in
 * the same single pass that stores it. The read that delivers the last announced byte runs the
 * check first, and fails instead of delivering when the bytes are not a pack signed by a trusted
 * key: the store then never sees the end of its content and keeps nothing (its atomic-visibility
 * guarantee). The failure is a {@link StoreException.ContentMismatch}, which stores and their retry
 * wrappers treat as final.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final PackName name;
  private final long length;
  private final Predicate<PublicKey> trusted;
  private final PackVerifier verifier;
  private PackRefused refusal;
  private PackVerifier.Result result;

  VerifyingInputStream(InputStream in, PackName name, long length, Predicate<PublicKey> trusted) {
    super(in);
    this.name = name;
    this.length = length;
    this.trusted = trusted;
    this.verifier = new PackVerifier(length);
  }

  /** Why the pack was refused, if it was refused here. */
  PackRefused refusal() {
    return refusal;
  }

  PackVerifier.Result result() {
    return result;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      long before = verifier.position();
      verifier.update(b, off, n);
      if (before < length && verifier.position() >= length) {
        check();
      }
    } else if (n < 0 && length == 0 && result == null) {
      check();
    }
    return n;
  }

  private void check() throws StoreException.ContentMismatch {
    PackVerifier.Result r = verifier.finish();
    if (!r.ok()) {
      refusal = new PackRefused(PackRefused.Reason.INVALID, r.problem().get());
      throw new StoreException.ContentMismatch(name, r.problem().get());
    }
    PublicKey signer = r.signer().orElseThrow();
    if (!trusted.test(signer)) {
      refusal =
          new PackRefused(
              PackRefused.Reason.SIGNER_NOT_GRANTED,
              "the pack is signed by key " + signer + ", which the grant does not allow");
      throw new StoreException.ContentMismatch(name, refusal.getMessage());
    }
    result = r;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("a verified upload is read, not skipped");
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
