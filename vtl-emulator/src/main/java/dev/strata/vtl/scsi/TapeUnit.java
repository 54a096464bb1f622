package dev.strata.vtl.scsi;

import dev.strata.tape.Barcode;
import dev.strata.tape.DriveStatus;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeException;
import dev.strata.vtl.VirtualDrive;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * A VTL drive as a SCSI sequential-access device (SSC-3, variable-block mode), so the Linux st
 * driver — and any backup program that uses it — drives it like a real LTO drive. The commands st
 * issues are implemented with their SSC semantics over the drive's SPI: reads and spaces report
 * filemarks, end of data and residues in sense data; a read into a short buffer transfers part of
 * the block and moves past it (ILI with a negative residue); spacing over blocks crosses the
 * filemark it meets. A cartridge the changer puts in the drive is threaded on the next command and
 * announced once with UNIT ATTENTION (not ready to ready change); after UNLOAD it stays ejected
 * until the changer takes it.
 */
public final class TapeUnit implements LogicalUnit {
  private final VirtualDrive drive;
  private final String serial;
  private final ByteBuffer scratch = ByteBuffer.allocate(VirtualDrive.MAX_BLOCK);
  private Optional<Barcode> medium = Optional.empty();
  private boolean ejected;

  public TapeUnit(VirtualDrive drive, String serial) {
    this.drive = drive;
    this.serial = serial;
  }

  @Override
  public ScsiResponse execute(byte[] cdb, byte[] dataOut) {
    int op = Bytes.u8(cdb, 0);
    if (op == 0x12) {
      return Inquiry.answer(cdb, 0x01, true, "VTL LTO DRIVE", serial);
    }
    if (op == 0x03) {
      return Inquiry.noSense(cdb);
    }
    try {
      DriveStatus s = drive.status();
      if (!s.volume().equals(medium)) {
        medium = s.volume();
        ejected = false;
        if (medium.isPresent()) {
          return ScsiResponse.check(Sense.of(Sense.UNIT_ATTENTION, 0x28, 0x00));
        }
      }
      return command(op, cdb, dataOut, s);
    } catch (TapeException e) {
      return ScsiResponse.check(sense(e, false));
    }
  }

  private ScsiResponse command(int op, byte[] cdb, byte[] dataOut, DriveStatus s)
      throws TapeException {
    switch (op) {
      case 0x00: // TEST UNIT READY
        ready(s);
        return ScsiResponse.good();
      case 0x01: // REWIND
        ready(s);
        drive.rewind();
        return ScsiResponse.good();
      case 0x05: // READ BLOCK LIMITS
        byte[] limits = new byte[6];
        Bytes.put24(limits, 1, VirtualDrive.MAX_BLOCK);
        Bytes.putShort(limits, 4, 1);
        return ScsiResponse.good(limits);
      case 0x08:
        ready(s);
        return read(cdb);
      case 0x0A:
        ready(s);
        return write(cdb, dataOut);
      case 0x10: // WRITE FILEMARKS(6); none: only flush (nothing is buffered here)
        ready(s);
        if (Bytes.u24(cdb, 2) == 0) {
          return ScsiResponse.good();
        }
        try {
          drive.writeFilemarks(Bytes.u24(cdb, 2));
        } catch (TapeException e) {
          return ScsiResponse.check(sense(e, true));
        }
        return ScsiResponse.good();
      case 0x11:
        ready(s);
        return space(cdb);
      case 0x15: // MODE SELECT(6): variable blocks only
        return modeSelect(cdb, dataOut);
      case 0x16: // RESERVE(6)
      case 0x17: // RELEASE(6)
      case 0x1E: // PREVENT ALLOW MEDIUM REMOVAL
        return ScsiResponse.good();
      case 0x19: // ERASE
        ready(s);
        drive.erase();
        return ScsiResponse.good();
      case 0x1A:
        return modeSense(cdb, s);
      case 0x1B:
        return loadUnload(cdb, s);
      case 0x2B: // LOCATE(10)
        ready(s);
        drive.locate(Bytes.u32(cdb, 3));
        return ScsiResponse.good();
      case 0x34:
        ready(s);
        return readPosition(cdb);
      default:
        return ScsiResponse.check(Sense.invalidOpcode());
    }
  }

  /** Threads a cartridge the changer inserted; NOT READY without one (or after it was ejected). */
  private void ready(DriveStatus s) throws TapeException {
    if (s.volume().isEmpty() || ejected) {
      throw new TapeException.NotReady("no cartridge");
    }
    if (!s.loaded()) {
      drive.load();
    }
  }

  private ScsiResponse read(byte[] cdb) throws TapeException {
    boolean fixed = (cdb[1] & 1) != 0;
    boolean sili = (cdb[1] & 2) != 0;
    int length = Bytes.u24(cdb, 2);
    if (fixed) {
      return ScsiResponse.check(Sense.invalidField());
    }
    if (length == 0) {
      return ScsiResponse.good();
    }
    scratch.clear();
    ReadResult r;
    try {
      r = drive.readBlock(scratch);
    } catch (TapeException e) {
      return ScsiResponse.check(sense(e, false).withInformation(length));
    }
    if (r.filemark()) {
      return ScsiResponse.check(
          Sense.of(Sense.NO_SENSE, 0x00, 0x01).withFilemark().withInformation(length));
    }
    int n = r.length();
    byte[] data = Arrays.copyOf(scratch.array(), Math.min(n, length));
    if (n == length || (n < length && sili)) {
      return ScsiResponse.good(data);
    }
    return ScsiResponse.check(
        Sense.of(Sense.NO_SENSE, 0x00, 0x00).withIli().withInformation(length - n), data);
  }

  private ScsiResponse write(byte[] cdb, byte[] data) throws TapeException {
    if ((cdb[1] & 1) != 0) {
      return ScsiResponse.check(Sense.invalidField());
    }
    int length = Bytes.u24(cdb, 2);
    if (length == 0) {
      return ScsiResponse.good();
    }
    if (data.length != length) {
      return ScsiResponse.check(Sense.illegalRequest(0x26, 0x00));
    }
    try {
      drive.writeBlock(ByteBuffer.wrap(data));
    } catch (TapeException.EarlyWarning e) {
      return ScsiResponse.check(Sense.of(Sense.NO_SENSE, 0x00, 0x02).withEom().withInformation(0));
    } catch (TapeException.EndOfMedium e) {
      return ScsiResponse.check(
          Sense.of(Sense.VOLUME_OVERFLOW, 0x00, 0x02).withEom().withInformation(length));
    } catch (TapeException e) {
      return ScsiResponse.check(sense(e, true).withInformation(length));
    }
    return ScsiResponse.good();
  }

  private ScsiResponse space(byte[] cdb) throws TapeException {
    int code = cdb[1] & 0x07;
    int count = Bytes.s24(cdb, 2);
    switch (code) {
      case 0:
        return spaceBlocks(count);
      case 1:
        return spaceFilemarks(count);
      case 3:
        drive.spaceToEndOfData();
        return ScsiResponse.good();
      default:
        return ScsiResponse.check(Sense.invalidField());
    }
  }

  private static ScsiResponse endOfData(int residue) {
    return ScsiResponse.check(
        Sense.of(Sense.BLANK_CHECK, 0x00, 0x05).withEom().withInformation(residue));
  }

  private static ScsiResponse beginningOfTape(int residue) {
    return ScsiResponse.check(
        Sense.of(Sense.NO_SENSE, 0x00, 0x04).withEom().withInformation(residue));
  }

  private static ScsiResponse filemark(int residue) {
    return ScsiResponse.check(
        Sense.of(Sense.NO_SENSE, 0x00, 0x01).withFilemark().withInformation(residue));
  }

  private ScsiResponse spaceBlocks(int count) throws TapeException {
    long before = drive.position();
    long moved;
    try {
      moved = drive.spaceBlocks(count);
    } catch (TapeException.EndOfData e) {
      return endOfData((int) (count - (drive.position() - before)));
    }
    if (moved == count) {
      return ScsiResponse.good();
    }
    int residue = (int) (count - moved);
    if (count > 0) {
      drive.spaceFilemarks(1); // SSC crosses the filemark it meets
      return filemark(residue);
    }
    if (drive.position() == 0) {
      return beginningOfTape(residue);
    }
    drive.spaceFilemarks(-1);
    return filemark(residue);
  }

  private ScsiResponse spaceFilemarks(int count) throws TapeException {
    int step = count > 0 ? 1 : -1;
    for (int done = 0; done != count; done += step) {
      try {
        drive.spaceFilemarks(step);
      } catch (TapeException.EndOfData e) {
        return endOfData(count - done);
      } catch (TapeException.IllegalRequest e) {
        return beginningOfTape(count - done);
      }
    }
    return ScsiResponse.good();
  }

  private ScsiResponse readPosition(byte[] cdb) throws TapeException {
    int action = cdb[1] & 0x1F;
    if (action != 0 && action != 1) {
      return ScsiResponse.check(Sense.invalidField());
    }
    long position = drive.position();
    byte[] data = new byte[20];
    data[0] = (byte) (position == 0 ? 0x80 : 0);
    Bytes.putInt(data, 4, (int) position);
    Bytes.putInt(data, 8, (int) position);
    return ScsiResponse.good(data);
  }

  private ScsiResponse loadUnload(byte[] cdb, DriveStatus s) throws TapeException {
    boolean load = (cdb[4] & 1) != 0;
    if (load) {
      if (s.volume().isEmpty()) {
        throw new TapeException.NotReady("no cartridge");
      }
      ejected = false;
      if (s.loaded()) {
        drive.rewind();
      } else {
        drive.load();
      }
    } else {
      drive.unload();
      ejected = s.volume().isPresent();
    }
    return ScsiResponse.good();
  }

  private ScsiResponse modeSense(byte[] cdb, DriveStatus s) {
    boolean dbd = (cdb[1] & 0x08) != 0;
    int page = cdb[2] & 0x3F;
    int allocation = Bytes.u8(cdb, 4);
    byte[] pages;
    byte[] compression = new byte[16];
    compression[0] = 0x0F;
    compression[1] = 0x0E;
    byte[] configuration = new byte[16];
    configuration[0] = 0x10;
    configuration[1] = 0x0E;
    byte[] medium = new byte[32]; // Medium Configuration: WORMM says the cartridge is WORM
    medium[0] = 0x1D;
    medium[1] = 0x1E;
    medium[2] = (byte) (s.worm() ? 0x01 : 0);
    switch (page) {
      case 0x00 -> pages = new byte[0];
      case 0x0F -> pages = compression;
      case 0x10 -> pages = configuration;
      case 0x1D -> pages = medium;
      case 0x3F -> {
        pages = Arrays.copyOf(compression, 64);
        System.arraycopy(configuration, 0, pages, 16, 16);
        System.arraycopy(medium, 0, pages, 32, 32);
      }
      default -> {
        return ScsiResponse.check(Sense.invalidField());
      }
    }
    int descriptors = dbd ? 0 : 8;
    byte[] data = new byte[4 + descriptors + pages.length];
    data[0] = (byte) (data.length - 1);
    data[2] = (byte) ((s.writeProtected() ? 0x80 : 0) | 0x10);
    data[3] = (byte) descriptors;
    System.arraycopy(pages, 0, data, 4 + descriptors, pages.length);
    return ScsiResponse.good(data).truncatedTo(allocation);
  }

  private static ScsiResponse modeSelect(byte[] cdb, byte[] data) {
    if (data.length >= 12 && Bytes.u8(data, 3) >= 8 && Bytes.u24(data, 9) != 0) {
      return ScsiResponse.check(Sense.illegalRequest(0x26, 0x00)); // fixed blocks: not supported
    }
    return ScsiResponse.good();
  }

  /** The sense data for a condition; {@code writing}: a write failed (its medium error code). */
  static Sense sense(TapeException e, boolean writing) {
    if (e instanceof TapeException.NotReady) {
      return Sense.of(Sense.NOT_READY, 0x3A, 0x00);
    } else if (e instanceof TapeException.EndOfData || e instanceof TapeException.BlankCheck) {
      return Sense.of(Sense.BLANK_CHECK, 0x00, 0x05); // EOM stays 0: end of data is not of medium
    } else if (e instanceof TapeException.MediumError) {
      return writing
          ? Sense.of(Sense.MEDIUM_ERROR, 0x0C, 0x00)
          : Sense.of(Sense.MEDIUM_ERROR, 0x11, 0x00);
    } else if (e instanceof TapeException.WriteProtected) {
      return Sense.of(Sense.DATA_PROTECT, 0x27, 0x00);
    } else if (e instanceof TapeException.WormOverwrite) {
      return Sense.of(Sense.DATA_PROTECT, 0x30, 0x0C);
    } else if (e instanceof TapeException.CleaningRequired) {
      return Sense.of(Sense.NOT_READY, 0x00, 0x17);
    } else if (e instanceof TapeException.IllegalRequest) {
      return Sense.invalidField();
    } else if (e instanceof TapeException.EndOfMedium) {
      return Sense.of(Sense.VOLUME_OVERFLOW, 0x00, 0x02).withEom();
    }
    return Sense.of(Sense.HARDWARE_ERROR, 0x44, 0x00);
  }
}
