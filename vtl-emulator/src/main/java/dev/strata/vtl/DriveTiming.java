package dev.strata.vtl;

import java.time.Duration;

/**
 * How long a real drive takes, for the timing model: mechanical times and the streaming rates. The
 * LTO-9 figures are nominal values from the LTO Program's and drive makers' data sheets (native 400
 * MB/s, slowest speed-matching step 177 MB/s, 1 GB buffer); the mechanical times are typical of a
 * full-height LTO-9 drive and a mid-range library robot, rounded.
 *
 * @param loadToReady from cartridge inserted to ready (threading, reading the cartridge memory)
 * @param unload rewind-less unload and eject
 * @param fullRewind rewind from the end of the tape (a rewind from position p takes p / end of it)
 * @param averageLocate a locate across half the tape
 * @param robotMove one move of the changer's picker
 * @param nativeRate bytes per second when streaming at full speed
 * @param slowestRate the lowest speed-matching step: below it the drive cannot slow down further
 *     and must stop and reposition (back-hitch) whenever its buffer runs dry
 * @param backhitch the stop, rewind a little, and restart of one back-hitch
 * @param buffer the drive's data buffer in bytes
 */
public record DriveTiming(
    Duration loadToReady,
    Duration unload,
    Duration fullRewind,
    Duration averageLocate,
    Duration robotMove,
    long nativeRate,
    long slowestRate,
    Duration backhitch,
    long buffer) {

  public static final DriveTiming LTO9 =
      new DriveTiming(
          Duration.ofSeconds(15),
          Duration.ofSeconds(12),
          Duration.ofSeconds(98),
          Duration.ofSeconds(56),
          Duration.ofSeconds(8),
          400_000_000L,
          177_000_000L,
          Duration.ofMillis(2500),
          1_000_000_000L);

  public DriveTiming {
    if (slowestRate <= 0 || slowestRate > nativeRate || buffer <= 0) {
      throw new IllegalArgumentException("need 0 < slowest rate <= native rate and a buffer");
    }
  }
}
