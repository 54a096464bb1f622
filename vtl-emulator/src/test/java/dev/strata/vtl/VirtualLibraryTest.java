package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualLibraryTest {
  @TempDir Path dir;

  @Test
  void aCreatedLibraryReopensWithTheSameShapeAndInventory() throws Exception {
    LibraryConfig config = LibraryConfig.embeddedDefault("local-vtl");
    VirtualLibrary.create(dir.resolve("lib"), config);
    VirtualLibrary lib = VirtualLibrary.open(dir.resolve("lib"));

    assertThat(lib.config()).isEqualTo(config);
    List<Element> inv = lib.inventory();
    assertThat(inv).filteredOn(e -> e.type() == ElementType.DATA_TRANSFER).hasSize(2);
    assertThat(inv).filteredOn(e -> e.type() == ElementType.IMPORT_EXPORT).hasSize(4);
    assertThat(inv).filteredOn(e -> e.type() == ElementType.STORAGE).hasSize(24);
    assertThat(inv).filteredOn(Element::full).hasSize(22);
    assertThat(inv.stream().filter(e -> e.address() == VirtualLibrary.FIRST_SLOT).findFirst())
        .get()
        .extracting(e -> e.cartridge().orElseThrow().value())
        .isEqualTo("STR000L9");
    assertThat(inv.stream().filter(e -> e.address() == VirtualLibrary.FIRST_SLOT + 20).findFirst())
        .get()
        .extracting(e -> e.cartridge().orElseThrow().cartridgeType().orElseThrow())
        .isEqualTo(CartridgeType.CLEANING);
    assertThat(inv.stream().filter(e -> e.address() == VirtualLibrary.FIRST_SLOT + 21).findFirst())
        .get()
        .extracting(e -> e.cartridge().orElseThrow().value())
        .as("the cartridge set aside for the tape probe")
        .isEqualTo("PRB000L9");
    assertThat(inv).extracting(Element::address).doesNotHaveDuplicates().isSorted();
    assertThat(lib.capacityBytes()).isEqualTo(20L * 1_800_000_000L);
  }

  @Test
  void creatingOverAnExistingLibraryKeepsIt() throws Exception {
    VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("first"));
    VirtualLibrary again = VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("second"));
    assertThat(again.config().name()).isEqualTo("first");
  }

  @Test
  void openingWithoutALibraryNamesWhatIsMissing() {
    assertThatThrownBy(() -> VirtualLibrary.open(dir.resolve("nope")))
        .isInstanceOf(LibraryConfigException.class)
        .hasMessageContaining("no library directory");
    assertThatThrownBy(() -> VirtualLibrary.open(dir))
        .isInstanceOf(LibraryConfigException.class)
        .hasMessageContaining(LibraryConfig.FILE_NAME);
  }

  @Test
  void aBadConfigurationNamesTheKeyAtFault() throws Exception {
    VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("x"));
    Path file = dir.resolve(LibraryConfig.FILE_NAME);
    String good = Files.readString(file);

    Files.writeString(file, good.replace("drives=2", "drives=zero"));
    assertThatThrownBy(() -> VirtualLibrary.open(dir))
        .hasMessageContaining("drives must be an integer");
    Files.writeString(file, good.replace("drives=2", "drives=0"));
    assertThatThrownBy(() -> VirtualLibrary.open(dir)).hasMessageContaining("drives must be 1-64");
    Files.writeString(file, good.replace("cartridgeType=LTO9", "cartridgeType=DLT"));
    assertThatThrownBy(() -> VirtualLibrary.open(dir)).hasMessageContaining("cartridgeType 'DLT'");
    Files.writeString(file, good.replace("format=1", "format=2"));
    assertThatThrownBy(() -> VirtualLibrary.open(dir)).hasMessageContaining("format 2");
    Files.writeString(file, good + "\ncolour=blue\n");
    assertThatThrownBy(() -> VirtualLibrary.open(dir))
        .hasMessageContaining("unknown keys [colour]");
    Files.writeString(file, good.replace("slots=24", "slots=10"));
    assertThatThrownBy(() -> VirtualLibrary.open(dir))
        .hasMessageContaining("at most as many cartridges as slots");
  }

  @Test
  void aLibraryWrittenBeforeProbeCartridgesExistedReadsWithNone() throws Exception {
    LibraryConfig old = new LibraryConfig("old", 1, 4, 0, CartridgeType.LTO9, 2, 0, "OLD", 1e-6);
    VirtualLibrary.create(dir, old);
    assertThat(Files.readString(dir.resolve(LibraryConfig.FILE_NAME)))
        .as("the key is written only when there are probe cartridges")
        .doesNotContain("probeCartridges");
    assertThat(VirtualLibrary.open(dir).config().probeCartridges()).isZero();
    Path withProbe = dir.resolve("new");
    VirtualLibrary.create(withProbe, LibraryConfig.embeddedDefault("new"));
    assertThat(Files.readString(withProbe.resolve(LibraryConfig.FILE_NAME)))
        .contains("probeCartridges=1");
    assertThat(VirtualLibrary.open(withProbe).config().probeCartridges()).isEqualTo(1);
  }

  @Test
  void configurationRulesHold() {
    assertThatThrownBy(() -> new LibraryConfig("x", 1, 10, 0, CartridgeType.LTO8, 1, 0, "PRB", 1))
        .hasMessageContaining("barcodePrefix must be other than PRB");
    assertThatThrownBy(() -> new LibraryConfig("x", 1, 3, 0, CartridgeType.LTO8, 2, 1, "ABC", 1, 1))
        .hasMessageContaining("at most as many cartridges as slots");
    assertThatThrownBy(
            () -> new LibraryConfig("x", 1, 10, 0, CartridgeType.CLEANING, 1, 0, "ABC", 1))
        .hasMessageContaining("cartridgeType");
    assertThatThrownBy(() -> new LibraryConfig("x", 1, 10, 0, CartridgeType.LTO8, 1, 0, "ab", 1))
        .hasMessageContaining("barcodePrefix");
    assertThatThrownBy(() -> new LibraryConfig("x", 1, 10, 0, CartridgeType.LTO8, 1, 0, "ABC", 0))
        .hasMessageContaining("capacityScale");
    LibraryConfig lto5 = new LibraryConfig("x", 1, 10, 1, CartridgeType.LTO5_WORM, 2, 0, "W05", 1);
    assertThat(lto5.barcodes())
        .extracting(Object::toString)
        .containsExactly("W05000LV", "W05001LV");
    assertThat(lto5.cartridgeCapacityBytes()).isEqualTo(1_500_000_000_000L);
  }
}
