package dev.strata.controlcenter.infrastructure.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.TargetKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointRulesTest {
  @TempDir Path dir;

  /** Names resolve as this table says, so the rules can be tested with hostile answers. */
  private static HostResolver dns(Map<String, String> table) {
    return host -> {
      String a = table.get(host);
      if (a == null) {
        if (host.matches("[0-9.]+|[0-9a-f:.]+")) {
          return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host);
      }
      return List.of(InetAddress.getByName(a));
    };
  }

  private EndpointRules rules(List<String> hosts, List<String> devices) {
    return new EndpointRules(
        List.of(dir.resolve("disks")),
        List.of(dir.resolve("vtls")),
        devices,
        hosts,
        dns(
            Map.of(
                "localhost", "127.0.0.1",
                "rebind.example", "127.0.0.1",
                "meta.example", "169.254.169.254",
                "s3.example", "203.0.113.7",
                "s3.amazonaws.com", "52.216.0.1")));
  }

  private EndpointRules defaults() {
    return rules(List.of("localhost", "127.0.0.1", "[::1]"), List.of());
  }

  private static URI uri(String s) {
    return URI.create(s);
  }

  @Test
  void acceptsADiskDirectoryUnderAnAllowedRoot() {
    assertThat(defaults().refusal(TargetKind.DISK, dir.resolve("disks/a").toUri())).isNull();
  }

  @Test
  void refusesDiskPathsOutsideTheRootsOrNotNormalised() {
    EndpointRules r = defaults();
    assertThat(r.refusal(TargetKind.DISK, uri("file:/etc/../tmp"))).contains("not normalised");
    assertThat(r.refusal(TargetKind.DISK, uri("file:///"))).contains("not under a directory");
    assertThat(r.refusal(TargetKind.DISK, uri("file:/tmp/x"))).contains("not under a directory");
    assertThat(r.refusal(TargetKind.DISK, uri("file:" + dir + "/disks/../x")))
        .contains("not normalised");
    assertThat(r.refusal(TargetKind.DISK, uri("file:" + dir + "/disks"))).isNotNull();
    assertThat(r.refusal(TargetKind.DISK, uri("file:" + dir + "/disks-other/x"))).isNotNull();
  }

  @Test
  void refusesASymbolicLinkThatLeadsOutOfTheRoot() throws IOException {
    Files.createDirectories(dir.resolve("disks"));
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(dir.resolve("disks/escape"), outside);
    assertThat(defaults().refusal(TargetKind.DISK, uri("file:" + dir + "/disks/escape/store")))
        .contains("symbolic link");
  }

  @Test
  void localVtlsLiveUnderTheirOwnRoots() {
    assertThat(defaults().refusal(TargetKind.VTL, uri("vtl:" + dir + "/vtls/lib1"))).isNull();
    assertThat(defaults().refusal(TargetKind.VTL, uri("vtl:" + dir + "/disks/lib1"))).isNotNull();
  }

  @Test
  void remoteHostsMustBeListedAndMustNotResolveToSpecialAddresses() {
    EndpointRules r = defaults();
    assertThat(r.refusal(TargetKind.VTL, uri("vtl://127.0.0.1:7070"))).isNull();
    assertThat(r.refusal(TargetKind.VTL, uri("vtl://localhost:7070"))).isNull();
    assertThat(r.refusal(TargetKind.VTL, uri("vtl://s3.example:7070"))).contains("not one");
    EndpointRules any = rules(List.of("*"), List.of());
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://s3.example:7070"))).isNull();
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://169.254.169.254:80")))
        .contains("169.254.169.254");
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://meta.example:80"))).contains("resolves to");
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://rebind.example:80")))
        .as("a wildcard does not open loopback")
        .contains("127.0.0.1");
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://[fe80::1]:80"))).contains("fe80");
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://nowhere.example:80")))
        .contains("cannot be resolved");
    EndpointRules named = rules(List.of("meta.example"), List.of());
    assertThat(named.refusal(TargetKind.VTL, uri("vtl://meta.example:80")))
        .as("a listed name does not open the address it resolves to")
        .contains("resolves to");
    EndpointRules literal = rules(List.of("169.254.169.254"), List.of());
    assertThat(literal.refusal(TargetKind.VTL, uri("vtl://169.254.169.254:80"))).isNull();
  }

  @Test
  void objectStoresAreCheckedByTheServerTheyTalkTo() {
    EndpointRules r = defaults();
    assertThat(
            r.refusal(TargetKind.OBJECT_STORE, uri("s3://bucket/p?endpoint=http://127.0.0.1:9000")))
        .isNull();
    assertThat(
            r.refusal(
                TargetKind.OBJECT_STORE,
                uri("s3://bucket/p?endpoint=http%3A%2F%2F169.254.169.254%2F")))
        .isNotNull();
    assertThat(r.refusal(TargetKind.OBJECT_STORE, uri("s3://bucket/p")))
        .contains("s3.amazonaws.com");
    assertThat(
            rules(List.of("*.amazonaws.com"), List.of())
                .refusal(TargetKind.OBJECT_STORE, uri("s3://bucket/p")))
        .isNull();
  }

  @Test
  void tapeDevicesMustMatchTheAllowedGlobs() {
    assertThat(defaults().refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3"))).isNotNull();
    EndpointRules r = rules(List.of(), List.of("/dev/sg*", "/dev/nst*"));
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=/dev/nst0,/dev/nst1")))
        .isNull();
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sda"))).contains("/dev/sda");
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=/dev/sda")))
        .contains("/dev/sda");
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=/dev/../etc/passwd")))
        .contains("not normalised");
  }

  @Test
  void anObjectStoreIsCheckedByTheServerTheStoreWouldTalkTo() {
    EndpointRules r = defaults();
    // A second endpoint= used to pass with the first (loopback) while the store used the last.
    assertThat(
            r.refusal(
                TargetKind.OBJECT_STORE,
                uri("s3://bucket?endpoint=http://127.0.0.1:9000&endpoint=http://169.254.169.254/")))
        .contains("given twice");
    assertThat(
            r.refusal(
                TargetKind.OBJECT_STORE, uri("s3://bucket?%65ndpoint=http://169.254.169.254/")))
        .contains("unknown parameter");
    assertThat(
            rules(List.of("*.amazonaws.com"), List.of())
                .refusal(TargetKind.OBJECT_STORE, uri("s3://bucket?region=x%40169.254.169.254")))
        .contains("not a region name");
  }

  @Test
  void tapeDevicesAreCheckedAsTheDriverReadsThem() {
    EndpointRules r = rules(List.of(), List.of("/dev/sg*", "/dev/nst*"));
    // The driver strips blanks around each drive node; the rules used to skip a value that did
    // not start with '/' and so never looked at " /etc/shadow".
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=%20/etc/shadow")))
        .contains("/etc/shadow");
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?%64rives=/etc/shadow")))
        .contains("/etc/shadow");
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=nst0")))
        .contains("absolute");
    assertThat(r.refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=/dev/nst0,,/dev/nst1")))
        .isNull();
  }

  @Test
  void aPathWithAControlCharacterIsRefusedNotAFailure() {
    // A NUL byte made Path.of throw, which the API answered with 500.
    assertThat(defaults().refusal(TargetKind.DISK, uri("file:" + dir + "/disks/a%00b")))
        .contains("control character");
    assertThat(defaults().refusal(TargetKind.DISK, uri("file:" + dir + "/disks/a%0Ab")))
        .contains("control character");
    assertThat(
            rules(List.of(), List.of("/dev/*"))
                .refusal(TargetKind.TAPE_LIBRARY, uri("mtx:/dev/sg3?drives=/dev/n%00st0")))
        .contains("control character");
  }

  @Test
  void metadataAddressesInsideIpv6AddressesAreRefusedToo() {
    EndpointRules any = rules(List.of("*"), List.of());
    for (String host :
        List.of(
            "[::ffff:169.254.169.254]",
            "[::169.254.169.254]",
            "[64:ff9b::169.254.169.254]",
            "[2002:a9fe:a9fe::1]",
            "[64:ff9b::127.0.0.1]")) {
      assertThat(any.refusal(TargetKind.VTL, uri("vtl://" + host + ":80")))
          .as(host)
          .contains("resolves to");
    }
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://[2001:db8::1]:80"))).isNull();
    assertThat(any.refusal(TargetKind.VTL, uri("vtl://[64:ff9b::203.0.113.7]:80"))).isNull();
  }
}
