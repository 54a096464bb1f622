package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.RestoreService;
import dev.strata.pool.restore.RestoreEvent;
import dev.strata.pool.restore.RestoreId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds one event stream: every half second it sends the restore's events it has not sent yet, and
 * a comment every 15 s so that proxies and clients see the stream alive (and a gone client is
 * noticed). It ends after the restore's last event, or when the client goes.
 */
final class RestoreEventPump implements Runnable {
  private static final Logger LOG = Logger.getLogger(RestoreEventPump.class.getName());
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final RestoreService restores;
  private final Caller caller;
  private final RestoreId restore;
  private final SseEventSink sink;
  private final Sse sse;
  private final Function<RestoreEvent, String> json;
  private long sent;
  private Instant lastWrite = Instant.now();
  private volatile ScheduledFuture<?> future;

  RestoreEventPump(
      RestoreService restores,
      Caller caller,
      RestoreId restore,
      long after,
      SseEventSink sink,
      Sse sse,
      Function<RestoreEvent, String> json) {
    this.restores = restores;
    this.caller = caller;
    this.restore = restore;
    this.sent = after;
    this.sink = sink;
    this.sse = sse;
    this.json = json;
  }

  void start(ScheduledExecutorService executor) {
    future = executor.scheduleWithFixedDelay(this, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void run() {
    try {
      if (sink.isClosed()) {
        stop();
        return;
      }
      List<RestoreEvent> events = restores.events(caller, restore, sent, 100);
      for (RestoreEvent e : events) {
        sink.send(
                sse.newEventBuilder()
                    .id(Long.toString(e.sequence()))
                    .name(e.kind().name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, json.apply(e))
                    .build())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        sent = e.sequence();
        lastWrite = Instant.now();
      }
      boolean over =
          events.size() < 100
              && restores.get(caller, restore).state().finished()
              && restores.events(caller, restore, sent, 1).isEmpty();
      if (over) {
        sink.close();
        stop();
      } else if (Instant.now().isAfter(lastWrite.plus(KEEP_ALIVE))) {
        sink.send(sse.newEventBuilder().comment("still running").build())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        lastWrite = Instant.now();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    } catch (Exception e) {
      // The client went away, or the catalog failed: end this stream; the client may resume.
      LOG.log(Level.FINE, "restore event stream of " + restore + " ends", e);
      close();
    }
  }

  private void close() {
    try {
      sink.close();
    } catch (RuntimeException ignored) {
      // already closed
    }
    stop();
  }

  private void stop() {
    ScheduledFuture<?> f = future;
    if (f != null) {
      f.cancel(false);
    }
  }
}
