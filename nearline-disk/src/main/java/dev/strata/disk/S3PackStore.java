package dev.strata.disk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.io.function.IOSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link PackStore} in an S3-compatible bucket (AWS S3, Ceph RGW, MinIO, ...), through the AWS
 * SDK for Java v2.
 *
 * <p>Every non-empty pack is uploaded as a multipart upload in parts of {@code partSize} bytes (the
 * SDK adds a checksum to each part, which the service verifies); the store counts and hashes what
 * it sends and completes the upload only when length and SHA-256 match, otherwise it aborts it — so
 * a pack becomes visible whole and verified, or not at all. Retention uses S3 object lock in
 * compliance mode and is offered only for buckets configured with {@code objectLock=true}. Capacity
 * is unknown to S3 and reported as such. Credentials are never logged.
 */
public final class S3PackStore implements PackStore, AutoCloseable {
  /** Smallest part S3 accepts (but for the last). */
  public static final int MIN_PART_SIZE = 5 << 20;

  private final S3Client s3;
  private final S3Location location;
  private final int partSize;
  private final Set<Capability> capabilities;

  public S3PackStore(S3Location location, AwsCredentialsProvider credentials, int partSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be at least 5 MiB");
    }
    S3ClientBuilder b =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(location.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(location.pathStyle());
    location.endpoint().ifPresent(b::endpointOverride);
    this.s3 = b.build();
    this.location = location;
    this.partSize = partSize;
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
    String key = key(name);
    if (length == 0) {
      if (!Sha256.digest(new byte[0]).equals(sha256)) {
        throw new StoreException.ContentMismatch(
            name, "the SHA-256 of empty content is not " + sha256);
      }
      try (InputStream in = content.get()) {
        if (in.read() != -1) {
          throw new StoreException.ContentMismatch(name, "the content is longer than 0 bytes");
        }
      }
      try {
        s3.putObject(r -> r.bucket(location.bucket()).key(key), RequestBody.empty());
      } catch (SdkException e) {
        throw translate("put " + name, e);
      }
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
                              .contentLength((long) n),
                      RequestBody.fromInputStream(new ByteArrayInputStream(buf, 0, n), n))
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
      PackName n;
      try {
        n = PackName.of(o.key().substring(location.prefix().length()));
      } catch (IllegalArgumentException foreign) {
        continue; // an object this store did not write
      }
      packs.add(new PackInfo(n, o.size(), o.lastModified(), Optional.empty()));
    }
    boolean more = Boolean.TRUE.equals(page.isTruncated()) && !packs.isEmpty();
    return new PackPage(
        packs, more ? Optional.of(packs.get(packs.size() - 1).name()) : Optional.empty());
  }

  @Override
  public void delete(PackName name) throws IOException {
    Optional<Instant> until = stat(name).flatMap(PackInfo::retainedUntil);
    if (until.isPresent() && Instant.now().isBefore(until.get())) {
      throw new StoreException.RetentionLocked(name, until.get());
    }
    try {
      s3.deleteObject(r -> r.bucket(location.bucket()).key(key(name)));
    } catch (SdkException e) {
      throw translate("delete " + name, e);
    }
  }

  @Override
  public void retain(PackName name, Instant until) throws IOException {
    if (!capabilities.contains(Capability.RETENTION)) {
      throw new StoreException.Unsupported(Capability.RETENTION);
    }
    if (stat(name).isEmpty()) {
      throw new StoreException.NoSuchPack(name);
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
