package dev.strata.disk;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 server the tests talk to (S3Proxy or Ceph RGW), with an administrator's client that does
 * what a store never does: create buckets, write foreign objects, and look at everything in a
 * bucket.
 */
final class S3TestServer implements AutoCloseable {
  final URI endpoint;
  final String accessKey;
  final String secretKey;
  final S3Client admin;

  S3TestServer(URI endpoint, String accessKey, String secretKey) {
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .addPlugin(LegacyMd5Plugin.create())
            .build();
  }

  StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
  }

  StoreSettings settings(Clock clock) {
    return StoreSettings.defaults(clock, new SplittableRandom(9))
        .withS3Credentials(new S3Credentials(accessKey, secretKey))
        .withS3PartSize(S3PackStore.MIN_PART_SIZE);
  }

  /** A new bucket, with object lock (and so versioning) if asked. */
  String newBucket(boolean objectLock) {
    String bucket = "b-" + UUID.randomUUID().toString().substring(0, 12);
    admin.createBucket(r -> r.bucket(bucket).objectLockEnabledForBucket(objectLock ? true : null));
    return bucket;
  }

  URI location(String bucket, String prefix, boolean objectLock) {
    return URI.create(
        "s3://"
            + bucket
            + "/"
            + prefix
            + "?endpoint="
            + endpoint
            + (objectLock ? "&objectLock=true" : ""));
  }

  void putObject(URI location, String relative, byte[] data) {
    S3Location l = S3Location.parse(location);
    admin.putObject(
        r -> r.bucket(l.bucket()).key(l.prefix() + relative), RequestBody.fromBytes(data));
  }

  /**
   * Every object, version, delete marker and multipart upload in the location's bucket (not only
   * under its prefix), with sizes, ETags and dates.
   */
  Map<String, String> snapshot(URI location, boolean versioned) {
    String bucket = S3Location.parse(location).bucket();
    Map<String, String> m = new TreeMap<>();
    if (versioned) {
      for (var page : admin.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
        for (ObjectVersion v : page.versions()) {
          m.put(
              "version " + v.key() + " " + v.versionId(),
              v.size() + " " + v.eTag() + " " + v.lastModified() + " latest=" + v.isLatest());
        }
        for (DeleteMarkerEntry d : page.deleteMarkers()) {
          m.put("delete-marker " + d.key() + " " + d.versionId(), String.valueOf(d.lastModified()));
        }
      }
    } else {
      for (S3Object o : admin.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
        m.put("object " + o.key(), o.size() + " " + o.eTag() + " " + o.lastModified());
      }
    }
    for (MultipartUpload u : admin.listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads()) {
      m.put("upload " + u.key() + " " + u.uploadId(), String.valueOf(u.initiated()));
    }
    return m;
  }

  @Override
  public void close() {
    admin.close();
  }
}
