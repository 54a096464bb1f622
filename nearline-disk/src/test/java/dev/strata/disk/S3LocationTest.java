package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3LocationTest {

  @Test
  void refusesAParameterGivenTwiceSoThatNoCheckerSeesAnotherServerThanTheStore() {
    // The control center's endpoint rules read the first endpoint=; "last one wins" let this
    // location pass them with a loopback server and then talk to the cloud's metadata service.
    assertThatThrownBy(
            () ->
                S3Location.parse(
                    URI.create(
                        "s3://bucket?endpoint=http://127.0.0.1:9000"
                            + "&endpoint=http://169.254.169.254/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'endpoint' is given twice");
    assertThatThrownBy(
            () -> S3Location.parse(URI.create("s3://bucket?region=eu-west-1&region=us-east-1")))
        .hasMessageContaining("'region' is given twice");
  }

  @Test
  void refusesARegionThatCouldNameAnotherHost() {
    assertThatThrownBy(
            () -> S3Location.parse(URI.create("s3://bucket?region=x%40169.254.169.254%2F")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a region name");
    assertThat(S3Location.parse(URI.create("s3://bucket?region=eu-central-1")).region())
        .isEqualTo("eu-central-1");
    assertThat(S3Location.parse(URI.create("s3://bucket?region=default")).region())
        .isEqualTo("default");
  }

  @Test
  void refusesAnEncodedParameterName() {
    assertThatThrownBy(
            () -> S3Location.parse(URI.create("s3://bucket?%65ndpoint=http://169.254.169.254/")))
        .hasMessageContaining("unknown parameter");
  }
}
