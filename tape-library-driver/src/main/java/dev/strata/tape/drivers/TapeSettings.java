package dev.strata.tape.drivers;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.st.HostDevices;
import java.time.Duration;

/**
 * How {@link TapeLibraries} opens a library: how the real-hardware driver reaches the host's
 * devices (live, or a recording replayed), how long a remote library may take to answer a
 * connection, the drive leases shared by everything in the process that uses drives, and whether a
 * fault injector is put in the stack (for tests and drills; off in normal operation).
 */
public record TapeSettings(
    HostDevices host, Duration connectTimeout, DriveLeases leases, boolean faultInjection) {

  public TapeSettings {
    if (host == null || connectTimeout == null || leases == null) {
      throw new IllegalArgumentException("host, connectTimeout and leases are required");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
  }

  /**
   * The host's live devices (mtx commands may take ten minutes: a real robot's inventory can), five
   * seconds to connect to a remote library, the process's own leases, no fault injection.
   */
  public static TapeSettings defaults() {
    return new TapeSettings(
        HostDevices.linux(Duration.ofMinutes(10)),
        Duration.ofSeconds(5),
        DriveLeases.inThisProcess(),
        false);
  }

  public TapeSettings withHost(HostDevices devices) {
    return new TapeSettings(devices, connectTimeout, leases, faultInjection);
  }

  public TapeSettings withLeases(DriveLeases table) {
    return new TapeSettings(host, connectTimeout, table, faultInjection);
  }

  public TapeSettings withConnectTimeout(Duration timeout) {
    return new TapeSettings(host, timeout, leases, faultInjection);
  }

  public TapeSettings withFaultInjection() {
    return new TapeSettings(host, connectTimeout, leases, true);
  }
}
