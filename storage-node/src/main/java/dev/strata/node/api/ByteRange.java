package dev.strata.node.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14): {@code bytes=a-b}, {@code
 * bytes=a-} or {@code bytes=-n}. Several ranges, or another unit, are not served as ranges: the
 * whole pack is sent instead, which the RFC allows.
 */
record ByteRange(long offset, long length) {
  private static final Pattern ONE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Whether the range lies outside a pack of {@code size} bytes (answer 416). */
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  /** The range {@code header} asks of {@code size} bytes; empty for "send it all". */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = ONE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (m.group(1).isEmpty()) {
        long n = Long.parseLong(m.group(2));
        if (n == 0 || size == 0) {
          return Optional.of(UNSATISFIABLE);
        }
        long take = Math.min(n, size);
        return Optional.of(new ByteRange(size - take, take));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
      if (first >= size) {
        return Optional.of(UNSATISFIABLE);
      }
      if (last < first) {
        return Optional.empty();
      }
      last = Math.min(last, size - 1);
      return Optional.of(new ByteRange(first, last - first + 1));
    } catch (NumberFormatException e) {
      return Optional.empty(); // absurdly long numbers: ignore the header
    }
  }
}
