package dev.strata.controlcenter.infrastructure.endpoints;

import dev.strata.pool.TargetKind;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules behind {@link ConfiguredEndpointGuard}, apart from configuration so they can be tested:
 *
 * <ul>
 *   <li>local paths ({@code file:}, {@code vtl:/...}) are written normalised (no {@code .}, {@code
 *       ..} or empty segments) and lie strictly under one of the allowed roots — also after
 *       symbolic links in the part of the path that exists are resolved;
 *   <li>tape device paths ({@code mtx:} and every absolute path among its parameters) match one of
 *       the allowed globs;
 *   <li>remote hosts ({@code vtl://host:port}, an object store's {@code endpoint=} or its default
 *       AWS address) are allowed by name ({@code host}, {@code *.domain} or {@code *}), and none of
 *       the addresses the name resolves to is link-local, multicast, unspecified, a cloud metadata
 *       address, or — for a wildcard entry — loopback, unless the operator listed that very
 *       address.
 * </ul>
 */
final class EndpointRules {
  private static final List<String> METADATA =
      List.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

  private final List<Path> diskRoots;
  private final List<Path> vtlRoots;
  private final List<String> tapeDevices;
  private final List<String> remoteHosts;
  private final HostResolver resolver;

  EndpointRules(
      List<Path> diskRoots,
      List<Path> vtlRoots,
      List<String> tapeDevices,
      List<String> remoteHosts,
      HostResolver resolver) {
    this.diskRoots = List.copyOf(diskRoots);
    this.vtlRoots = List.copyOf(vtlRoots);
    this.tapeDevices = List.copyOf(tapeDevices);
    this.remoteHosts = remoteHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.resolver = resolver;
  }

  /** Why the endpoint is refused, or {@code null} when it is allowed. */
  String refusal(TargetKind kind, URI endpoint) {
    return switch (kind) {
      case DISK -> underRoot(endpoint.getPath(), diskRoots, "strata.endpoints.disk-roots");
      case VTL ->
          endpoint.getHost() != null
              ? host(endpoint.getHost())
              : underRoot(endpoint.getPath(), vtlRoots, "strata.endpoints.vtl-roots");
      case TAPE_LIBRARY -> tapeDevices(endpoint);
      case OBJECT_STORE -> host(objectStoreHost(endpoint));
    };
  }

  private String underRoot(String rawPath, List<Path> roots, String setting) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return "the endpoint must name an absolute path";
    }
    String trimmed =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    Path path = Path.of(trimmed);
    if (!path.normalize().toString().equals(trimmed)) {
      return "the path '" + rawPath + "' is not normalised (no '.', '..' or empty segments)";
    }
    for (Path root : roots) {
      if (path.startsWith(root) && !path.equals(root)) {
        return realPathStaysUnder(path, root, setting);
      }
    }
    return "the path "
        + trimmed
        + " is not under a directory the operator allowed ("
        + setting
        + " = "
        + roots
        + ")";
  }

  /** Symbolic links in the existing part of the path must not lead out of the root. */
  private static String realPathStaysUnder(Path path, Path root, String setting) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.startsWith(root)) {
      return null; // nothing of it exists below the root yet
    }
    try {
      Path realRoot = root.toRealPath();
      Path real = existing.toRealPath();
      if (!real.startsWith(realRoot) || real.equals(realRoot) && !existing.equals(root)) {
        return "the path "
            + path
            + " leads through a symbolic link to "
            + real
            + ", outside the directory the operator allowed ("
            + setting
            + ")";
      }
      return null;
    } catch (IOException e) {
      return "cannot check where " + path + " leads: " + e.getMessage();
    }
  }

  private String tapeDevices(URI endpoint) {
    List<String> paths = new ArrayList<>();
    paths.add(endpoint.getPath());
    String query = endpoint.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String value =
            URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
        for (String v : value.split(",")) {
          if (v.startsWith("/")) {
            paths.add(v);
          }
        }
      }
    }
    for (String p : paths) {
      if (p == null || !Path.of(p).normalize().toString().equals(p)) {
        return "the device path '" + p + "' is not normalised";
      }
      if (tapeDevices.stream().noneMatch(glob -> matcher(glob).matches(Path.of(p)))) {
        return "the device "
            + p
            + " is not one the operator allowed (strata.endpoints.tape-devices = "
            + tapeDevices
            + ")";
      }
    }
    return null;
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  /** The host an {@code s3://bucket/prefix?endpoint=URL} endpoint talks to. */
  private static String objectStoreHost(URI endpoint) {
    String query = endpoint.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("endpoint=")) {
          URI server =
              URI.create(
                  URLDecoder.decode(pair.substring("endpoint=".length()), StandardCharsets.UTF_8));
          return server.getHost();
        }
      }
    }
    return "s3.amazonaws.com";
  }

  private String host(String host) {
    if (host == null || host.isEmpty()) {
      return "the endpoint names no host";
    }
    String h = host.toLowerCase(Locale.ROOT);
    String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    String entry =
        remoteHosts.stream().filter(e -> nameMatches(e, h, bare)).findFirst().orElse(null);
    if (entry == null) {
      return "the host "
          + host
          + " is not one the operator allowed (strata.endpoints.remote-hosts = "
          + remoteHosts
          + ")";
    }
    boolean wildcard = entry.startsWith("*");
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      return "the host " + host + " cannot be resolved";
    }
    for (InetAddress a : addresses) {
      boolean special =
          a.isLinkLocalAddress()
              || a.isAnyLocalAddress()
              || a.isMulticastAddress()
              || METADATA.contains(a.getHostAddress())
              || (wildcard && a.isLoopbackAddress());
      if (special && !listedLiterally(a)) {
        return "the host "
            + host
            + " resolves to "
            + a.getHostAddress()
            + ", an address the control center does not reach unless the operator lists it in"
            + " strata.endpoints.remote-hosts";
      }
    }
    return null;
  }

  private static boolean nameMatches(String entry, String host, String bare) {
    if (entry.equals("*")) {
      return true;
    }
    if (entry.startsWith("*.")) {
      return bare.endsWith(entry.substring(1));
    }
    String e =
        entry.startsWith("[") && entry.endsWith("]")
            ? entry.substring(1, entry.length() - 1)
            : entry;
    return e.equals(bare) || entry.equals(host);
  }

  private boolean listedLiterally(InetAddress a) {
    String text = a.getHostAddress();
    for (String e : remoteHosts) {
      String bare = e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e;
      if (bare.equals(text)) {
        return true;
      }
      if (a instanceof Inet6Address && bare.contains(":")) {
        try {
          if (InetAddress.getByName(bare).equals(a)) { // an IPv6 literal: no lookup
            return true;
          }
        } catch (UnknownHostException ignored) {
          // not a literal
        }
      }
    }
    return false;
  }
}
