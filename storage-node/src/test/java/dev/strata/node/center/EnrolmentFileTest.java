package dev.strata.node.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentFileTest {
  @TempDir Path dir;

  static final NodeEnrolment ENROLMENT =
      new NodeEnrolment(
          URI.create("http://127.0.0.1:8080"),
          "local",
          "local-node",
          "snk_local-node_" + "a".repeat(43),
          "strata-grant-key-v1 public " + "A".repeat(43) + "=\n",
          Duration.ofSeconds(30),
          Instant.parse("2025-06-01T10:15:30Z"));

  /** The bytes the spec (docs/formats/node-enrolment.md) shows; a change here is a new version. */
  static final String GOLDEN =
      """
      strata-node-enrolment-v1
      center=http://127.0.0.1:8080/
      data-center=local
      node=local-node
      credential=snk_local-node_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      grant-key=strata-grant-key-v1 public AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
      heartbeat-seconds=30
      enrolled-at=2025-06-01T10:15:30Z
      """;

  @Test
  void writesTheSpecifiedFormatReadableByItsOwnerOnlyAndReadsItBack() throws IOException {
    EnrolmentFile.write(dir, ENROLMENT);
    Path file = dir.resolve("enrolment");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(EnrolmentFile.read(dir)).contains(ENROLMENT);
    assertThat(ENROLMENT.toString()).doesNotContain("snk_");
    try (var leftovers = Files.list(dir)) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void neverOverwritesAnEnrolment() throws IOException {
    EnrolmentFile.write(dir, ENROLMENT);
    assertThatThrownBy(() -> EnrolmentFile.write(dir, ENROLMENT))
        .hasMessageContaining("enrolled already");
  }

  @Test
  void aDirectoryWithoutOneHasNoEnrolment() throws IOException {
    assertThat(EnrolmentFile.read(dir.resolve("new"))).isEmpty();
  }

  @Test
  void refusesAFileOthersMayRead() throws IOException {
    EnrolmentFile.write(dir, ENROLMENT);
    Files.setPosixFilePermissions(
        dir.resolve("enrolment"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> EnrolmentFile.read(dir)).hasMessageContaining("chmod 600");
  }

  @Test
  void refusesOtherVersionsUnknownAndMissingLines() {
    assertThatThrownBy(
            () -> EnrolmentFile.parse(GOLDEN.replace("-v1", "-v2").lines().toList(), "f"))
        .hasMessageContaining("strata-node-enrolment-v1");
    assertThatThrownBy(() -> EnrolmentFile.parse((GOLDEN + "colour=blue\n").lines().toList(), "f"))
        .hasMessageContaining("colour");
    List<String> noCredential = GOLDEN.lines().filter(l -> !l.startsWith("credential=")).toList();
    assertThatThrownBy(() -> EnrolmentFile.parse(noCredential, "f"))
        .hasMessageContaining("'credential' is missing");
    assertThatThrownBy(
            () -> EnrolmentFile.parse(GOLDEN.replace("=30", "=thirty").lines().toList(), "f"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aDataDirectoryOfAnotherCenterDataCenterOrNameIsRefused() throws Exception {
    EnrolmentFile.write(dir, ENROLMENT);
    URI center = URI.create("http://127.0.0.1:8080/");
    assertThat(Enrolments.stored(dir, center, "local", "local-node", false)).contains(ENROLMENT);
    assertThatThrownBy(
            () ->
                Enrolments.stored(
                    dir, URI.create("http://10.1.1.1:8080/"), "local", "local-node", false))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("another control center (http://127.0.0.1:8080/");
    assertThatThrownBy(() -> Enrolments.stored(dir, center, "dc2", "local-node", false))
        .hasMessageContaining("in data center 'local'");
    assertThatThrownBy(() -> Enrolments.stored(dir, center, "local", "other", false))
        .hasMessageContaining("node 'local-node'");
  }

  @Test
  void aCenterThatMovedKeepsTheEnrolmentUnderItsNewUrl() throws Exception {
    EnrolmentFile.write(dir, ENROLMENT);
    URI moved = URI.create("http://127.0.0.1:9090");
    assertThat(Enrolments.stored(dir, moved, "local", "local-node", true))
        .get()
        .satisfies(
            e -> {
              assertThat(e.center()).isEqualTo(URI.create("http://127.0.0.1:9090/"));
              assertThat(e.credential()).isEqualTo(ENROLMENT.credential());
            });
    assertThat(EnrolmentFile.read(dir).orElseThrow().center()).isEqualTo(moved.resolve("/"));
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("enrolment"))))
        .isEqualTo("rw-------");
  }
}
