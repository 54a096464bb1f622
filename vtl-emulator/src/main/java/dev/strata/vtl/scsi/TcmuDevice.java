package dev.strata.vtl.scsi;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.strata.tape.linux.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one logical unit to the Linux kernel through TCMU (target_core_user): the kernel's SCSI
 * target puts each command for the device in a ring in memory shared through a UIO device; this
 * reads the ring, has the unit execute the command, writes status, sense and data back, and tells
 * the kernel. With the loopback fabric (tcm_loop) the units appear as local SCSI devices, so the
 * Linux st and sg drivers — and mtx — talk to the VTL as to hardware. Layout of the ring: {@code
 * <linux/target_core_user.h>}, mailbox version 2 (offsets as the kernel's compiler lays the
 * structures out: the request's 64-bit fields are 8-byte aligned inside the packed entry).
 */
public final class TcmuDevice implements Runnable {
  private static final Logger LOG = Logger.getLogger(TcmuDevice.class.getName());
  private static final int OP_PAD = 0;
  private static final int OP_CMD = 1;
  private static final int OP_TMR = 2;
  private static final int UFLAG_UNKNOWN_OP = 0x1;
  private static final int UFLAG_READ_LEN = 0x2;
  private static final int CAP_READ_LEN = 1 << 1;

  private final Path uio;
  private final long size;
  private final LogicalUnit unit;

  /**
   * @param uio the UIO device node, {@code /dev/uioN}
   * @param size the size of its memory map (from sysfs, {@code maps/map0/size})
   */
  public TcmuDevice(Path uio, long size, LogicalUnit unit) {
    this.uio = uio;
    this.size = size;
    this.unit = unit;
  }

  /** The UIO devices whose TCMU configuration is {@code strata/NAME}: name to device. */
  public static List<Found> discover(Path sysClassUio) throws IOException {
    List<Found> found = new ArrayList<>();
    if (!Files.isDirectory(sysClassUio)) {
      return found;
    }
    try (var dirs = Files.list(sysClassUio)) {
      for (Path d : dirs.sorted().toList()) {
        String name = Files.readString(d.resolve("name")).strip();
        int at = name.lastIndexOf("/strata/");
        if (!name.startsWith("tcm-user/") || at < 0) {
          continue;
        }
        String size = Files.readString(d.resolve("maps/map0/size")).strip();
        found.add(
            new Found(
                name.substring(at + "/strata/".length()),
                Path.of("/dev", d.getFileName().toString()),
                Long.decode(size)));
      }
    }
    return found;
  }

  /** A TCMU device configured for Strata: the unit it names, its UIO node and map size. */
  public record Found(String unitName, Path uio, long size) {}

  @Override
  public void run() {
    Libc c = Libc.get();
    int fd;
    try {
      fd = c.open(uio.toString(), Libc.O_RDWR);
    } catch (LastErrorException e) {
      LOG.log(Level.SEVERE, "cannot open " + uio + ": " + c.strerror(e.getErrorCode()));
      return;
    }
    Pointer base;
    try {
      base = c.mmap(null, size, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
    } catch (LastErrorException e) {
      LOG.log(Level.SEVERE, "cannot map " + uio + ": " + c.strerror(e.getErrorCode()));
      c.close(fd);
      return;
    }
    Memory event = new Memory(4);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        if (serveRing(base)) {
          c.write(fd, event, 4); // tell the kernel completions are there
        }
        c.read(fd, event, 4); // wait for the next command
      }
    } catch (LastErrorException e) {
      LOG.log(Level.SEVERE, uio + " failed: " + c.strerror(e.getErrorCode()));
    } finally {
      c.munmap(base, size);
      c.close(fd);
    }
  }

  /** Executes every command between the tail and the head; returns whether there were any. */
  private boolean serveRing(Pointer base) {
    int flags = base.getShort(2) & 0xFFFF;
    long ringOffset = base.getInt(4) & 0xFFFFFFFFL;
    int ringSize = base.getInt(8);
    int tail = base.getInt(64);
    boolean any = false;
    while (tail != base.getInt(12)) {
      Pointer entry = base.share(ringOffset + tail);
      int lenOp = entry.getInt(0);
      int op = lenOp & 0x7;
      if (op == OP_CMD) {
        execute(base, entry, (flags & CAP_READ_LEN) != 0);
      } else if (op != OP_PAD && op != OP_TMR) {
        entry.setByte(7, (byte) (entry.getByte(7) | UFLAG_UNKNOWN_OP));
      }
      tail = (tail + (lenOp & ~0x7)) % ringSize;
      base.setInt(64, tail);
      any = true;
    }
    return any;
  }

  private static int cdbLength(int opcode) {
    return switch (opcode >>> 5) {
      case 0 -> 6;
      case 1, 2 -> 10;
      case 4 -> 16;
      case 5 -> 12;
      default -> 16;
    };
  }

  /** Commands whose buffers carry data from the initiator. */
  private static boolean dataOut(int opcode) {
    return opcode == 0x0A || opcode == 0x15 || opcode == 0x55;
  }

  private void execute(Pointer base, Pointer entry, boolean readLength) {
    int iovCount = entry.getInt(8);
    long cdbOffset = entry.getLong(24);
    int opcode = base.getByte(cdbOffset) & 0xFF;
    byte[] cdb = base.getByteArray(cdbOffset, cdbLength(opcode));
    long[] iovBase = new long[iovCount];
    long[] iovLength = new long[iovCount];
    long total = 0;
    for (int i = 0; i < iovCount; i++) {
      iovBase[i] = entry.getLong(48 + 16L * i);
      iovLength[i] = entry.getLong(56 + 16L * i);
      total += iovLength[i];
    }
    byte[] out = new byte[0];
    if (dataOut(opcode)) {
      out = new byte[(int) total];
      int at = 0;
      for (int i = 0; i < iovCount; i++) {
        base.read(iovBase[i], out, at, (int) iovLength[i]);
        at += (int) iovLength[i];
      }
    }
    ScsiResponse r;
    try {
      r = unit.execute(cdb, out);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "command " + Integer.toHexString(opcode) + " failed", e);
      r = ScsiResponse.check(Sense.of(Sense.HARDWARE_ERROR, 0x44, 0x00));
    }
    int written = 0;
    if (!dataOut(opcode)) {
      for (int i = 0; i < iovCount && written < r.data().length; i++) {
        int n = (int) Math.min(iovLength[i], r.data().length - written);
        base.write(iovBase[i], r.data(), written, n);
        written += n;
      }
    }
    entry.setByte(8, (byte) r.status());
    if (r.sense().length > 0) {
      entry.write(16, r.sense(), 0, Math.min(96, r.sense().length));
    }
    if (readLength && !dataOut(opcode)) {
      entry.setInt(12, written);
      entry.setByte(7, (byte) (entry.getByte(7) | UFLAG_READ_LEN));
    }
  }
}
