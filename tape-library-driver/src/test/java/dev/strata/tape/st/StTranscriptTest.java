package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.mtx.ReplayRunner;
import dev.strata.tape.mtx.Transcript;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How st calls are recorded and replayed: faithfully, and strictly. */
class StTranscriptTest {
  /**
   * Recording a replay reproduces the transcript byte for byte, every kind of call included: what
   * the recorder writes is what the replayer reads.
   */
  @Test
  void aRecordingOfAReplayIsTheTranscript(@TempDir Path dir) throws Exception {
    byte[] block = "a block of data".getBytes(StandardCharsets.US_ASCII);
    String text =
        "$ st /dev/nst0 open\n= 0\n\n"
            + "$ st /dev/nst0 MODE-SENSE 29\n= 0\n> 1f0010001d1e010000\n\n"
            + "$ st /dev/nst0 write 15 "
            + StTranscript.sha256(ByteBuffer.wrap(block))
            + "\n= 0\n> 15\n\n"
            + "$ st /dev/nst0 MTREW 1\n= 0\n\n"
            + "$ st /dev/nst0 read 100\n= 0\n> "
            + StTranscript.readResult(ByteBuffer.wrap(block)).replace("\n", "\n> ")
            + "\n\n"
            + "$ st /dev/nst0 MTFSR 5\n= 5\n! /dev/nst0: MTFSR 5: Input/output error\n\n"
            + "$ st /dev/nst0 status\n= 0\n> "
            + new MtStatus(114, 0, 0, 0x89010000L, 0, 1, 0).format()
            + "\n\n"
            + "$ st /dev/nst0 position\n= 0\n> 2\n\n"
            + "$ st /dev/nst0 close\n= 0\n\n";
    Path original = dir.resolve("original.transcript");
    Files.writeString(original, text);
    ReplayRunner replay = new ReplayRunner(Transcript.read(original));
    Path copy = dir.resolve("copy.transcript");
    StDevice d = new RecordingStDevice(new ReplayStDevice("/dev/nst0", replay), copy);
    d.open();
    assertThat(d.modeSense(0x1D)).hasSize(9);
    assertThat(d.write(ByteBuffer.wrap(block))).isEqualTo(15);
    d.op(MtOp.MTREW, 1);
    ByteBuffer in = ByteBuffer.allocate(100);
    assertThat(d.read(in)).isEqualTo(15);
    assertThat(java.util.Arrays.copyOf(in.array(), 15)).isEqualTo(block);
    assertThatThrownBy(() -> d.op(MtOp.MTFSR, 5)).isInstanceOf(StDeviceException.class);
    assertThat(d.status().atFilemark()).isTrue();
    assertThat(d.position()).isEqualTo(2);
    d.close();
    assertThat(replay.finished()).isTrue();
    assertThat(Files.readString(copy)).isEqualTo(text);
  }

  @Test
  void aReplayRefusesABlockWithOtherBytes() throws Exception {
    ByteBuffer recorded = ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII));
    String sha = StTranscript.sha256(recorded);
    Path file = Files.createTempFile("st", ".transcript");
    Files.writeString(file, "$ st /dev/nst0 write 3 " + sha + "\n= 0\n> 3\n\n");
    ReplayStDevice device =
        new ReplayStDevice("/dev/nst0", new ReplayRunner(Transcript.read(file)));
    assertThatThrownBy(
            () -> device.write(ByteBuffer.wrap("abd".getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("write, 3, " + sha);
    Files.delete(file);
  }

  @Test
  void errorsComeBackWithTheirErrno() throws Exception {
    Path file = Files.createTempFile("st", ".transcript");
    Files.writeString(
        file, "$ st /dev/nst0 read 10\n= 5\n! /dev/nst0: read: Input/output error\n\n");
    ReplayStDevice device =
        new ReplayStDevice("/dev/nst0", new ReplayRunner(Transcript.read(file)));
    assertThatThrownBy(() -> device.read(ByteBuffer.allocate(10)))
        .isInstanceOf(StDeviceException.class)
        .hasMessage("/dev/nst0: read: Input/output error")
        .satisfies(e -> assertThat(((StDeviceException) e).errno()).isEqualTo(5));
    Files.delete(file);
  }

  @Test
  void statusRoundTrips() {
    MtStatus s = new MtStatus(114, 0, 0, 0x41010000L, 0, 0, 0);
    assertThat(MtStatus.parse(s.format())).isEqualTo(s);
    assertThat(s.online()).isTrue();
    assertThat(s.beginningOfTape()).isTrue();
    assertThat(s.endOfData()).isFalse();
  }
}
