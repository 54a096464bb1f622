package dev.strata.tape.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a cartridge: writes 10,000-byte blocks until the end of the medium, noting where early
 * warning came, then reads everything back. Needs a library whose cartridges hold a few blocks (the
 * recording's VTL scales an LTO-9 cartridge to 100 kB), live or replayed.
 */
final class EarlyWarningScenario {
  static final int BLOCK = 10_000;

  /** Blocks written in all, and the number of the first write that reported early warning. */
  record Outcome(int written, int firstWarning) {}

  private EarlyWarningScenario() {}

  static byte[] block(int n) {
    byte[] b = new byte[BLOCK];
    new SplittableRandom(n).nextBytes(b);
    return b;
  }

  static Outcome run(TapeLibrary library) throws Exception {
    List<Element> inventory = library.inventory();
    Element slot =
        inventory.stream()
            .filter(e -> e.type() == ElementType.STORAGE && e.full())
            .findFirst()
            .orElseThrow();
    Element driveElement =
        inventory.stream()
            .filter(e -> e.type() == ElementType.DATA_TRANSFER)
            .findFirst()
            .orElseThrow();
    library.move(slot.address(), driveElement.address());
    TapeDrive d = library.drive(driveElement.address());
    d.load();
    int written = 0;
    int firstWarning = -1;
    while (true) {
      try {
        d.writeBlock(ByteBuffer.wrap(block(written)));
        written++;
      } catch (TapeException.EarlyWarning e) {
        written++; // the block was written
        if (firstWarning < 0) {
          firstWarning = written;
        }
      } catch (TapeException.EndOfMedium e) {
        break;
      }
      assertThat(written).as("the medium ends").isLessThan(1000);
    }
    assertThat(firstWarning).as("early warning came before the end").isPositive();
    d.rewind();
    ByteBuffer in = ByteBuffer.allocate(BLOCK);
    for (int i = 0; i < written; i++) {
      assertThat(d.readBlock(in.clear())).isEqualTo(ReadResult.block(BLOCK));
      assertThat(in.array()).as("block " + i).isEqualTo(block(i));
    }
    assertThatThrownBy(() -> d.readBlock(in.clear())).isInstanceOf(TapeException.EndOfData.class);
    d.unload();
    library.move(driveElement.address(), slot.address());
    return new Outcome(written, firstWarning);
  }
}
