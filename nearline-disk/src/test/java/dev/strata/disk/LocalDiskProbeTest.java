package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskProbeTest {
  @TempDir Path dir;

  private final LocalDiskProbe probe = new LocalDiskProbe(new SplittableRandom(42), 256 * 1024);

  @Test
  void measuresAWritableDirectoryAndLeavesNothingBehind() throws Exception {
    DiskProbeReport r = probe.probe(dir);
    assertThat(r.reachable()).isTrue();
    assertThat(r.verified()).isTrue();
    assertThat(r.probeBytes()).isEqualTo(256 * 1024);
    assertThat(r.totalBytes()).isPositive();
    assertThat(r.usableBytes()).isBetween(0L, r.totalBytes());
    assertThat(r.write()).isPositive();
    assertThat(r.read()).isNotNull();
    assertThat(r.detail()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void reportsAMissingDirectoryAsUnreachable() {
    DiskProbeReport r = probe.probe(dir.resolve("gone"));
    assertThat(r.reachable()).isFalse();
    assertThat(r.detail()).contains("no directory");
  }

  @Test
  void reportsAFileInPlaceOfTheDirectoryAsUnreachable() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertThat(probe.probe(file).reachable()).isFalse();
  }

  @Test
  void reportsAReadOnlyDirectory() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    DiskProbeReport r = probe.probe(ro);
    // root may write anywhere; then the probe must still succeed honestly.
    if (Files.isWritable(ro)) {
      assertThat(r.verified()).isTrue();
    } else {
      assertThat(r.reachable()).isFalse();
      assertThat(r.detail()).contains("not writable");
    }
  }

  @Test
  void rejectsAbsurdProbeSizes() {
    assertThatThrownBy(() -> new LocalDiskProbe(new SplittableRandom(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalDiskProbe(new SplittableRandom(1), (64 << 20) + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durableWriteReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("pack");
    DurableFiles.write(target, ByteBuffer.wrap(new byte[] {1, 2, 3}));
    DurableFiles.write(target, ByteBuffer.wrap(new byte[] {4, 5}));
    assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
