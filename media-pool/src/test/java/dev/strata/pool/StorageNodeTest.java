package dev.strata.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorageNodeTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final String SECRET = "A".repeat(43);

  @Test
  void aNodeIsLateOnlyAfterItsToleranceWithoutHeartbeats() {
    StorageNode n =
        StorageNode.enrol(
            NodeName.of("dc2-node"), DataCenterId.of("dc2"), "http://127.0.0.1:8090", SECRET, T0);
    assertThat(n.url().toString()).isEqualTo("http://127.0.0.1:8090/");
    assertThat(n.isLate(T0.plusSeconds(89), Duration.ofSeconds(90))).isFalse();
    assertThat(n.isLate(T0.plusSeconds(91), Duration.ofSeconds(90))).isTrue();
    n.heartbeat("http://127.0.0.1:8091/", T0.plusSeconds(100));
    assertThat(n.isLate(T0.plusSeconds(150), Duration.ofSeconds(90))).isFalse();
    assertThat(n.url().getPort()).isEqualTo(8091);
    n.heartbeat("http://127.0.0.1:8091/", T0.plusSeconds(50)); // a late-arriving older beat
    assertThat(n.lastHeartbeatAt()).isEqualTo(T0.plusSeconds(100));
  }

  @Test
  void aNodeProvesItselfWithItsCredentialOnly() {
    StorageNode n =
        StorageNode.enrol(
            NodeName.of("n1"), DataCenterId.of("dc2"), "https://n1:8090/", SECRET, T0);
    String text = StorageNode.credentialText(n.name(), SECRET);
    var parsed = StorageNode.parseCredential(text).orElseThrow();
    assertThat(parsed.getKey()).isEqualTo(n.name());
    assertThat(n.accepts(parsed.getValue())).isTrue();
    assertThat(n.accepts("B".repeat(43))).isFalse();
    assertThat(StorageNode.parseCredential("stk_0000000000000000_" + SECRET)).isEmpty();
  }

  @Test
  void refusesUrlsThatAreNotPlainHttp() {
    for (String bad :
        new String[] {"ftp://n:1/", "http://user@n:1/", "http://n:1/?x=1", "n:1", ""}) {
      assertThatThrownBy(
              () -> StorageNode.enrol(NodeName.of("n1"), DataCenterId.of("dc2"), bad, SECRET, T0))
          .as(bad)
          .isInstanceOf(InvalidValueException.class);
    }
  }

  @Test
  void anEnrolmentTokenIsSpentOnceAndExpires() {
    EnrolmentToken.Secret secret = new EnrolmentToken.Secret("0123456789abcdef", SECRET);
    assertThat(EnrolmentToken.parse(secret.text())).contains(secret);
    EnrolmentToken t = EnrolmentToken.issue(DataCenterId.of("dc2"), secret, T0);
    assertThatThrownBy(
            () ->
                t.redeem(
                    new EnrolmentToken.Secret(secret.id(), "B".repeat(43)), NodeName.of("n1"), T0))
        .isInstanceOf(InvalidValueException.class);
    t.redeem(secret, NodeName.of("n1"), T0.plusSeconds(1));
    assertThat(t.usedBy()).contains(NodeName.of("n1"));
    assertThatThrownBy(() -> t.redeem(secret, NodeName.of("n2"), T0.plusSeconds(2)))
        .isInstanceOf(InvalidValueException.class);
    EnrolmentToken old = EnrolmentToken.issue(DataCenterId.of("dc2"), secret, T0);
    assertThatThrownBy(
            () -> old.redeem(secret, NodeName.of("n1"), T0.plus(EnrolmentToken.LIFETIME)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aTargetANodeReportedLivesOnThatNode() {
    DataCenter dc = DataCenter.establish(DataCenterId.of("dc2"), null, null, NetworkLink.WAN, T0);
    StorageTarget t =
        StorageTarget.reportedBy(
            NodeName.of("n1"),
            TargetId.of("n1-disk1"),
            dc,
            TargetKind.DISK,
            "disk1",
            "file:/srv/d1",
            T0);
    assertThat(t.node()).contains(NodeName.of("n1"));
    assertThat(t.state()).isEqualTo(TargetState.POTENTIAL);
    t.relocate("file:/srv/d2", T0.plusSeconds(1));
    assertThat(t.endpoint().getPath()).isEqualTo("/srv/d2");
  }
}
