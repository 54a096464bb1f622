package dev.strata.vtl;

import org.junit.jupiter.api.Test;

class TmpWriteGoldenV2Test {
  @Test
  void write() throws Exception {
    GoldenCartridgeTest.main(new String[] {"src/test/resources/golden/cartridge-v2"});
  }
}
