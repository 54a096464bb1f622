import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the deterministic benchmark tree (same bytes every run for the same seed and size): about
 * 30 % random (incompressible) data in a few large files, 30 % compressible text, 20 % duplicates
 * (whole-file copies and repeated regions inside a file), 10 % many small files in nested
 * directories, and one large file that mixes all of it. Usage: java GenTree.java DIR [MiB]
 */
public class GenTree {
  static final String[] WORDS =
      ("backup restore tape library cartridge drive slot barcode policy copy verify pack chunk "
              + "snapshot catalog storage node center cluster replica archive volume label index "
              + "the of and to in is for on with as by at from this that be are or an it not")
          .split(" ");

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    long mib = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    long total = mib << 20;
    SplittableRandom seed = new SplittableRandom(20261125);
    Files.createDirectories(root);
    // Random data: large files.
    long random = total * 30 / 100;
    int bigFiles = 3;
    for (int i = 0; i < bigFiles; i++) {
      random(root.resolve("random/big-" + i + ".bin"), random / bigFiles, seed.split());
    }
    // Compressible text: medium files.
    long text = total * 30 / 100;
    int textFiles = 30;
    for (int i = 0; i < textFiles; i++) {
      text(root.resolve("text/dir" + (i % 5) + "/doc-" + i + ".txt"), text / textFiles, seed.split());
    }
    // Duplicates: copies of some random and text files under other names.
    Files.createDirectories(root.resolve("copies"));
    Files.copy(root.resolve("random/big-0.bin"), root.resolve("copies/big-0-copy.bin"));
    for (int i = 0; i < 6; i++) {
      Path from = root.resolve("text/dir" + (i % 5) + "/doc-" + i + ".txt");
      Files.copy(from, root.resolve("copies/doc-" + i + "-copy.txt"));
    }
    // Many small files.
    long small = total * 10 / 100;
    SplittableRandom r = seed.split();
    long written = 0;
    for (int i = 0; written < small; i++) {
      int size = 512 + r.nextInt(8192);
      Path p = root.resolve("small/a" + (i % 16) + "/b" + (i / 16 % 32) + "/f" + i + (i % 3 == 0 ? ".txt" : ".dat"));
      if (i % 3 == 0) {
        text(p, size, r.split());
      } else {
        random(p, size, r.split());
      }
      written += size;
    }
    // One large file mixing random regions, text and repeats of itself.
    Path mixed = root.resolve("mixed/large.img");
    Files.createDirectories(mixed.getParent());
    long mixedSize = total - random - text - small - (random / bigFiles) - text / textFiles * 6;
    SplittableRandom m = seed.split();
    byte[] region = new byte[4 << 20];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mixed), 1 << 20)) {
      long done = 0;
      byte[] repeat = null;
      while (done < mixedSize) {
        int kind = m.nextInt(3);
        if (kind == 0 || repeat == null) {
          m.nextBytes(region);
          repeat = region.clone();
          out.write(region);
        } else if (kind == 1) {
          out.write(repeat);
        } else {
          out.write(textBytes(region.length, m));
        }
        done += region.length;
      }
    }
  }

  static void random(Path p, long size, SplittableRandom r) throws IOException {
    Files.createDirectories(p.getParent());
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(p)) {
      for (long left = size; left > 0; left -= buf.length) {
        r.nextBytes(buf);
        out.write(buf, 0, (int) Math.min(buf.length, left));
      }
    }
  }

  static void text(Path p, long size, SplittableRandom r) throws IOException {
    Files.createDirectories(p.getParent());
    try (OutputStream out = Files.newOutputStream(p)) {
      for (long left = size; left > 0; ) {
        byte[] b = textBytes((int) Math.min(1 << 20, left), r);
        out.write(b);
        left -= b.length;
      }
    }
  }

  static byte[] textBytes(int n, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(n + 32);
    while (sb.length() < n) {
      sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(12) == 0 ? ".\n" : " ");
      if (r.nextInt(40) == 0) {
        sb.append(r.nextInt(1_000_000)).append(' ');
      }
    }
    sb.setLength(n);
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
