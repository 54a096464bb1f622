package dev.strata.agent.center;

import dev.strata.agent.repo.CopyFailover;
import dev.strata.agent.repo.RepositoryException;
import dev.strata.disk.Capability;
import dev.strata.disk.Capacity;
import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.disk.PackPage;
import dev.strata.disk.PackStore;
import dev.strata.disk.Sha256;
import dev.strata.disk.StoreException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.commons.io.function.IOSupplier;

/**
 * A tenant's repository kept by the control center (decision 0032): the small objects (config,
 * keys, snapshots, ledger, locks) through the center's repository API, the packs ({@code data/...})
 * beside it, on the storage nodes the center names, with the grants it issues. The repository
 * format above does not change.
 *
 * <p>Writes of packs need a backup session ({@link #useSession}); each pack is uploaded to the
 * session's node, which makes it durable and checks its signature before it answers, and is then
 * reported to the center, which asks the node before it records the copy.
 *
 * <p>Reads ask the center where each pack can be read ({@link Sources}), a thousand packs a call,
 * and fail over to the pack's next copy when a node cannot be reached, answers an error, or serves
 * bytes that do not authenticate ({@link CopyFailover}); each failover is reported through {@code
 * onFailover}.
 */
public final class CenterPackStore implements PackStore, CopyFailover {
  static final String DATA = "data/";

  /** How many packs one call for read sources asks about. */
  private static final int SOURCES_BATCH = 1000;

  /** At most this many copies of one pack are tried. */
  private static final int MAX_COPIES = 8;

  /**
   * Small range reads (blobs, indexes) are served from aligned windows of a pack read in one
   * request: a restore reads a pack's blobs in order, and one request per blob would pay a round
   * trip each. A few windows are kept (the agent's heap is small).
   */
  static final int WINDOW = 2 << 20;

  private static final int WINDOWS_KEPT = 8;

  private final Map<String, byte[]> windows =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
              return size() > WINDOWS_KEPT;
            }
          });

  /** A copy of a pack that can be read now. */
  public record Source(String pack, String target, URI node, String grant) {}

  /** A copy that failed, for the center to hand out the next one. */
  public record Failure(String pack, String target, boolean corrupt, String reason) {}

  /** Where packs can be read: the repository's read sources, or a restore's. */
  public interface Sources {
    List<Source> find(Collection<String> packs, List<Failure> failed)
        throws IOException, RepositoryException;
  }

  /** A backup session: the node packs go to and the grant that lets them in. */
  public record Session(String id, URI node, String grant, Instant expiresAt) {}

  private final CenterClient center;
  private final String tenant;
  private final String base;
  private volatile Sources sources;
  private volatile Session session;
  private volatile boolean throughCenter;
  private volatile Optional<Set<String>> onlyPacks = Optional.empty();
  private volatile Consumer<String> onFailover = m -> {};
  private final Map<String, Source> resolved = new ConcurrentHashMap<>();
  private final Map<String, Long> lengths = new ConcurrentHashMap<>();
  private final Map<String, Integer> tried = new ConcurrentHashMap<>();
  private final Set<String> unresolved = ConcurrentHashMap.newKeySet();

  public CenterPackStore(CenterClient center, String tenant) {
    this.center = center;
    this.tenant = tenant;
    this.base = "tenants/" + CenterClient.encode(tenant) + "/repository/";
    this.sources = this::readSources;
  }

  public String tenant() {
    return tenant;
  }

  public CenterClient center() {
    return center;
  }

  public void useSession(Session s) {
    this.session = s;
  }

  /**
   * Sends packs through the control center, which streams each to the session's node (the route for
   * an agent that cannot reach the node; slower than the direct one).
   */
  public void sendThroughCenter(boolean through) {
    this.throughCenter = through;
  }

  /** Reads through a restore's sources (which recall and fail over for it). */
  public void useSources(Sources s) {
    this.sources = s;
    resolved.clear();
  }

  /** Lists only these packs (a restore reads the packs of its snapshot, nothing else). */
  public void restrictTo(Set<String> packs) {
    this.onlyPacks = Optional.of(Set.copyOf(packs));
  }

  public void onFailover(Consumer<String> c) {
    this.onFailover = c;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.RANGE_READS);
  }

  private static boolean isPack(PackName name) {
    return name.value().startsWith(DATA);
  }

  private static String hex(PackName name) {
    return name.value().substring(DATA.length());
  }

  // ---- writes

  @Override
  public PackInfo put(PackName name, IOSupplier<InputStream> content, long length, Sha256 sha256)
      throws IOException {
    if (isPack(name)) {
      return putPack(name, content, length);
    }
    byte[] bytes;
    try (InputStream in = content.get()) {
      bytes = CenterClient.readAll(in, Integer.MAX_VALUE - 16);
    }
    if (bytes.length != length || !Sha256.digest(bytes).equals(sha256)) {
      throw new StoreException.ContentMismatch(name, "length or SHA-256 differ from announced");
    }
    HttpResponse<String> r =
        center.send(
            center
                .request(base + "objects/" + objectPath(name))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    if (r.statusCode() == 409) {
      throw new StoreException.Refused(
          "the control center already holds other bytes under " + name + ": " + r.body());
    }
    expect(r, 200, 201);
    return new PackInfo(name, length, Instant.now(), Optional.empty());
  }

  private PackInfo putPack(PackName name, IOSupplier<InputStream> content, long length)
      throws IOException {
    Session s = session;
    if (s == null) {
      throw new StoreException.Refused(
          "packs are written in a backup session of the control center; none is open");
    }
    String pack = hex(name);
    boolean via = throughCenter;
    URI to =
        via
            ? center.api().resolve("sessions/" + CenterClient.encode(s.id()) + "/packs/" + pack)
            : s.node().resolve("v1/tenants/" + CenterClient.encode(tenant) + "/packs/" + pack);
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      HttpRequest.Builder b =
          (via
                  ? center.request("sessions/" + CenterClient.encode(s.id()) + "/packs/" + pack)
                  : HttpRequest.newBuilder(to).header("Authorization", "Bearer " + s.grant()))
              .timeout(Duration.ofMinutes(30))
              .header("Content-Type", "application/octet-stream")
              .PUT(
                  HttpRequest.BodyPublishers.fromPublisher(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> {
                            try {
                              return content.get();
                            } catch (IOException e) {
                              throw new UncheckedIOException(e);
                            }
                          }),
                      length));
      HttpResponse<String> r;
      try {
        r = center.send(b);
      } catch (IOException e) {
        last = new IOException("uploading pack " + pack + " to " + s.node() + ": " + e, e);
        continue;
      }
      if (r.statusCode() >= 500) {
        last =
            new IOException(CenterClient.failure("PUT", to, r.statusCode(), r.body()).getMessage());
        continue;
      }
      if (r.statusCode() != 200 && r.statusCode() != 201) {
        throw new StoreException.Refused(
            CenterClient.failure("PUT", to, r.statusCode(), r.body()).getMessage());
      }
      if (!via) {
        report(s, pack, length); // through the center, the center recorded it
      }
      lengths.put(pack, length);
      return new PackInfo(name, length, Instant.now(), Optional.empty());
    }
    throw last;
  }

  /** Tells the center the node holds the pack; it asks the node before it records the copy. */
  private void report(Session s, String pack, long length) throws IOException {
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "packs",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("pack", pack).add("length", length)))
            .build();
    try {
      JsonObject r =
          center.postForObject("sessions/" + CenterClient.encode(s.id()) + "/packs", body, 200);
      if (r.getInt("recorded", 0) != 1) {
        throw new IOException(
            "the control center did not record pack " + pack + ": its node does not hold it");
      }
    } catch (RepositoryException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void delete(PackName name) throws IOException {
    if (isPack(name)) {
      throw new StoreException.Refused(
          "packs are deleted by the control center's retention, never by an agent");
    }
    HttpResponse<String> r = center.send(objectRequest(name).DELETE());
    if (r.statusCode() == 404) {
      return;
    }
    expect(r, 204, 200);
  }

  @Override
  public void retain(PackName name, Instant until) throws IOException {
    throw new StoreException.Unsupported(Capability.RETENTION);
  }

  @Override
  public Capacity capacity() {
    return new Capacity(-1, -1);
  }

  // ---- reads

  @Override
  public InputStream get(PackName name) throws IOException {
    if (!isPack(name)) {
      HttpResponse<InputStream> r =
          center.send(objectRequest(name).GET(), HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() == 404) {
        r.body().close();
        throw new StoreException.NoSuchPack(name);
      }
      if (r.statusCode() != 200) {
        String body;
        try (InputStream in = r.body()) {
          body = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IOException(
            CenterClient.failure("GET", r.request().uri(), r.statusCode(), body).getMessage());
      }
      return r.body();
    }
    return readPack(name, 0, -1);
  }

  @Override
  public InputStream get(PackName name, long offset, long length) throws IOException {
    if (!isPack(name)) {
      InputStream in = get(name);
      in.skipNBytes(offset);
      return new ByteArrayInputStream(in.readNBytes((int) Math.min(length, Integer.MAX_VALUE)));
    }
    long start = offset / WINDOW * WINDOW;
    if (length <= 0 || offset + length > start + WINDOW) {
      return readPack(name, offset, length);
    }
    String key = hex(name) + ":" + start;
    byte[] window = windows.get(key);
    if (window == null) {
      try (InputStream in = readPack(name, start, WINDOW)) {
        window = in.readAllBytes();
      }
      windows.put(key, window);
    }
    int from = (int) (offset - start);
    int n = (int) Math.max(0, Math.min(length, window.length - from));
    return new ByteArrayInputStream(window, Math.min(from, window.length), n);
  }

  /**
   * Reads a range (buffered, so that a copy failing half-way is replaced by the next one without
   * the caller seeing it) or, with {@code length} -1, the whole pack as a stream.
   */
  private InputStream readPack(PackName name, long offset, long length) throws IOException {
    String pack = hex(name);
    List<Failure> failed = new ArrayList<>();
    IOException last = null;
    for (int attempt = 0; attempt < MAX_COPIES; attempt++) {
      Source s = source(pack, failed);
      if (s == null) {
        break;
      }
      URI from = s.node().resolve("v1/tenants/" + CenterClient.encode(tenant) + "/packs/" + pack);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(from)
              .timeout(Duration.ofMinutes(30))
              .header("Authorization", "Bearer " + s.grant())
              .GET();
      if (length >= 0) {
        b.header("Range", "bytes=" + offset + "-" + (offset + Math.max(length, 1) - 1));
      }
      try {
        HttpResponse<InputStream> r = center.send(b, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 200 || r.statusCode() == 206) {
          if (length < 0) {
            return r.body();
          }
          try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
            long promised = r.statusCode() == 206 ? rangeLength(r) : bytes.length;
            if (bytes.length < promised) {
              throw new IOException("the copy ended early: " + bytes.length + " of " + promised);
            }
            return new ByteArrayInputStream(bytes);
          }
        }
        String body;
        try (InputStream in = r.body()) {
          body = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (r.statusCode() == 416) {
          return new ByteArrayInputStream(new byte[0]);
        }
        last =
            new IOException(CenterClient.failure("GET", from, r.statusCode(), body).getMessage());
      } catch (IOException e) {
        last = new IOException("reading it from " + s.node() + ": " + e.getMessage(), e);
      }
      failed.add(new Failure(pack, s.target(), false, last.getMessage()));
      resolved.remove(pack);
      onFailover.accept(
          "copy of pack "
              + shortHex(pack)
              + " on "
              + s.target()
              + " failed ("
              + last.getMessage()
              + "); asking for the next copy");
    }
    if (last != null) {
      throw new IOException(
          "no copy of pack " + pack + " can be read now; the last one failed: " + last.getMessage(),
          last);
    }
    throw new StoreException.NoSuchPack(name);
  }

  /** The length a 206 answer's Content-Range promises (the range asked may pass the pack's end). */
  private static long rangeLength(HttpResponse<?> r) throws IOException {
    String range = r.headers().firstValue("Content-Range").orElse("");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("bytes (\\d+)-(\\d+)/\\d+").matcher(range);
    if (!m.matches()) {
      throw new IOException("a partial answer without a usable Content-Range: '" + range + "'");
    }
    return Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1;
  }

  @Override
  public boolean nextCopy(PackName name, String reason) {
    if (!isPack(name)) {
      return false;
    }
    String pack = hex(name);
    synchronized (windows) {
      windows.keySet().removeIf(k -> k.startsWith(pack + ":"));
    }
    Source s = resolved.remove(pack);
    if (s == null || tried.merge(pack, 1, Integer::sum) > MAX_COPIES) {
      return false;
    }
    try {
      Source next = source(pack, List.of(new Failure(pack, s.target(), true, reason)));
      if (next == null) {
        return false;
      }
      onFailover.accept(
          "copy of pack "
              + shortHex(pack)
              + " on "
              + s.target()
              + " is damaged ("
              + reason
              + "); reading the copy on "
              + next.target());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String shortHex(String pack) {
    return pack.substring(0, Math.min(8, pack.length()));
  }

  /** The pack's source, asking for it (and for others not yet asked about) when unknown. */
  private Source source(String pack, List<Failure> failed) throws IOException {
    if (failed.isEmpty()) {
      Source s = resolved.get(pack);
      if (s != null) {
        return s;
      }
    }
    Set<String> ask = new LinkedHashSet<>();
    ask.add(pack);
    if (failed.isEmpty()) {
      for (String p : unresolved) {
        if (ask.size() >= SOURCES_BATCH) {
          break;
        }
        ask.add(p);
      }
    }
    List<Source> found;
    try {
      found = sources.find(ask, failed);
    } catch (RepositoryException e) {
      throw new IOException(e.getMessage(), e);
    }
    unresolved.removeAll(ask);
    for (Source s : found) {
      resolved.put(s.pack(), s);
    }
    return resolved.get(pack);
  }

  /** The repository's read sources: the best copy of each pack on a node heard from. */
  private List<Source> readSources(Collection<String> packs, List<Failure> failed)
      throws IOException, RepositoryException {
    JsonArrayBuilder list = Json.createArrayBuilder();
    packs.forEach(list::add);
    return sourcesOf(
        center.postForArray(
            base + "read-sources", Json.createObjectBuilder().add("packs", list).build()));
  }

  /** Parses a list of read sources. */
  public static List<Source> sourcesOf(jakarta.json.JsonArray a) {
    List<Source> out = new ArrayList<>();
    for (JsonValue v : a) {
      JsonObject o = v.asJsonObject();
      String node = o.getString("node");
      out.add(
          new Source(
              o.getString("pack"),
              o.getString("target"),
              URI.create(node.endsWith("/") ? node : node + "/"),
              o.getString("grant")));
    }
    return out;
  }

  @Override
  public Optional<PackInfo> stat(PackName name) throws IOException {
    if (isPack(name)) {
      Long known = lengths.get(hex(name));
      if (known != null) {
        return Optional.of(new PackInfo(name, known, Instant.EPOCH, Optional.empty()));
      }
      PackPage page = list(name.value(), Optional.empty(), 1);
      return page.packs().stream().filter(p -> p.name().equals(name)).findFirst();
    }
    HttpResponse<String> r = center.send(objectRequest(name).method("HEAD", noBody()));
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    expect(r, 200);
    long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
    return Optional.of(new PackInfo(name, length, Instant.EPOCH, Optional.empty()));
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  /**
   * Objects and packs in one name order: objects from the center's list, packs ({@code data/...})
   * from the tenant's stored packs (those with a copy that holds data).
   */
  @Override
  public PackPage list(String prefix, Optional<PackName> after, int limit) throws IOException {
    TreeMap<PackName, PackInfo> merged = new TreeMap<>();
    boolean more = false;
    if (!prefix.startsWith(DATA)) {
      more |= listObjects(prefix, after, limit, merged);
    }
    if (prefix.startsWith(DATA) || DATA.startsWith(prefix)) {
      more |= listPacks(prefix, after, limit, merged);
    }
    List<PackInfo> page = new ArrayList<>(merged.values());
    if (page.size() > limit) {
      page = page.subList(0, limit);
      more = true;
    }
    Optional<PackName> next =
        more && !page.isEmpty() ? Optional.of(page.get(page.size() - 1).name()) : Optional.empty();
    return new PackPage(List.copyOf(page), next);
  }

  private boolean listObjects(
      String prefix, Optional<PackName> after, int limit, Map<PackName, PackInfo> into)
      throws IOException {
    StringBuilder q =
        new StringBuilder(base + "objects?limit=" + Math.min(1000, Math.max(1, limit)));
    q.append("&prefix=").append(CenterClient.encode(prefix));
    after.ifPresent(a -> q.append("&after=").append(CenterClient.encode(a.value())));
    JsonObject page;
    try {
      page = center.getObject(q.toString());
    } catch (RepositoryException e) {
      throw new IOException(e.getMessage(), e);
    }
    for (JsonValue v : page.getJsonArray("items")) {
      JsonObject o = v.asJsonObject();
      PackName n = PackName.of(o.getString("name"));
      into.put(
          n,
          new PackInfo(n, o.getJsonNumber("length").longValue(), Instant.EPOCH, Optional.empty()));
    }
    return CenterClient.has(page, "next");
  }

  private boolean listPacks(
      String prefix, Optional<PackName> after, int limit, Map<PackName, PackInfo> into)
      throws IOException {
    String hexPrefix = prefix.length() > DATA.length() ? prefix.substring(DATA.length()) : "";
    String cursor =
        after
            .filter(a -> a.value().startsWith(DATA))
            .map(a -> a.value().substring(DATA.length()))
            .orElse(null);
    if (after.isPresent() && after.get().value().compareTo(DATA) > 0 && cursor == null) {
      return false; // the page starts after every pack name
    }
    Optional<Set<String>> only = onlyPacks;
    int added = 0;
    while (added <= limit) {
      StringBuilder q = new StringBuilder(base + "packs?limit=1000");
      if (cursor != null) {
        q.append("&after=").append(CenterClient.encode(cursor));
      }
      JsonObject page;
      try {
        page = center.getObject(q.toString());
      } catch (RepositoryException e) {
        throw new IOException(e.getMessage(), e);
      }
      for (JsonValue v : page.getJsonArray("items")) {
        JsonObject o = v.asJsonObject();
        String hex = o.getString("pack");
        long length = o.getJsonNumber("length").longValue();
        lengths.put(hex, length);
        if (!hex.startsWith(hexPrefix) || (only.isPresent() && !only.get().contains(hex))) {
          continue;
        }
        if (!resolved.containsKey(hex)) {
          unresolved.add(hex);
        }
        PackName n = PackName.of(DATA + hex);
        into.put(n, new PackInfo(n, length, Instant.EPOCH, Optional.empty()));
        added++;
      }
      if (!CenterClient.has(page, "next")) {
        return false;
      }
      cursor = page.getString("next");
    }
    return true;
  }

  private HttpRequest.Builder objectRequest(PackName name) {
    return center.request(base + "objects/" + objectPath(name)).setHeader("Accept", "*/*");
  }

  private static String objectPath(PackName name) {
    StringBuilder b = new StringBuilder();
    for (String segment : name.value().split("/", -1)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(CenterClient.encode(segment));
    }
    return b.toString();
  }

  private static void expect(HttpResponse<String> r, int... ok) throws IOException {
    for (int s : ok) {
      if (r.statusCode() == s) {
        return;
      }
    }
    throw new IOException(
        CenterClient.failure(r.request().method(), r.request().uri(), r.statusCode(), r.body())
            .getMessage());
  }
}
