package dev.strata.disk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.apache.commons.io.function.IOSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.paginators.ListObjectVersionsIterable;

/**
 * A {@link PackStore} in an S3-compatible bucket (AWS S3, Ceph RGW, MinIO, ...), through the AWS
 * SDK for Java v2.
 *
 * <p>A store lives under a key prefix and is marked by the object {@code <prefix>~strata-store} (a
 * {@link StoreMarker}; {@code ~} is no pack-name character, so no pack can overwrite it). {@link
 * #open} refuses a prefix without it, {@link #initialise} a prefix that holds other objects.
 *
 * <p>A pack of at most {@code partSize} bytes is read, checked against its announced length and
 * SHA-256, and sent in one request; a larger one is uploaded as a multipart upload in parts of
 * {@code partSize} bytes, and completed only when length and SHA-256 match, otherwise aborted — so
 * a pack becomes visible whole and verified, or not at all. Every request carries its body's {@code
 * Content-MD5}, which every S3 server checks. The client sends checksums only where the protocol
 * requires them (as {@code Content-MD5}) and validates response checksums only where required:
 * servers other than AWS (Ceph RGW 16.2, for one) refuse the SDK's default streaming checksums, and
 * readers verify every pack's SHA-256 anyway. Opening the store aborts the multipart uploads under
 * its prefix that were begun more than an hour ago (left by a crash).
 *
 * <p>Retention uses S3 object lock in compliance mode and is offered only for buckets configured
 * with {@code objectLock=true} (object lock implies versioning: {@code delete} removes every
 * version of the pack, oldest first, and the server refuses it while a version is locked). Capacity
 * is unknown to S3 and reported as such. Credentials are never logged.
 */
public final class S3PackStore implements PackStore, AutoCloseable {
  /** Smallest part S3 accepts (but for the last). */
  public static final int MIN_PART_SIZE = 5 << 20;

  /** The marker's key under the store's prefix. */
  public static final String MARKER = "~strata-store";

  /** A multipart upload begun this long ago was abandoned by a crashed writer. */
  static final Duration STALE_UPLOAD = Duration.ofHours(1);

  private static final Logger LOG = Logger.getLogger(S3PackStore.class.getName());

  private final S3Client s3;
  private final S3Location location;
  private final int partSize;
  private final Clock clock;
  private final Set<Capability> capabilities;
  private StoreMarker marker;

  /** A client for the location, before its marker has been read: see {@link #open}. */
  S3PackStore(S3Location location, AwsCredentialsProvider credentials, int partSize, Clock clock) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be at least 5 MiB");
    }
    S3ClientBuilder b =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(location.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(location.pathStyle())
            // Plain signed requests, not aws-chunked streaming: Ceph RGW (16.2) refuses an
            // empty aws-chunked body as XAmzContentSHA256Mismatch. Over http the SHA-256 of the
            // payload is signed and checked by the server; over https the payload is unsigned, as
            // the SDK does by default, and Content-MD5 carries the check.
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            // where the protocol requires a checksum (retention, batch deletes), send Content-MD5,
            // which every S3 server understands, rather than the newer x-amz-checksum headers
            .addPlugin(LegacyMd5Plugin.create());
    location.endpoint().ifPresent(b::endpointOverride);
    this.s3 = b.build();
    this.location = location;
    this.partSize = partSize;
    this.clock = clock;
    this.capabilities =
        location.objectLock()
            ? EnumSet.of(
                Capability.ATOMIC_REPLACE,
                Capability.RANGE_READS,
                Capability.RETENTION,
                Capability.SERVER_SIDE_CHECKSUM)
            : EnumSet.of(
                Capability.ATOMIC_REPLACE, Capability.RANGE_READS, Capability.SERVER_SIDE_CHECKSUM);
  }

  /**
   * Opens the store under the location's prefix, which must hold a marker, and aborts the uploads
   * its crashed writers left behind.
   *
   * @throws StoreException.NotAStore if the prefix holds no store; nothing was changed there
   */
  public static S3PackStore open(
      S3Location location, AwsCredentialsProvider credentials, int partSize, Clock clock)
      throws IOException {
    S3PackStore store = new S3PackStore(location, credentials, partSize, clock);
    try {
      store.marker =
          store
              .readMarker()
              .orElseThrow(
                  () ->
                      new StoreException.NotAStore(
                          store.where(),
                          "there is no "
                              + MARKER
                              + " object under the prefix (initialise a store there first)"));
      store.abortAbandonedUploads();
      return store;
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Makes the location's prefix a store and opens it. A prefix that already holds a store is opened
   * as it is.
   *
   * @throws StoreException.NotEmpty if the prefix holds objects but no store; nothing was changed
   */
  public static S3PackStore initialise(
      S3Location location,
      AwsCredentialsProvider credentials,
      int partSize,
      Clock clock,
      RandomGenerator random)
      throws IOException {
    try (S3PackStore probe = new S3PackStore(location, credentials, partSize, clock)) {
      if (probe.readMarker().isEmpty()) {
        ListObjectsV2Response some;
        try {
          some =
              probe.s3.listObjectsV2(
                  r -> r.bucket(location.bucket()).prefix(location.prefix()).maxKeys(3));
        } catch (SdkException e) {
          throw probe.translate("initialise", e);
        }
        if (!some.contents().isEmpty()) {
          throw new StoreException.NotEmpty(
              probe.where(),
              "objects ("
                  + some.contents().stream().map(S3Object::key).collect(Collectors.joining(", "))
                  + (Boolean.TRUE.equals(some.isTruncated()) ? ", ..." : "")
                  + ")");
        }
        byte[] bytes = StoreMarker.create(clock.instant(), random).encode();
        try {
          probe.s3.putObject(
              r ->
                  r.bucket(location.bucket())
                      .key(probe.markerKey())
                      .contentMD5(md5(bytes, bytes.length)),
              RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
          throw probe.translate("initialise", e);
        }
      }
    }
    // Read back what is stored: of two processes initialising at once, both use the marker that
    // won.
    return open(location, credentials, partSize, clock);
  }

  private String where() {
    return "s3://" + location.bucket() + "/" + location.prefix();
  }

  private String markerKey() {
    return location.prefix() + MARKER;
  }

  private Optional<StoreMarker> readMarker() throws IOException {
    byte[] bytes;
    try (InputStream in = s3.getObject(r -> r.bucket(location.bucket()).key(markerKey()))) {
      bytes = in.readNBytes(StoreMarker.MAX_BYTES + 1);
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw translate("read the store marker", e);
    }
    try {
      return Optional.of(StoreMarker.parse(bytes));
    } catch (IllegalArgumentException e) {
      throw new StoreException.NotAStore(
          where(), "its " + MARKER + " object is not a store marker: " + e.getMessage());
    }
  }

  /** The marker that makes the prefix this store. */
  public StoreMarker marker() {
    return marker;
  }

  /**
   * Aborts the multipart uploads under the prefix that target a pack name and were begun more than
   * {@link #STALE_UPLOAD} ago. Best effort: a server that cannot list uploads leaves them to the
   * bucket's lifecycle rule.
   */
  private void abortAbandonedUploads() {
    Instant stale = clock.instant().minus(STALE_UPLOAD);
    try {
      for (MultipartUpload u :
          s3.listMultipartUploadsPaginator(
                  r -> r.bucket(location.bucket()).prefix(location.prefix()))
              .uploads()) {
        if (u.initiated() == null
            || !u.initiated().isBefore(stale)
            || packName(u.key()).isEmpty()) {
          continue;
        }
        s3.abortMultipartUpload(
            r -> r.bucket(location.bucket()).key(u.key()).uploadId(u.uploadId()));
      }
    } catch (SdkException e) {
      LOG.log(Level.FINE, () -> "cannot clean up abandoned uploads in " + where() + ": " + e);
    }
  }

  /** The pack a key under the prefix holds; empty for keys this store does not write. */
  private Optional<PackName> packName(String key) {
    if (!key.startsWith(location.prefix())) {
      return Optional.empty();
    }
    try {
      return Optional.of(PackName.of(key.substring(location.prefix().length())));
    } catch (IllegalArgumentException foreign) {
      return Optional.empty();
    }
  }

  static String md5(byte[] data, int length) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(data, 0, length);
      return Base64.getEncoder().encodeToString(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  private String key(PackName name) {
    return location.prefix() + name.value();
  }

  /** Translates SDK failures: final answers become named errors, the rest transient I/O errors. */
  private IOException translate(String what, SdkException e) {
    if (e instanceof S3Exception s) {
      int status = s.statusCode();
      String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
      if (status >= 500
          || status == 429
          || "SlowDown".equals(code)
          || "RequestTimeout".equals(code)) {
        return new IOException(what + ": S3 " + status + " " + code, e);
      }
      return new StoreException.Refused(what + ": S3 refused with " + status + " " + code);
    }
    if (e instanceof SdkClientException) {
      return new IOException(what + ": " + e.getMessage(), e);
    }
    return new IOException(what + ": " + e.getMessage(), e);
  }

  @Override
  public PackInfo put(PackName name, IOSupplier<InputStream> content, long length, Sha256 sha256)
      throws IOException {
    if (length < 0) {
      throw new IllegalArgumentException("length < 0");
    }
    checkNotRetained(name);
    String key = key(name);
    if (length <= partSize) {
      putWhole(name, key, content, (int) length, sha256);
      return stat(name)
          .orElseThrow(() -> new IOException("put " + name + ": not visible after upload"));
    }
    String uploadId;
    try {
      uploadId = s3.createMultipartUpload(r -> r.bucket(location.bucket()).key(key)).uploadId();
    } catch (SdkException e) {
      throw translate("put " + name, e);
    }
    boolean completed = false;
    try (InputStream in = content.get()) {
      MessageDigest digest = Sha256.newDigest();
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buf = new byte[(int) Math.min(partSize, length)];
      long sent = 0;
      while (sent < length) {
        int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, length - sent));
        if (n == 0) {
          break;
        }
        digest.update(buf, 0, n);
        int number = parts.size() + 1;
        String etag;
        try {
          etag =
              s3.uploadPart(
                      r ->
                          r.bucket(location.bucket())
                              .key(key)
                              .uploadId(uploadId)
                              .partNumber(number)
                              .contentLength((long) n)
                              .contentMD5(md5(buf, n)),
                      RequestBody.fromContentProvider(
                          () -> new ByteArrayInputStream(buf, 0, n), n, "application/octet-stream"))
                  .eTag();
        } catch (SdkException e) {
          throw translate("put " + name + " part " + number, e);
        }
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        sent += n;
      }
      StoreException.ContentMismatch.check(
          name, length, sent, in.read() != -1, sha256, Sha256.of(digest.digest()));
      try {
        s3.completeMultipartUpload(
            r ->
                r.bucket(location.bucket())
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
      } catch (SdkException e) {
        throw translate("put " + name, e);
      }
      completed = true;
    } finally {
      if (!completed) {
        try {
          s3.abortMultipartUpload(r -> r.bucket(location.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
          // The bucket's lifecycle rule for incomplete uploads removes what is left.
        }
      }
    }
    return stat(name)
        .orElseThrow(() -> new IOException("put " + name + ": not visible after upload"));
  }

  /**
   * Puts a pack of at most one part in one request, after checking its length and SHA-256: a pack
   * that does not match is never sent.
   */
  private void putWhole(
      PackName name, String key, IOSupplier<InputStream> content, int length, Sha256 sha256)
      throws IOException {
    byte[] buf = new byte[length];
    int n;
    boolean more;
    try (InputStream in = content.get()) {
      n = in.readNBytes(buf, 0, length);
      more = n == length && in.read() != -1;
    }
    MessageDigest digest = Sha256.newDigest();
    digest.update(buf, 0, n);
    StoreException.ContentMismatch.check(name, length, n, more, sha256, Sha256.of(digest.digest()));
    try {
      s3.putObject(
          r -> r.bucket(location.bucket()).key(key).contentLength((long) n).contentMD5(md5(buf, n)),
          RequestBody.fromContentProvider(
              () -> new ByteArrayInputStream(buf, 0, n), n, "application/octet-stream"));
    } catch (SdkException e) {
      throw translate("put " + name, e);
    }
  }

  @Override
  public InputStream get(PackName name) throws IOException {
    try {
      return s3.getObject(r -> r.bucket(location.bucket()).key(key(name)));
    } catch (NoSuchKeyException e) {
      throw new StoreException.NoSuchPack(name);
    } catch (SdkException e) {
      throw translate("get " + name, e);
    }
  }

  @Override
  public InputStream get(PackName name, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    PackInfo info = stat(name).orElseThrow(() -> new StoreException.NoSuchPack(name));
    if (length == 0 || offset >= info.length()) {
      return InputStream.nullInputStream();
    }
    long last = Math.min(info.length(), offset + length) - 1;
    try {
      ResponseInputStream<GetObjectResponse> in =
          s3.getObject(
              r ->
                  r.bucket(location.bucket()).key(key(name)).range("bytes=" + offset + "-" + last));
      return in;
    } catch (NoSuchKeyException e) {
      throw new StoreException.NoSuchPack(name);
    } catch (SdkException e) {
      throw translate("get " + name, e);
    }
  }

  @Override
  public Optional<PackInfo> stat(PackName name) throws IOException {
    try {
      HeadObjectResponse h = s3.headObject(r -> r.bucket(location.bucket()).key(key(name)));
      return Optional.of(
          new PackInfo(
              name,
              h.contentLength(),
              h.lastModified(),
              Optional.ofNullable(h.objectLockRetainUntilDate())));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw translate("stat " + name, e);
    } catch (SdkException e) {
      throw translate("stat " + name, e);
    }
  }

  @Override
  public PackPage list(String prefix, Optional<PackName> after, int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    ListObjectsV2Response page;
    try {
      page =
          s3.listObjectsV2(
              r -> {
                r.bucket(location.bucket()).prefix(location.prefix() + prefix).maxKeys(limit);
                after.ifPresent(a -> r.startAfter(key(a)));
              });
    } catch (SdkException e) {
      throw translate("list " + prefix, e);
    }
    List<PackInfo> packs = new ArrayList<>();
    for (S3Object o : page.contents()) {
      // objects this store did not write (its marker, anything else) are no packs
      packName(o.key())
          .ifPresent(n -> packs.add(new PackInfo(n, o.size(), o.lastModified(), Optional.empty())));
    }
    boolean more = Boolean.TRUE.equals(page.isTruncated()) && !packs.isEmpty();
    return new PackPage(
        packs, more ? Optional.of(packs.get(packs.size() - 1).name()) : Optional.empty());
  }

  /**
   * Refuses to replace or delete a pack whose current version is locked. The server enforces the
   * lock on the version itself; this check keeps a put from hiding a locked pack behind a new
   * version, which S3 allows.
   */
  private void checkNotRetained(PackName name) throws IOException {
    if (!location.objectLock()) {
      return;
    }
    Optional<Instant> until = stat(name).flatMap(PackInfo::retainedUntil);
    if (until.isPresent() && clock.instant().isBefore(until.get())) {
      throw new StoreException.RetentionLocked(name, until.get());
    }
  }

  @Override
  public void delete(PackName name) throws IOException {
    checkNotRetained(name);
    if (!location.objectLock()) {
      try {
        s3.deleteObject(r -> r.bucket(location.bucket()).key(key(name)));
      } catch (SdkException e) {
        throw translate("delete " + name, e);
      }
      return;
    }
    deleteEveryVersion(name);
  }

  /**
   * In a versioned bucket a plain delete only hides the pack behind a delete marker; this removes
   * each version (and marker) of its key, the current one last, so that a version the server
   * refuses to delete (retention) leaves the pack as it was.
   */
  private void deleteEveryVersion(PackName name) throws IOException {
    String key = key(name);
    List<String> versions = new ArrayList<>(); // newest first, as S3 lists them
    String current = null;
    try {
      ListObjectVersionsIterable pages =
          s3.listObjectVersionsPaginator(r -> r.bucket(location.bucket()).prefix(key));
      for (ListObjectVersionsResponse page : pages) {
        for (ObjectVersion v : page.versions()) {
          if (v.key().equals(key)) {
            versions.add(v.versionId());
            if (Boolean.TRUE.equals(v.isLatest())) {
              current = v.versionId();
            }
          }
        }
        for (DeleteMarkerEntry m : page.deleteMarkers()) {
          if (m.key().equals(key)) {
            versions.add(m.versionId());
          }
        }
      }
    } catch (SdkException e) {
      throw translate("delete " + name, e);
    }
    if (current != null) {
      versions.remove(current);
      versions.add(0, current);
    }
    for (int i = versions.size() - 1; i >= 0; i--) {
      String version = versions.get(i);
      try {
        s3.deleteObject(r -> r.bucket(location.bucket()).key(key).versionId(version));
      } catch (S3Exception e) {
        if (e.statusCode() == 403) {
          Optional<Instant> locked = versionRetainedUntil(key, version);
          if (locked.isPresent()) {
            throw new StoreException.RetentionLocked(name, locked.get());
          }
        }
        throw translate("delete " + name, e);
      } catch (SdkException e) {
        throw translate("delete " + name, e);
      }
    }
  }

  private Optional<Instant> versionRetainedUntil(String key, String version) {
    try {
      return Optional.ofNullable(
          s3.headObject(r -> r.bucket(location.bucket()).key(key).versionId(version))
              .objectLockRetainUntilDate());
    } catch (SdkException e) {
      return Optional.empty();
    }
  }

  @Override
  public void retain(PackName name, Instant until) throws IOException {
    if (!capabilities.contains(Capability.RETENTION)) {
      throw new StoreException.Unsupported(Capability.RETENTION);
    }
    PackInfo info = stat(name).orElseThrow(() -> new StoreException.NoSuchPack(name));
    Optional<Instant> current = info.retainedUntil();
    if (current.isPresent() && until.isBefore(current.get())) {
      throw new IllegalArgumentException(
          "pack '" + name + "' is retained until " + current.get() + "; a lock is never shortened");
    }
    try {
      s3.putObjectRetention(
          r ->
              r.bucket(location.bucket())
                  .key(key(name))
                  .retention(
                      t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)));
    } catch (SdkException e) {
      throw translate("retain " + name, e);
    }
  }

  @Override
  public Capacity capacity() {
    return new Capacity(-1, -1);
  }

  @Override
  public void close() {
    s3.close();
  }
}
