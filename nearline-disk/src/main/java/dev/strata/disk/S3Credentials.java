package dev.strata.disk;

/** An S3 access key pair from configuration. {@link #toString()} never shows the secret. */
public record S3Credentials(String accessKeyId, String secretAccessKey) {
  public S3Credentials {
    if (accessKeyId == null || accessKeyId.isBlank()) {
      throw new IllegalArgumentException("an S3 access key id is required");
    }
    if (secretAccessKey == null || secretAccessKey.isEmpty()) {
      throw new IllegalArgumentException("an S3 secret access key is required");
    }
  }

  @Override
  public String toString() {
    return "S3Credentials[" + accessKeyId + ", secret hidden]";
  }
}
