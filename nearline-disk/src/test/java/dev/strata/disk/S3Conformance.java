package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The conformance suite for {@link S3PackStore} against one S3 server, plus what only object stores
 * have: neighbours of the store's prefix in the same bucket and abandoned multipart uploads. Each
 * test gets its own bucket.
 */
abstract class S3Conformance extends PackStoreConformance {
  static final String PREFIX = "strata/";

  private final MutableClock testClock = new MutableClock();
  private final List<AutoCloseable> open = new ArrayList<>();

  protected abstract S3TestServer server();

  /** Whether the test buckets have object lock (and so versioning). */
  protected abstract boolean objectLock();

  /** The clock stores judge time by; a test clock unless the server's own clock matters. */
  protected Clock clock() {
    return testClock;
  }

  @Override
  protected Instant now() {
    return clock().instant();
  }

  @Override
  protected void advanceClock(Duration d) {
    testClock.advance(d);
  }

  @Override
  protected PackStore store() throws IOException {
    return initialise(freshLocation(), clock());
  }

  S3PackStore initialise(URI location, Clock clock) throws IOException {
    S3PackStore s =
        S3PackStore.initialise(
            S3Location.parse(location),
            server().credentials(),
            S3PackStore.MIN_PART_SIZE,
            clock,
            new SplittableRandom(4));
    open.add(s);
    return s;
  }

  S3PackStore open(URI location, Clock clock) throws IOException {
    S3PackStore s =
        S3PackStore.open(
            S3Location.parse(location), server().credentials(), S3PackStore.MIN_PART_SIZE, clock);
    open.add(s);
    return s;
  }

  @AfterEach
  void closeStores() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Override
  protected URI freshLocation() {
    return server().location(server().newBucket(objectLock()), PREFIX, objectLock());
  }

  @Override
  protected void writeForeign(URI location, String relative, byte[] data) {
    server().putObject(location, relative, data);
  }

  @Override
  protected Map<String, String> snapshot(URI location) {
    return server().snapshot(location, objectLock());
  }

  @Override
  protected StoreSettings settings() {
    return server().settings(clock());
  }

  @Test
  void uploadsLargePacksInSeveralVerifiedParts() throws Exception {
    PackStore s = store();
    byte[] data = bytes(12 * 1024 * 1024 + 5, 42); // three parts of at most 5 MiB
    put(s, "big", data);
    assertThat(read(s.get(PackName.of("big")))).isEqualTo(data);
  }

  @Test
  void aMultipartPackThatDoesNotMatchIsAbortedAndLeavesNothing() throws Exception {
    URI at = freshLocation();
    PackStore s = initialise(at, clock());
    byte[] data = bytes(11 * 1024 * 1024, 43);
    PackName n = PackName.of("big");
    assertThatThrownBy(
            () ->
                s.put(
                    n,
                    () -> new ByteArrayInputStream(data),
                    data.length,
                    Sha256.digest(new byte[1])))
        .isInstanceOf(StoreException.ContentMismatch.class);
    assertThatThrownBy(
            () ->
                s.put(
                    n,
                    () -> new ByteArrayInputStream(data, 0, data.length - 1),
                    data.length,
                    Sha256.digest(data)))
        .isInstanceOf(StoreException.ContentMismatch.class);
    assertThat(s.stat(n)).isEmpty();
    assertThat(uploads(S3Location.parse(at).bucket())).as("no upload is left open").isEmpty();
  }

  /** A prefix is a store of its own: the rest of the bucket is someone else's. */
  @Test
  void aStoreUnderAPrefixLeavesTheRestOfTheBucketAlone() throws Exception {
    URI at = freshLocation();
    URI bucketRoot = server().location(S3Location.parse(at).bucket(), "", objectLock());
    writeForeign(bucketRoot, "other/data/pack", bytes(10, 1));
    writeForeign(bucketRoot, "strata-other", bytes(10, 2));
    writeForeign(bucketRoot, "~strata-store", bytes(10, 3));
    Map<String, String> before = snapshot(at);
    PackStore s = initialise(at, clock());
    put(s, "data/pack", bytes(10, 4));
    assertThat(new StoreProbe(new SplittableRandom(1), 1024).probe(s).verified()).isTrue();
    s.delete(PackName.of("data/pack"));
    assertThat(s.list("", Optional.empty(), 10).packs()).isEmpty();
    Map<String, String> after = snapshot(at);
    after.keySet().removeIf(k -> k.contains(" " + PREFIX));
    assertThat(after).isEqualTo(before);
  }

  /**
   * Opening a store aborts the multipart uploads of its own that a crashed writer left (pack names
   * under its prefix, begun over an hour ago), and no other upload.
   */
  @Test
  void abortsOnlyItsOwnAbandonedUploads() throws Exception {
    URI at = freshLocation();
    S3Location l = S3Location.parse(at);
    initialise(at, clock());
    String own = begin(l.bucket(), PREFIX + "data/abandoned");
    String foreignName = begin(l.bucket(), PREFIX + "my photo.jpg");
    String outside = begin(l.bucket(), "elsewhere/data/abandoned");

    open(at, clock());
    assertThat(uploads(l.bucket())).as("young uploads may still be written").contains(own);

    open(at, Clock.offset(clock(), Duration.ofHours(2)));
    assertThat(uploads(l.bucket())).doesNotContain(own).contains(foreignName, outside);
  }

  private String begin(String bucket, String key) {
    return server().admin.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
  }

  private List<String> uploads(String bucket) {
    return server().admin.listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads().stream()
        .map(MultipartUpload::uploadId)
        .collect(Collectors.toList());
  }
}
