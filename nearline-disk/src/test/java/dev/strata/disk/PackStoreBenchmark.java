package dev.strata.disk;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole-process benchmark of pack stores (run by {@code bench/packstore.sh}, never by the test
 * suite): puts {@code count} random packs of {@code packMiB} MiB into a {@link LocalPackStore} in
 * {@code dir} and reads them back, then does the same through an {@link S3PackStore} against an
 * S3Proxy keeping its objects in {@code dir} too, and against a single-node Ceph RGW where Ceph is
 * installed. Prints one line per measurement in MB/s.
 *
 * <p>Usage: {@code PackStoreBenchmark DIR PACK_MIB COUNT}
 */
public final class PackStoreBenchmark {
  private PackStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int packMiB = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    byte[] pack = new byte[packMiB << 20];
    new SplittableRandom(1).nextBytes(pack);

    Path local = Files.createDirectories(dir.resolve("local"));
    run(
        "local",
        LocalPackStore.initialise(local, Clock.systemUTC(), new SplittableRandom(2)),
        pack,
        count);

    Path s3dir = Files.createDirectories(dir.resolve("s3"));
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(s3dir.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench", "bench-secret")
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.onSpinWait();
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    var credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret"));
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClientBuilder(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
            .build()) {
      admin.createBucket(r -> r.bucket("bench"));
    }
    try (S3PackStore s3 =
        S3PackStore.initialise(
            S3Location.parse(URI.create("s3://bench?endpoint=" + endpoint)),
            credentials,
            16 << 20,
            Clock.systemUTC(),
            new SplittableRandom(3))) {
      run("s3proxy", s3, pack, count);
    }
    proxy.stop();
    ceph(dir, pack, count);
  }

  /**
   * The same against a single-node Ceph RGW (objects in the OSD's RAM), where Ceph is installed.
   */
  private static void ceph(Path dir, byte[] pack, int count) throws Exception {
    dev.strata.testkit.CephRgw ceph;
    try {
      ceph = dev.strata.testkit.CephRgw.start(dir.resolve("ceph"));
    } catch (org.opentest4j.TestAbortedException notInstalled) {
      System.out.println("ceph: " + notInstalled.getMessage());
      return;
    }
    try (ceph;
        S3TestServer server =
            new S3TestServer(ceph.endpoint(), ceph.accessKey(), ceph.secretKey());
        S3PackStore s3 =
            S3PackStore.initialise(
                S3Location.parse(server.location(server.newBucket(false), "bench/", false)),
                server.credentials(),
                16 << 20,
                Clock.systemUTC(),
                new SplittableRandom(4))) {
      run("ceph-rgw", s3, pack, count);
    }
  }

  private static void run(String label, PackStore store, byte[] pack, int count) throws Exception {
    // Each pack differs in its first 8 bytes, so no layer can deduplicate them.
    long bytes = (long) pack.length * count;
    long putNanos = 0;
    for (int i = 0; i < count; i++) {
      ByteBuffer.wrap(pack).putLong(0, i);
      Sha256 sha = Sha256.digest(pack); // the caller's work, not the store's: not timed
      long start = System.nanoTime();
      store.put(PackName.of("bench/" + i), () -> new ByteArrayInputStream(pack), pack.length, sha);
      putNanos += System.nanoTime() - start;
    }
    long t1 = System.nanoTime();
    byte[] buf = new byte[1 << 20];
    for (int i = 0; i < count; i++) {
      try (InputStream in = store.get(PackName.of("bench/" + i))) {
        while (in.read(buf) > 0) {
          // drain
        }
      }
    }
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%s put %.0f MB/s%n", label, bytes / (putNanos / 1e9) / 1e6);
    System.out.printf(Locale.ROOT, "%s get %.0f MB/s%n", label, bytes / ((t2 - t1) / 1e9) / 1e6);
  }
}
