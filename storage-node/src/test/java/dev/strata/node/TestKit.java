package dev.strata.node;

import dev.strata.format.grant.Grant;
import dev.strata.format.grant.GrantIssuerKey;
import dev.strata.format.grant.GrantKeyFiles;
import dev.strata.format.grant.GrantOperation;
import dev.strata.format.grant.Grants;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackWriter;
import dev.strata.format.repo.PublicKey;
import dev.strata.format.repo.RepositoryId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Real packs, real grants and real node processes for the node's tests. */
final class TestKit {
  static final SecureRandom RANDOM = new SecureRandom();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TestKit() {}

  /** A repository's keys: what an agent signs packs with. */
  static MasterKeys repository() {
    return MasterKeys.generate(RepositoryId.random(RANDOM), RANDOM);
  }

  /** A real pack of about {@code bytes} bytes of random (incompressible) blobs. */
  static byte[] pack(MasterKeys keys, int bytes, long seed) {
    try {
      BlobCipher cipher = keys.cipher(RANDOM);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 4096);
      PackWriter w = new PackWriter(out, keys, cipher);
      SplittableRandom r = new SplittableRandom(seed);
      int left = bytes;
      while (left > 0) {
        byte[] data = new byte[Math.min(left, 1 << 20)];
        r.nextBytes(data);
        BlobId id = keys.idHasher().id(data, 0, data.length);
        w.add(
            BlobType.DATA,
            id,
            cipher.seal(BlobType.DATA, id, data, 0, data.length),
            data.length,
            Compression.NONE);
        left -= data.length;
      }
      w.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The control center's grant key, written where a node reads it. */
  static final class Center {
    final GrantIssuerKey key = GrantIssuerKey.generate(RANDOM);
    final Path publicKeyFile;

    Center(Path dir) throws IOException {
      Files.createDirectories(dir);
      publicKeyFile = dir.resolve("center.pub");
      Files.writeString(publicKeyFile, GrantKeyFiles.publicKeyText(key.publicKey()));
    }

    String grant(String tenant, String dc, Set<GrantOperation> ops, List<PublicKey> signers) {
      return grant(tenant, dc, ops, signers, Instant.now(), Duration.ofMinutes(30));
    }

    String grant(
        String tenant,
        String dc,
        Set<GrantOperation> ops,
        List<PublicKey> signers,
        Instant issued,
        Duration ttl) {
      return Grants.issue(
          new Grant(key.keyId(), issued, issued.plus(ttl), tenant, "test", dc, "", ops, signers),
          key);
    }
  }

  /** A storage node in its own JVM, as the launcher starts it. */
  static final class NodeProcess implements AutoCloseable {
    final Process process;
    final URI uri;
    final List<String> output = new ArrayList<>();

    private NodeProcess(Process process, URI uri) {
      this.process = process;
      this.uri = uri;
    }

    static NodeProcess start(Path log, String... args) throws IOException {
      return start(log, java.util.Map.of(), args);
    }

    static NodeProcess start(Path log, java.util.Map<String, String> env, String... args)
        throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(NodeMain.class.getName());
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while ((line = r.readLine()) != null) {
        int at = line.indexOf("listening on ");
        if (at >= 0) {
          String u = line.substring(at + 13).split(" ")[0];
          Thread drain =
              new Thread(
                  () -> {
                    try {
                      r.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                      // the process ended
                    }
                  });
          drain.setDaemon(true);
          drain.start();
          return new NodeProcess(p, URI.create(u));
        }
        if (System.nanoTime() > deadline) {
          break;
        }
      }
      p.destroyForcibly();
      throw new IOException("the node did not start: " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  static HttpResponse<byte[]> send(HttpRequest r) throws IOException, InterruptedException {
    return HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpRequest.Builder req(URI base, String path, String grant) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
    if (grant != null) {
      b.header("Authorization", "Bearer " + grant);
    }
    return b;
  }

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
