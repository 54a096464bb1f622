package dev.strata.node.packs;

import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.disk.StoreException;
import dev.strata.format.repo.PublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Receives packs into the node's landing store: streamed, never held in memory, verified on the way
 * (SHA-256 against the name, form, Ed25519 signature by a key the caller may use — no decryption
 * key), and durable before {@link #receive} returns. A pack the node already holds is acknowledged
 * without reading it again: its name is its SHA-256 and it was verified when it arrived.
 */
public final class PackReceiver {
  /** Packs are indexed with 32-bit offsets (repository format v1), so none is 2 GiB or larger. */
  public static final long MAX_PACK = Integer.MAX_VALUE;

  private final TenantPacks packs;
  private final java.util.concurrent.atomic.LongAdder stored =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder present =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder refused =
      new java.util.concurrent.atomic.LongAdder();

  public PackReceiver(TenantPacks packs) {
    this.packs = packs;
  }

  /** Counters for the metrics: packs stored, packs already present, packs refused. */
  public long[] counters() {
    return new long[] {stored.sum(), present.sum(), refused.sum()};
  }

  /**
   * Stores {@code length} bytes of {@code body} as {@code pack} of {@code tenant}.
   *
   * @param trusted which pack signing keys the caller may upload packs of
   * @throws PackRefused if the bytes are not that pack, or not signed by a trusted key; nothing is
   *     stored
   * @throws IOException if the store failed (nothing is stored either)
   */
  public Receipt receive(
      TenantId tenant, PackId pack, long length, Predicate<PublicKey> trusted, InputStream body)
      throws PackRefused, IOException {
    if (length < 0 || length > MAX_PACK) {
      throw new PackRefused(
          PackRefused.Reason.INVALID, "a pack is 0 to " + MAX_PACK + " bytes, not " + length);
    }
    Optional<PackInfo> existing = packs.stat(tenant, pack);
    if (existing.isPresent() && existing.get().length() == length) {
      present.increment();
      return new Receipt(pack, length, false, Optional.empty());
    }
    PackName name = TenantPacks.name(tenant, pack);
    VerifyingInputStream verifying = new VerifyingInputStream(body, name, length, trusted);
    AtomicBoolean opened = new AtomicBoolean();
    try {
      packs
          .store()
          .put(
              name,
              () -> {
                if (opened.getAndSet(true)) {
                  // A store retried after a fault: an upload stream cannot be read twice.
                  throw new StoreException.ContentMismatch(
                      name, "the store failed while receiving and the upload cannot be replayed");
                }
                // Receive and check on one thread, hash and write on this one.
                return new ReadAheadInputStream(verifying, 4, 1 << 20);
              },
              length,
              pack.sha256());
    } catch (StoreException.ContentMismatch e) {
      refused.increment();
      if (verifying.refusal() != null) {
        throw verifying.refusal();
      }
      throw new PackRefused(PackRefused.Reason.INVALID, e.getMessage());
    }
    stored.increment();
    return new Receipt(pack, length, true, verifying.result().signer().map(PublicKey::toString));
  }
}
