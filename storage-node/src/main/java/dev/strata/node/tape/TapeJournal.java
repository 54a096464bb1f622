package dev.strata.node.tape;

import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The node's record of the pack pieces it wrote to tape and whose tape was flushed: an append-only
 * text file, one line per piece, forced to disk before anything is reported. A line cut by a crash
 * (no final newline) was never reported and is ignored (and overwritten by the next append).
 * Thread-safe.
 */
public final class TapeJournal {
  private final Path file;
  private final List<TapeCopy> copies = new ArrayList<>();
  private final FileChannel channel;

  private TapeJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  public static TapeJournal open(Path file) throws IOException {
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    TapeJournal j = new TapeJournal(file, ch);
    byte[] all = Files.readAllBytes(file);
    int complete = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        String line = new String(all, complete, i - complete, StandardCharsets.UTF_8);
        if (!line.isBlank()) {
          j.copies.add(TapeCopy.decode(line));
        }
        complete = i + 1;
      }
    }
    ch.truncate(complete);
    ch.position(complete);
    return j;
  }

  /** Records pieces whose tape was flushed; returns once they are on disk. */
  public synchronized void append(List<TapeCopy> pieces) throws IOException {
    if (pieces.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (TapeCopy c : pieces) {
      sb.append(c.encode()).append('\n');
    }
    ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      channel.write(b);
    }
    channel.force(false);
    copies.addAll(pieces);
  }

  /** The pieces of {@code pack} in {@code pool} (any pool if null), in pack order. */
  public synchronized List<TapeCopy> pieces(TenantId tenant, PackId pack, String pool) {
    return copies.stream()
        .filter(c -> c.tenant().equals(tenant) && c.pack().equals(pack))
        .filter(c -> pool == null || c.pool().equals(pool))
        .sorted(Comparator.comparingLong(TapeCopy::offset))
        .toList();
  }

  /**
   * How much of {@code pack} from its start the pieces in {@code pool} cover, so an interrupted
   * span resumes where its last flushed piece ended; the pack's length when a whole copy exists.
   */
  public synchronized long covered(TenantId tenant, PackId pack, String pool) {
    long end = 0;
    for (TapeCopy c : pieces(tenant, pack, pool)) {
      if (c.offset() <= end) {
        end = Math.max(end, c.offset() + c.length());
      }
    }
    return end;
  }

  /** One whole copy of the pack in the pool: pieces from offset 0 to its end, without gaps. */
  public synchronized List<TapeCopy> wholeCopy(TenantId tenant, PackId pack, String pool) {
    List<TapeCopy> out = new ArrayList<>();
    long end = 0;
    long length = -1;
    for (TapeCopy c : pieces(tenant, pack, pool)) {
      length = c.packLength();
      if (c.offset() == end) {
        out.add(c);
        end += c.length();
      }
    }
    return length >= 0 && end == length ? out : List.of();
  }

  /** A journalled piece with its position in the journal (a cursor for readers). */
  public record Entry(long sequence, TapeCopy copy) {}

  /**
   * Up to {@code limit} pieces of {@code tenant} journalled after sequence number {@code after} (-1
   * for the first page), in the order they were flushed to tape.
   */
  public synchronized List<Entry> since(TenantId tenant, long after, int limit) {
    List<Entry> out = new ArrayList<>();
    for (int i = (int) Math.max(0, after + 1); i < copies.size() && out.size() < limit; i++) {
      if (copies.get(i).tenant().equals(tenant)) {
        out.add(new Entry(i, copies.get(i)));
      }
    }
    return out;
  }

  public synchronized List<TapeCopy> all() {
    return List.copyOf(copies);
  }

  Path file() {
    return file;
  }
}
