package dev.strata.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarcodeTest {

  @Test
  void readsVolumeSerialAndTypeOffAnLtoLabel() {
    Barcode b = Barcode.of("STR001L9");
    assertThat(b.volumeSerial()).isEqualTo("STR001");
    assertThat(b.cartridgeType()).contains(CartridgeType.LTO9);
    assertThat(Barcode.of("ABC123LZ").cartridgeType()).contains(CartridgeType.LTO9_WORM);
    assertThat(Barcode.of("CLN001CU").cartridgeType()).contains(CartridgeType.CLEANING);
  }

  @Test
  void acceptsTagsThatAreNotLtoLabels() {
    Barcode b = Barcode.of("VOL-0001");
    assertThat(b.volumeSerial()).isEqualTo("VOL-0001");
    assertThat(b.cartridgeType()).isEqualTo(Optional.empty());
    assertThat(Barcode.of("X".repeat(32)).value()).hasSize(32);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "STR 01L9", "é12345L9", "\tX"})
  void refusesWhatNoBarcodeReaderReports(String bad) {
    assertThatThrownBy(() -> Barcode.of(bad)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesOverlongTags() {
    assertThatThrownBy(() -> Barcode.of("X".repeat(33)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cartridgeTypesKnowTheirMediaIdsAndCapacities() {
    assertThat(CartridgeType.byMediaId("L8")).contains(CartridgeType.LTO8);
    assertThat(CartridgeType.byMediaId("QQ")).isEmpty();
    assertThat(CartridgeType.LTO9.nativeCapacityBytes()).isEqualTo(18_000_000_000_000L);
    assertThat(CartridgeType.LTO7_WORM.isWorm()).isTrue();
    assertThat(CartridgeType.CLEANING.holdsData()).isFalse();
    assertThat(CartridgeType.values())
        .filteredOn(CartridgeType::holdsData)
        .allSatisfy(t -> assertThat(t.nativeCapacityBytes()).isPositive());
  }

  @Test
  void elementsWithABarcodeAreFull() {
    assertThat(Element.holding(ElementType.STORAGE, 1000, Barcode.of("A00001L9")).full()).isTrue();
    assertThatThrownBy(
            () -> new Element(ElementType.STORAGE, 1, Optional.of(Barcode.of("A")), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Element.empty(ElementType.DATA_TRANSFER, 70000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
