package dev.strata.format.repo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Converts between file names as Linux has them — any bytes but NUL and {@code /} — and the strings
 * that carry them in memory (a tree entry's path and link target).
 *
 * <p>A name that is valid UTF-8 becomes the string it encodes. Every byte that is not part of valid
 * UTF-8 becomes the lone surrogate {@code U+DC00 + byte} (bytes {@code 0x80}–{@code 0xFF}, so
 * {@code U+DC80}–{@code U+DCFF}), the convention Python calls "surrogateescape" (PEP 383). Valid
 * UTF-8 never yields a lone surrogate, so the mapping is one to one: {@code encode(decode(b))} is
 * {@code b} for every byte string, and two different names never become the same string. Java's own
 * file names map such bytes to U+FFFD, which is why two of them used to collide.
 *
 * <p>Strict UTF-8: overlong forms, encoded surrogates and code points above U+10FFFF are not valid,
 * so their bytes are escaped one by one.
 */
public final class PathBytes {
  private static final int ESCAPE = 0xDC00;

  private PathBytes() {}

  /** The string for these bytes; each byte that is not part of valid UTF-8 is escaped. */
  public static String decode(byte[] b) {
    return decode(b, 0, b.length);
  }

  public static String decode(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end && b[i] >= 0) {
      i++;
    }
    if (i == end) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1); // all ASCII
    }
    StringBuilder s = new StringBuilder(len);
    for (int j = off; j < i; j++) {
      s.append((char) b[j]);
    }
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        s.append((char) c);
        i++;
        continue;
      }
      int n = sequenceLength(b, i, end);
      if (n == 0) {
        s.append((char) (ESCAPE + c));
        i++;
        continue;
      }
      int cp =
          switch (n) {
            case 2 -> ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
            case 3 -> ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
            default ->
                ((c & 0x07) << 18)
                    | ((b[i + 1] & 0x3f) << 12)
                    | ((b[i + 2] & 0x3f) << 6)
                    | (b[i + 3] & 0x3f);
          };
      s.appendCodePoint(cp);
      i += n;
    }
    return s.toString();
  }

  /** Length of the valid UTF-8 sequence of 2 to 4 bytes starting at {@code i}, or 0. */
  private static int sequenceLength(byte[] b, int i, int end) {
    int c = b[i] & 0xff;
    int n;
    int min;
    int max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      // E0 needs A0.. (no overlong forms); ED stops at 9F (no surrogates).
      min = c == 0xe0 ? 0xa0 : 0x80;
      max = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      // F0 needs 90.. (no overlong forms); F4 stops at 8F (nothing above U+10FFFF).
      min = c == 0xf0 ? 0x90 : 0x80;
      max = c == 0xf4 ? 0x8f : 0xbf;
    } else {
      return 0;
    }
    if (i + n > end) {
      return 0;
    }
    int second = b[i + 1] & 0xff;
    if (second < min || second > max) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      int x = b[i + k] & 0xff;
      if (x < 0x80 || x > 0xbf) {
        return 0;
      }
    }
    return n;
  }

  /** The bytes this string stands for: the inverse of {@link #decode}. */
  public static byte[] encode(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 0x80) {
      i++;
    }
    if (i == n) {
      return s.getBytes(StandardCharsets.ISO_8859_1); // all ASCII
    }
    byte[] out = new byte[n * 3];
    int o = 0;
    for (int j = 0; j < i; j++) {
      out[o++] = (byte) s.charAt(j);
    }
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
        i++;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xc0 | (c >> 6));
        out[o++] = (byte) (0x80 | (c & 0x3f));
        i++;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(i + 1));
        out[o++] = (byte) (0xf0 | (cp >> 18));
        out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        out[o++] = (byte) (0x80 | (cp & 0x3f));
        i += 2;
      } else if (c >= ESCAPE + 0x80 && c <= ESCAPE + 0xff) {
        out[o++] = (byte) (c - ESCAPE);
        i++;
      } else if (Character.isSurrogate(c)) {
        // Not produced by decode; encoded as '?' as the JDK would, never as invalid UTF-8.
        out[o++] = '?';
        i++;
      } else {
        out[o++] = (byte) (0xe0 | (c >> 12));
        out[o++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[o++] = (byte) (0x80 | (c & 0x3f));
        i++;
      }
    }
    return Arrays.copyOf(out, o);
  }

  /** Whether the string holds an escaped byte, i.e. its bytes are not valid UTF-8. */
  public static boolean hasEscapes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= ESCAPE + 0x80 && c <= ESCAPE + 0xff) {
        if (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The string for people to read: escaped bytes as {@code \xNN} (a backslash itself stays as it
   * is, so the form is for display, not for parsing back).
   */
  public static String display(String s) {
    if (!hasEscapes(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      if (c >= ESCAPE + 0x80 && c <= ESCAPE + 0xff && !paired) {
        out.append(String.format("\\x%02x", c - ESCAPE));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
