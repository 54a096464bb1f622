package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot manifest: which tree blobs make up the backed-up tree, when and from where it was
 * taken, and its place in the repository's sequence. The sequence number, time and repository are
 * in the clear so that a keyless check can order and verify snapshots; the rest is encrypted. The
 * whole manifest is signed; its SHA-256 is the snapshot's id.
 *
 * @param sequence 1 for a repository's first snapshot, one more than the highest for each next
 * @param paths the paths given to the backup, as the source named them
 * @param trees the tree blobs, in order
 * @param files regular files in the tree
 * @param bytes their total size
 */
public record Snapshot(
    RepositoryId repository,
    long sequence,
    Instant time,
    String host,
    String user,
    List<String> paths,
    Optional<SnapshotId> parent,
    List<BlobId> trees,
    long files,
    long bytes) {

  public static final int VERSION = 1;
  private static final byte[] MAGIC = "SRSN".getBytes(StandardCharsets.US_ASCII);
  private static final int CLEAR = 4 + 2 + RepositoryId.LENGTH + 8 + 8;

  public Snapshot {
    paths = List.copyOf(paths);
    trees = List.copyOf(trees);
    if (sequence < 1) {
      throw new IllegalArgumentException("snapshot sequence numbers start at 1");
    }
  }

  /** The clear part of a manifest, readable and verifiable with the public key only. */
  public record Header(RepositoryId repository, long sequence, Instant time) {}

  /** The manifest's bytes, encrypted and signed. */
  public byte[] encode(MasterKeys keys, BlobCipher cipher) {
    ByteBuffer clear = ByteBuffer.allocate(CLEAR);
    clear.put(MAGIC).putShort((short) VERSION).put(repository.toBytes());
    clear.putLong(sequence).putLong(time.toEpochMilli());
    int n = Bin.stringLength(host) + Bin.stringLength(user) + 2 + 1 + 32 + 4 + 16;
    for (String p : paths) {
      n += Bin.stringLength(p);
    }
    n += trees.size() * BlobId.LENGTH;
    ByteBuffer body = ByteBuffer.allocate(n);
    Bin.putString(body, host);
    Bin.putString(body, user);
    body.putShort((short) paths.size());
    paths.forEach(p -> Bin.putString(body, p));
    body.put((byte) (parent.isPresent() ? 1 : 0));
    body.put(parent.map(SnapshotId::toBytes).orElse(new byte[32]));
    body.putInt(trees.size());
    trees.forEach(t -> t.writeTo(body));
    body.putLong(files).putLong(bytes);
    byte[] sealed =
        cipher.seal(BlobCipher.SNAPSHOT, Bin.sha256(clear.array(), 0, CLEAR), body.array(), 0, n);
    ByteBuffer out = ByteBuffer.allocate(CLEAR + 4 + sealed.length + Signatures.LENGTH);
    out.put(clear.array()).putInt(sealed.length).put(sealed);
    byte[] sha = Bin.sha256(out.array(), 0, out.position());
    out.put(keys.sign(Signatures.message(Signatures.SNAPSHOT, sha)));
    return out.array();
  }

  /** Reads the clear header and verifies the signature: no decryption key needed. */
  public static Header verify(byte[] bytes, PublicKey trusted) throws FormatException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    Header h =
        Bin.decoding(
            "snapshot",
            () -> {
              Bin.expectMagic(b, MAGIC, "snapshot");
              Bin.expectVersion(b, VERSION, "snapshot");
              byte[] repo = new byte[RepositoryId.LENGTH];
              b.get(repo);
              Header header =
                  new Header(RepositoryId.of(repo), b.getLong(), Instant.ofEpochMilli(b.getLong()));
              int sealed = b.getInt();
              if (sealed < 0 || bytes.length != CLEAR + 4 + sealed + Signatures.LENGTH) {
                throw new FormatException("the snapshot's length is inconsistent");
              }
              return header;
            });
    byte[] signature = java.util.Arrays.copyOfRange(bytes, bytes.length - 64, bytes.length);
    byte[] sha = Bin.sha256(bytes, 0, bytes.length - 64);
    if (!trusted.verifies(Signatures.message(Signatures.SNAPSHOT, sha), signature)) {
      throw new FormatException("the snapshot's signature does not verify");
    }
    return h;
  }

  /** Verifies and decrypts a manifest. */
  public static Snapshot decode(byte[] bytes, PublicKey trusted, BlobCipher cipher)
      throws FormatException {
    Header h = verify(bytes, trusted);
    byte[] plain =
        cipher.open(
            BlobCipher.SNAPSHOT,
            Bin.sha256(bytes, 0, CLEAR),
            bytes,
            CLEAR + 4,
            bytes.length - CLEAR - 4 - Signatures.LENGTH);
    ByteBuffer b = ByteBuffer.wrap(plain);
    return Bin.decoding(
        "snapshot",
        () -> {
          String host = Bin.getString(b);
          String user = Bin.getString(b);
          int np = Short.toUnsignedInt(b.getShort());
          List<String> paths = new ArrayList<>(np);
          for (int i = 0; i < np; i++) {
            paths.add(Bin.getString(b));
          }
          boolean hasParent = b.get() == 1;
          byte[] p = new byte[32];
          b.get(p);
          int nt = b.getInt();
          if (nt < 0 || (long) nt * BlobId.LENGTH > b.remaining()) {
            throw new FormatException("snapshot claims " + nt + " tree blobs");
          }
          List<BlobId> trees = new ArrayList<>(nt);
          byte[] id = new byte[BlobId.LENGTH];
          for (int i = 0; i < nt; i++) {
            b.get(id);
            trees.add(BlobId.of(id));
          }
          return new Snapshot(
              h.repository(),
              h.sequence(),
              h.time(),
              host,
              user,
              paths,
              hasParent ? Optional.of(SnapshotId.of(p)) : Optional.empty(),
              trees,
              b.getLong(),
              b.getLong());
        });
  }
}
