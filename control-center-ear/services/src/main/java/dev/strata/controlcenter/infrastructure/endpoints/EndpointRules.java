package dev.strata.controlcenter.infrastructure.endpoints;

import dev.strata.disk.S3Location;
import dev.strata.pool.TargetKind;
import dev.strata.tape.mtx.MtxProvider;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
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
      case OBJECT_STORE -> objectStore(endpoint);
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
    String problem = localPathProblem(trimmed);
    if (problem != null) {
      return "the path " + problem;
    }
    Path path = Path.of(trimmed);
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

  /**
   * The device nodes as the mtx driver itself reads them from the location (it decodes, splits and
   * strips the drive list), so that the nodes checked are exactly the nodes it opens.
   */
  private String tapeDevices(URI endpoint) {
    List<String> paths;
    try {
      paths = MtxProvider.devicePaths(endpoint);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    for (String p : paths) {
      String problem = localPathProblem(p);
      if (problem != null) {
        return "the device path " + problem;
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

  /**
   * Why {@code p} is no absolute, normalised local path (no {@code .}, {@code ..} or empty
   * segments, no control characters such as NUL or a line break), or {@code null}.
   */
  private static String localPathProblem(String p) {
    if (p == null || !p.startsWith("/")) {
      return "'" + p + "' is not absolute";
    }
    if (p.chars().anyMatch(Character::isISOControl)) {
      return "'" + p.replaceAll("\\p{Cntrl}", "?") + "' contains a control character";
    }
    try {
      if (!Path.of(p).normalize().toString().equals(p)) {
        return "'" + p + "' is not normalised (no '.', '..' or empty segments)";
      }
    } catch (InvalidPathException e) {
      return "'" + p + "' is not a valid path: " + e.getReason();
    }
    return null;
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  /**
   * The server an {@code s3://bucket/prefix?endpoint=URL} location talks to, as the S3 store itself
   * parses the location (so a second {@code endpoint=} or an encoded parameter name cannot show the
   * rules one server and the store another).
   */
  private String objectStore(URI endpoint) {
    S3Location location;
    try {
      location = S3Location.parse(endpoint);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return host(location.endpoint().map(URI::getHost).orElse("s3.amazonaws.com"));
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
      if (special(a, wildcard) && !listedLiterally(a)) {
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

  /**
   * Link-local, unspecified, multicast, a metadata address or (for a wildcard entry) loopback —
   * also when carried inside an IPv6 address that the network may translate to IPv4
   * (IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code
   * 2002:aabb:ccdd::}).
   */
  private static boolean special(InetAddress a, boolean wildcard) {
    if (a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()
        || METADATA.contains(a.getHostAddress())
        || (wildcard && a.isLoopbackAddress())) {
      return true;
    }
    InetAddress v4 = embeddedIpv4(a);
    return v4 != null && special(v4, wildcard);
  }

  private static InetAddress embeddedIpv4(InetAddress a) {
    if (!(a instanceof Inet6Address)) {
      return null;
    }
    byte[] b = a.getAddress();
    boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
    boolean nat64 =
        b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12);
    boolean compatible = zero(b, 0, 12);
    if (!sixToFour && !nat64 && !compatible) {
      return null;
    }
    int from = sixToFour ? 2 : 12;
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
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
