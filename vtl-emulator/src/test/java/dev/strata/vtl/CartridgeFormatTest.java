package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cartridge index's header: written on new cartridges, checked on old ones. */
class CartridgeFormatTest {
  @TempDir Path dir;

  private TapeDrive loaded() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("fmt", 1, 2, 0, CartridgeType.LTO9, 1, 0, "FMT", 1e-6));
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir);
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    d.load();
    return d;
  }

  private Path index() {
    return dir.resolve("cartridges/FMT000L9/index");
  }

  @Test
  void aNewCartridgeStartsItsIndexWithTheMagicAndVersion2() throws Exception {
    TapeDrive d = loaded();
    d.writeBlock(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    d.writeFilemarks(1);
    byte[] index = Files.readAllBytes(index());
    assertThat(Arrays.copyOf(index, 12))
        .isEqualTo(new byte[] {'S', 'T', 'R', 'A', 'T', 'A', 'V', 'C', 0, 2, 0, 21});
    assertThat(index).hasSize(VirtualCartridge.HEADER + 2 * 21);
  }

  @Test
  void aCartridgeOfAnotherVersionIsRefusedByName() throws Exception {
    Files.createDirectories(index().getParent());
    ByteBuffer h = ByteBuffer.allocate(16).put(VirtualCartridge.MAGIC).putShort((short) 3);
    h.putShort((short) 21);
    CRC32C crc = new CRC32C();
    crc.update(h.array(), 0, 12);
    h.putInt((int) crc.getValue());
    Files.write(index(), h.array());
    assertThatThrownBy(this::loaded)
        .isInstanceOf(TapeException.HardwareError.class)
        .hasMessageContaining("format version 3");
  }

  @Test
  void aHeaderCutShortWhileANewCartridgeWasMadeIsWrittenAfresh() throws Exception {
    Files.createDirectories(index().getParent());
    Files.write(index(), Arrays.copyOf(VirtualCartridge.header().array(), 5));
    TapeDrive d = loaded();
    assertThatThrownBy(() -> d.readBlock(ByteBuffer.allocate(10)))
        .isInstanceOf(TapeException.BlankCheck.class);
    assertThat(Files.size(index())).isEqualTo(VirtualCartridge.HEADER);
  }
}
