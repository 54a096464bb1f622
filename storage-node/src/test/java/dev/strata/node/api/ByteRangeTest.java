package dev.strata.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void readsTheThreeFormsOfOneRange() {
    assertThat(ByteRange.parse("bytes=10-19", 100)).contains(new ByteRange(10, 10));
    assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 10));
    assertThat(ByteRange.parse("bytes=-5", 100)).contains(new ByteRange(95, 5));
    assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 100));
    assertThat(ByteRange.parse("bytes=50-5000", 100)).contains(new ByteRange(50, 50));
  }

  @Test
  void aRangeStartingAtOrPastTheEndIsUnsatisfiable() {
    assertThat(ByteRange.parse("bytes=100-", 100)).contains(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=100-200", 100)).contains(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=-0", 100)).contains(ByteRange.UNSATISFIABLE);
  }

  @Test
  void servesTheWholePackForWhatItDoesNotUnderstand() {
    assertThat(ByteRange.parse(null, 100)).isEqualTo(Optional.empty());
    assertThat(ByteRange.parse("bytes=1-2,5-6", 100)).isEmpty();
    assertThat(ByteRange.parse("items=1-2", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=9-3", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=99999999999999999999-", 100)).isEmpty();
  }
}
