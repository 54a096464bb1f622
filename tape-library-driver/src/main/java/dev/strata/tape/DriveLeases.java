package dev.strata.tape;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who in this process is using which drive. A drive serves one caller at a time ({@link
 * TapeDrive}), yet several parts of a process reach the same library through different objects —
 * the control center's prober and, later, the storage node's tape writer and its recalls. Each
 * takes a lease on a drive before it moves a cartridge into it and gives it back when the drive is
 * empty again; a caller that finds a drive leased leaves it alone.
 *
 * <p>Leases are advisory and local to the process: another process sharing the library (another
 * host's backup software, an operator with {@code mtx}) is seen only through the inventory, where
 * its drives are full. Libraries are named by the identity their driver gives them ({@link
 * dev.strata.tape.drivers.TapeLibraryProvider.Backend#identity}), so two objects for one library
 * share its leases. Thread-safe.
 */
public final class DriveLeases {
  private static final DriveLeases PROCESS = new DriveLeases();

  private record Key(String library, int address) {}

  private final Map<Key, Lease> held = new HashMap<>();

  /** The table every part of this process shares, unless a test gives its own. */
  public static DriveLeases inThisProcess() {
    return PROCESS;
  }

  /**
   * Takes the lease on drive {@code address} of {@code library} for {@code holder} (a name shown to
   * whoever finds the drive taken), or nothing if someone holds it.
   */
  public synchronized Optional<Lease> tryAcquire(String library, int address, String holder) {
    Key k = new Key(library, address);
    if (held.containsKey(k)) {
      return Optional.empty();
    }
    Lease lease = new Lease(k, holder);
    held.put(k, lease);
    return Optional.of(lease);
  }

  /** Who holds drive {@code address} of {@code library}, if anyone. */
  public synchronized Optional<String> holder(String library, int address) {
    return Optional.ofNullable(held.get(new Key(library, address))).map(Lease::holder);
  }

  private synchronized void release(Lease lease) {
    held.remove(lease.key, lease);
  }

  /** A drive held by one user; closing gives it back (closing twice does nothing more). */
  public final class Lease implements AutoCloseable {
    private final Key key;
    private final String holder;

    private Lease(Key key, String holder) {
      this.key = key;
      this.holder = holder;
    }

    public String library() {
      return key.library();
    }

    public int address() {
      return key.address();
    }

    public String holder() {
      return holder;
    }

    @Override
    public void close() {
      release(this);
    }
  }
}
