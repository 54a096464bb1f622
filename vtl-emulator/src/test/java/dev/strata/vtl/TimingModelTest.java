package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeDrive;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timing model reports what an LTO-9 drive would have done at the host's pace. */
class TimingModelTest {
  private static final int BLOCK = 256 << 10;

  /** A clock the test moves. */
  static final class HostClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(double seconds) {
      now = now.plusNanos((long) (seconds * 1e9));
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static TimingModel.Report feed(double hostBytesPerSecond, long total) {
    HostClock clock = new HostClock();
    TimingModel m = new TimingModel(DriveTiming.LTO9, clock, 0);
    m.load();
    for (long done = 0; done < total; done += BLOCK) {
      clock.advance(BLOCK / hostBytesPerSecond);
      m.write(BLOCK);
    }
    return m.report();
  }

  @Test
  void aFastHostStreamsAtTheNativeRateWithoutBackhitches() {
    long total = 4L << 30;
    TimingModel.Report r = feed(1e9, total);
    assertThat(r.backhitches()).isZero();
    assertThat(r.bytesWritten()).isEqualTo(total);
    // The tape is the bottleneck: 4 GiB at 400 MB/s, less what is still in the buffer.
    assertThat(r.streaming().toMillis() / 1000.0)
        .isCloseTo(total / 400e6 - 1e9 / 400e6, within(0.5));
  }

  @Test
  void aHostWithinTheSpeedStepsIsMatchedWithoutBackhitches() {
    long total = 4L << 30;
    TimingModel.Report r = feed(250e6, total);
    assertThat(r.backhitches()).isZero();
    assertThat(r.streaming().toMillis() / 1000.0).isBetween(total / 250e6 - 2, total / 250e6);
  }

  @Test
  void aHostSlowerThanTheSlowestStepMakesTheDriveBackhitch() {
    TimingModel.Report r = feed(50e6, 4L << 30);
    // Each cycle: the buffer fills to a quarter (250 MB in 5 s), the tape drains it at 177 MB/s
    // while 50 MB/s arrive, runs dry after ~2 s and stops: about 12 cycles for 4 GiB.
    assertThat(r.backhitches()).isBetween(10L, 14L);
    assertThat(r.mechanical()).isGreaterThanOrEqualTo(Duration.ofSeconds(15 + 10 * 2));
  }

  @Test
  void theDriveReportsMechanicalTimeAndStreamingThroughTheTapeInterface(@TempDir Path dir)
      throws Exception {
    HostClock clock = new HostClock();
    VirtualLibrary.create(
        dir, new LibraryConfig("t", 1, 4, 0, CartridgeType.LTO9, 2, 0, "TIM", 1e-6));
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir, DriveTiming.LTO9, clock, 0);
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    assertThat(lib.robotTime()).isEqualTo(Duration.ofSeconds(8));
    VirtualDrive d = lib.virtualDrive(VirtualLibrary.FIRST_DRIVE);
    TapeDrive drive = d;
    drive.load();
    for (int i = 0; i < 8; i++) {
      clock.advance(BLOCK / 1e9);
      drive.writeBlock(ByteBuffer.allocate(BLOCK));
    }
    drive.writeFilemarks(1);
    drive.rewind();
    drive.readBlock(ByteBuffer.allocate(BLOCK));
    TimingModel.Report r = d.report();
    assertThat(r.bytesWritten()).isEqualTo(8L * BLOCK);
    assertThat(r.bytesRead()).isEqualTo(BLOCK);
    assertThat(r.backhitches()).isEqualTo(1); // the synchronous filemark stopped the tape
    assertThat(r.mechanical()).isGreaterThan(Duration.ofSeconds(15));
  }

  @Test
  void immediateFilemarksBetweenPacksKeepTheTapeStreaming(@TempDir Path dir) throws Exception {
    HostClock clock = new HostClock();
    VirtualLibrary.create(
        dir, new LibraryConfig("t", 1, 4, 0, CartridgeType.LTO9, 2, 0, "TIM", 1e-4));
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir, DriveTiming.LTO9, clock, 0);
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    VirtualDrive d = lib.virtualDrive(VirtualLibrary.FIRST_DRIVE);
    assertThat(d.capabilities()).contains(dev.strata.tape.DriveCapability.IMMEDIATE_FILEMARKS);
    d.load();
    // 40 "packs" of 16 blocks fed at 1 GB/s, a filemark after each.
    for (int pack = 0; pack < 40; pack++) {
      for (int i = 0; i < 16; i++) {
        clock.advance(BLOCK / 1e9);
        d.writeBlock(ByteBuffer.allocate(BLOCK));
      }
      d.writeFilemarksImmediate(1);
    }
    assertThat(d.report().backhitches()).isZero();
    d.writeFilemarks(1); // the closing synchronous filemark flushes and stops the tape once
    assertThat(d.report().backhitches()).isEqualTo(1);
  }

  @Test
  void synchronousFilemarksBetweenPacksStopTheTapeEachTime(@TempDir Path dir) throws Exception {
    HostClock clock = new HostClock();
    VirtualLibrary.create(
        dir, new LibraryConfig("t", 1, 4, 0, CartridgeType.LTO9, 2, 0, "TIM", 1e-4));
    VirtualTapeLibrary lib = VirtualTapeLibrary.open(dir, DriveTiming.LTO9, clock, 0);
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    VirtualDrive d = lib.virtualDrive(VirtualLibrary.FIRST_DRIVE);
    d.load();
    for (int pack = 0; pack < 10; pack++) {
      for (int i = 0; i < 16; i++) {
        clock.advance(BLOCK / 1e9);
        d.writeBlock(ByteBuffer.allocate(BLOCK));
      }
      d.writeFilemarks(1);
    }
    assertThat(d.report().backhitches()).isEqualTo(10);
  }
}
