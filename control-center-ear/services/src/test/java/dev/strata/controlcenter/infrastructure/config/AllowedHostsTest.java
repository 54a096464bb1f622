package dev.strata.controlcenter.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  @Test
  void loopbackByDefaultUnderAnyPort() {
    AllowedHosts h = AllowedHosts.parse(AllowedHosts.LOOPBACK);
    assertThat(h.permits("localhost:8080")).isTrue();
    assertThat(h.permits("127.0.0.1")).isTrue();
    assertThat(h.permits("[::1]:8080")).isTrue();
    assertThat(h.permits("LOCALHOST:8080")).isTrue();
  }

  @Test
  void refusesOtherNamesAsDnsRebindingWouldSendThem() {
    AllowedHosts h = AllowedHosts.parse(AllowedHosts.LOOPBACK);
    assertThat(h.permits("attacker.example:8080")).isFalse();
    assertThat(h.permits("localhost.attacker.example")).isFalse();
    assertThat(h.permits(null)).isFalse();
    assertThat(h.permits("")).isFalse();
    assertThat(h.permits("localhost:99999")).isFalse();
    assertThat(h.permits("local host")).isFalse();
  }

  @Test
  void anEntryWithAPortNeedsThatPort() {
    AllowedHosts h = AllowedHosts.parse("backup.example.com:8443, 10.0.0.5");
    assertThat(h.permits("backup.example.com:8443")).isTrue();
    assertThat(h.permits("backup.example.com:8080")).isFalse();
    assertThat(h.permits("backup.example.com")).isFalse();
    assertThat(h.permits("10.0.0.5:1234")).isTrue();
  }

  @Test
  void anOriginMustBeThisServerWithTheRequestsScheme() {
    AllowedHosts h = AllowedHosts.parse("localhost:8080");
    assertThat(h.permitsOrigin("http://localhost:8080", false)).isTrue();
    assertThat(h.permitsOrigin("https://localhost:8080", false)).isFalse();
    assertThat(h.permitsOrigin("http://evil.example:8080", false)).isFalse();
    assertThat(h.permitsOrigin("null", false)).isFalse();
    assertThat(h.permitsOrigin("http://localhost:8080/path", false)).isFalse();
    assertThat(h.permitsOrigin("http://localhost", false)).isFalse();
  }

  @Test
  void refusesAMalformedConfiguration() {
    assertThatThrownBy(() -> AllowedHosts.parse(" , ")).hasMessageContaining("names no host");
    assertThatThrownBy(() -> AllowedHosts.parse("a b")).hasMessageContaining("'a b'");
  }
}
