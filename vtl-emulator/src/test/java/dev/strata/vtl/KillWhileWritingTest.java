package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing to a VTL drive is killed with SIGKILL: every block it had acknowledged (its
 * write call returned) reads back intact after the library is opened again.
 */
class KillWhileWritingTest {
  private static final int BLOCK = 64 << 10;
  @TempDir Path dir;

  static byte[] block(long i) {
    byte[] b = new byte[BLOCK];
    new SplittableRandom(i).nextBytes(b);
    return b;
  }

  /** The child: writes blocks until killed, printing the count after each acknowledged write. */
  public static void main(String[] args) throws Exception {
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(Path.of(args[0]));
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    d.load();
    for (long i = 0; ; i++) {
      d.writeBlock(ByteBuffer.wrap(block(i)));
      System.out.println(i + 1);
      System.out.flush();
    }
  }

  @Test
  void everyAcknowledgedBlockSurvivesAKill() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("k", 1, 2, 0, CartridgeType.LTO9, 1, 0, "KIL", 1e-3));
    Process child =
        new ProcessBuilder(ChildJvm.command(KillWhileWritingTest.class, dir.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long acknowledged = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged < 500 && (line = out.readLine()) != null) {
        acknowledged = Long.parseLong(line.strip());
      }
      child.destroyForcibly(); // SIGKILL, in the middle of writing
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).isGreaterThanOrEqualTo(500);

    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir);
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    d.load();
    ByteBuffer buf = ByteBuffer.allocate(BLOCK);
    for (long i = 0; i < acknowledged; i++) {
      assertThat(d.readBlock(buf.clear())).isEqualTo(ReadResult.block(BLOCK));
      assertThat(buf.array()).as("block %d", i).isEqualTo(block(i));
    }
    // Blocks acknowledged after the last line this test read, and the one write in flight, are
    // there whole or not at all: never a torn or wrong block.
    for (long i = acknowledged; ; i++) {
      try {
        assertThat(d.readBlock(buf.clear())).isEqualTo(ReadResult.block(BLOCK));
      } catch (TapeException.EndOfData e) {
        break;
      }
      assertThat(buf.array()).as("block %d", i).isEqualTo(block(i));
    }
  }
}
