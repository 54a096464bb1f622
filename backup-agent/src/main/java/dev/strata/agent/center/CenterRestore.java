package dev.strata.agent.center;

import dev.strata.agent.repo.RepositoryException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A restore through the control center: the center records it, estimates it, recalls what only tape
 * holds, and then hands out, pack by pack, the copy to read and the next one when a copy fails. The
 * agent reports its progress and outcome, which the restore's events show.
 */
public final class CenterRestore {
  private final CenterPackStore store;
  private final String id;
  private JsonObject view;

  private CenterRestore(CenterPackStore store, String id, JsonObject view) {
    this.store = store;
    this.id = id;
    this.view = view;
  }

  /** Asks the center for the restore of {@code snapshot} into {@code directory}. */
  public static CenterRestore request(
      CenterPackStore store, String snapshot, String directory, List<String> paths)
      throws IOException, RepositoryException {
    JsonArrayBuilder p = Json.createArrayBuilder();
    paths.forEach(p::add);
    JsonObject v =
        store
            .center()
            .postForObject(
                "restores",
                Json.createObjectBuilder()
                    .add("snapshot", snapshot)
                    .add("directory", directory)
                    .add("paths", p)
                    .build(),
                201);
    return new CenterRestore(store, v.getString("id"), v);
  }

  public String id() {
    return id;
  }

  public JsonObject view() {
    return view;
  }

  /** The estimate in words. */
  public String estimate() {
    double s = view.getJsonNumber("estimatedSeconds").doubleValue();
    double staging = view.getJsonNumber("estimatedStagingSeconds").doubleValue();
    int mounts = view.getInt("estimatedTapeMounts", 0);
    return String.format(
        "estimated %s for %d packs (%s)%s%s",
        seconds(s),
        view.getInt("estimatedPacks", 0),
        human(view.getJsonNumber("estimatedBytes").longValue()),
        mounts > 0
            ? String.format(
                ", of which %s recalling from tape (%d mounts)", seconds(staging), mounts)
            : "",
        view.getBoolean("estimateMeasured", false) ? "" : "; no speed measured yet, a guess");
  }

  private static String seconds(double s) {
    return s < 120 ? String.format("%.1f s", s) : String.format("%.1f min", s / 60);
  }

  private static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
    return String.format("%.1f %siB", bytes / Math.pow(1024, unit), " KMGTPE".charAt(unit));
  }

  /**
   * Waits while the center recalls from tape, polling; fails when the restore failed or was
   * cancelled meanwhile.
   */
  public void awaitReady(Duration patience, Consumer<String> say)
      throws IOException, RepositoryException {
    Instant until = Instant.now().plus(patience);
    long pause = 200;
    String last = null;
    while (true) {
      view = store.center().getObject("restores/" + id);
      String state = view.getString("state");
      switch (state) {
        case "READY", "RUNNING" -> {
          return;
        }
        case "FAILED", "CANCELLED", "DONE" ->
            throw new RepositoryException(
                "restore "
                    + id
                    + " is "
                    + state
                    + (CenterClient.has(view, "detail") ? ": " + view.getString("detail") : ""));
        default -> {}
      }
      String detail = CenterClient.has(view, "detail") ? view.getString("detail") : state;
      if (!detail.equals(last)) {
        say.accept("restore " + id + ": " + detail);
        last = detail;
      }
      if (Instant.now().isAfter(until)) {
        throw new RepositoryException(
            "restore "
                + id
                + " is still "
                + state
                + " after "
                + patience
                + "; it goes on in the"
                + " center");
      }
      try {
        Thread.sleep(pause); // polling the center, not a test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for restore " + id);
      }
      pause = Math.min(5000, pause * 2);
    }
  }

  /**
   * Reads from here on through the restore's sources, only the snapshot's packs, and tells the user
   * of each failover.
   */
  public void readThrough(String snapshot, Consumer<String> say)
      throws IOException, RepositoryException {
    JsonObject detail = store.center().getObject("snapshots/" + snapshot);
    Set<String> packs = new HashSet<>();
    for (JsonValue v : detail.getJsonArray("packs")) {
      packs.add(((jakarta.json.JsonString) v).getString());
    }
    store.restrictTo(packs);
    store.onFailover(say);
    store.useSources(
        (wanted, failed) -> {
          JsonArrayBuilder w = Json.createArrayBuilder();
          wanted.forEach(w::add);
          JsonArrayBuilder f = Json.createArrayBuilder();
          for (CenterPackStore.Failure x : failed) {
            f.add(
                Json.createObjectBuilder()
                    .add("pack", x.pack())
                    .add("target", x.target())
                    .add("corrupt", x.corrupt())
                    .add("reason", abbreviate(x.reason())));
          }
          return CenterPackStore.sourcesOf(
              store
                  .center()
                  .postForArray(
                      "restores/" + id + "/sources",
                      Json.createObjectBuilder().add("packs", w).add("failed", f).build()));
        });
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
  }

  /** Reports progress (RUNNING) or the outcome (DONE, FAILED). */
  public void report(String status, long bytes, long files, String message)
      throws IOException, RepositoryException {
    var b =
        Json.createObjectBuilder()
            .add("status", status)
            .add("bytesDone", bytes)
            .add("filesDone", files);
    if (message != null) {
      b.add("message", abbreviate(message));
    }
    view = store.center().postForObject("restores/" + id + "/reports", b.build(), 200);
  }
}
