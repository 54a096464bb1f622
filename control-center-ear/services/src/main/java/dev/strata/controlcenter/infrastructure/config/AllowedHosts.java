package dev.strata.controlcenter.infrastructure.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The names under which this control center may be addressed: the {@code Host} of every request and
 * the {@code Origin} of every browser request must be one of them. Entries are host names or
 * addresses, optionally with a port ({@code backup.example.com}, {@code 10.0.0.5:8080}, {@code
 * [::1]}); an entry without a port matches any port.
 */
public final class AllowedHosts {
  /** Loopback under every name a local client uses. */
  public static final String LOOPBACK = "localhost,127.0.0.1,[::1]";

  private record Entry(String host, OptionalInt port) {}

  private final List<Entry> entries;

  private AllowedHosts(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Parses a comma-separated list; blanks are ignored, a malformed entry is refused. */
  public static AllowedHosts parse(String list) {
    List<Entry> out = new ArrayList<>();
    for (String raw : list.split(",")) {
      String e = raw.strip();
      if (e.isEmpty()) {
        continue;
      }
      Entry entry = entry(e);
      if (entry == null) {
        throw new IllegalArgumentException(
            "strata.http.allowed-hosts: '" + e + "' is not a host name or host:port");
      }
      out.add(entry);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("strata.http.allowed-hosts names no host");
    }
    return new AllowedHosts(out);
  }

  /** Whether a request's {@code Host} header names this server. */
  public boolean permits(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    Entry asked = entry(hostHeader.strip());
    return asked != null && matches(asked);
  }

  /** Whether a browser's {@code Origin} header is this server itself. */
  public boolean permitsOrigin(String origin, boolean secure) {
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (URISyntaxException e) {
      return false;
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || (uri.getPath() != null && !uri.getPath().isEmpty())) {
      return false; // includes "null", the origin of sandboxed and file pages
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals(secure ? "https" : "http")) {
      return false;
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
    return matches(new Entry(uri.getHost().toLowerCase(Locale.ROOT), OptionalInt.of(port)));
  }

  /** Same host, and the same port when the entry names one (a request without a port has none). */
  private boolean matches(Entry asked) {
    return entries.stream()
        .anyMatch(
            e -> e.host.equals(asked.host) && (e.port.isEmpty() || e.port.equals(asked.port)));
  }

  /** host[:port] as a Host header or list entry writes it; null when malformed. */
  private static Entry entry(String text) {
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = text.substring(0, close + 1);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return null;
        }
        port = rest.substring(1);
      }
    } else {
      int colon = text.indexOf(':');
      if (colon >= 0) {
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      } else {
        host = text;
      }
    }
    if (host.isEmpty() || !host.matches("\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+")) {
      return null;
    }
    OptionalInt p = OptionalInt.empty();
    if (port != null) {
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
        return null;
      }
      p = OptionalInt.of(Integer.parseInt(port));
    }
    return new Entry(host.toLowerCase(Locale.ROOT), p);
  }
}
