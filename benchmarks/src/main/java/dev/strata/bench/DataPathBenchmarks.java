package dev.strata.bench;

import com.github.luben.zstd.ZstdCompressCtx;
import dev.strata.agent.chunk.Chunker;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackWriter;
import dev.strata.format.repo.RepositoryId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stages of the backup data path, one thread each, on 1 MiB units (the average chunk): cut,
 * name (HMAC-SHA-256), compress (zstd level 1, text), seal (AES-256-GCM in 16 KiB segments), pack
 * (a 64 MiB pack of sealed blobs with its SHA-256 and Ed25519 signature). Each reports operations
 * per second; MB/s = ops/s for the 1 MiB benchmarks, x 64 for the pack.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataPathBenchmarks {
  private static final int MIB = 1 << 20;
  private byte[] random;
  private byte[] text;
  private byte[] compressed;
  private Chunker chunker;
  private MasterKeys keys;
  private MasterKeys.IdHasher hasher;
  private BlobCipher cipher;
  private ZstdCompressCtx zstd;
  private BlobId id;
  private byte[] sealed;
  private MessageDigest sha256;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    random = new byte[64 * MIB];
    new SplittableRandom(1).nextBytes(random);
    StringBuilder sb = new StringBuilder();
    SplittableRandom r = new SplittableRandom(2);
    String[] words = "backup tape pack chunk verify copy restore the of and a".split(" ");
    while (sb.length() < MIB) {
      sb.append(words[r.nextInt(words.length)]).append(r.nextInt(10) == 0 ? "\n" : " ");
    }
    text = sb.substring(0, MIB).getBytes(StandardCharsets.US_ASCII);
    compressed = new byte[2 * MIB];
    SecureRandom secure = new SecureRandom();
    keys = MasterKeys.generate(RepositoryId.random(secure), secure);
    chunker = new Chunker(keys.derive("chunker"), 256 << 10, MIB, 4 * MIB);
    hasher = keys.idHasher();
    cipher = keys.cipher(secure);
    zstd = new ZstdCompressCtx().setLevel(1);
    id = hasher.id(random, 0, MIB);
    sealed = cipher.seal(BlobType.DATA, id, random, 0, MIB);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  /** Cuts 64 MiB of random data into chunks. */
  @Benchmark
  public int chunk64MiB() throws IOException {
    chunker.reset(new ByteArrayInputStream(random));
    int n = 0;
    while (chunker.next() != null) {
      n++;
    }
    return n;
  }

  @Benchmark
  public BlobId blobId1MiB() {
    return hasher.id(random, 0, MIB);
  }

  @Benchmark
  public byte[] sha256_1MiB() {
    sha256.update(random, 0, MIB);
    return sha256.digest();
  }

  @Benchmark
  public int zstdText1MiB() {
    return zstd.compressByteArray(compressed, 0, compressed.length, text, 0, MIB);
  }

  @Benchmark
  public byte[] seal1MiB() {
    return cipher.seal(BlobType.DATA, id, random, 0, MIB);
  }

  @Benchmark
  public byte[] open1MiB() throws Exception {
    return cipher.open(BlobType.DATA, id, sealed, 0, sealed.length);
  }

  /** Writes a 64 MiB pack of sealed 1 MiB blobs to nowhere: hashing, index, signature. */
  @Benchmark
  public void pack64MiB(Blackhole bh) throws IOException {
    PackWriter w =
        new PackWriter(
            new OutputStream() {
              @Override
              public void write(int b) {
                bh.consume(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                bh.consume(len);
              }
            },
            keys,
            cipher);
    for (int i = 0; i < 64; i++) {
      w.add(BlobType.DATA, id, sealed, MIB, Compression.NONE);
    }
    bh.consume(w.finish());
  }
}
