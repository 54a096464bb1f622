package dev.strata.node.center;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's heartbeats: one background thread posts the node's report to its control center every
 * heartbeat interval, and at once when asked ({@link #nudge}, after a round of probes), so new
 * probes reach the center without waiting a whole interval. A failed beat is tried again after a
 * pause that doubles from one second up to the interval; an outage is logged once when it starts
 * (and once more if the center goes from unreachable to refusing), and once when it ends, never per
 * beat. Nothing here ever stops the node; {@link #close} stops the thread.
 */
public final class Heartbeats implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final CenterClient client;
  private final NodeEnrolment enrolment;
  private final Supplier<CenterClient.Heartbeat> report;
  private final Thread thread;
  private final Object lock = new Object();
  private boolean nudged;
  private boolean stopped;
  private long sent;
  private long failed;

  /** The kind of the outage going on, logged once: null while beats succeed. */
  private String outage;

  private Heartbeats(
      CenterClient client, NodeEnrolment enrolment, Supplier<CenterClient.Heartbeat> report) {
    this.client = client;
    this.enrolment = enrolment;
    this.report = report;
    this.thread = new Thread(this::run, "heartbeats");
    this.thread.setDaemon(true);
  }

  /** Starts beating at once. */
  public static Heartbeats start(
      CenterClient client, NodeEnrolment enrolment, Supplier<CenterClient.Heartbeat> report) {
    Heartbeats h = new Heartbeats(client, enrolment, report);
    h.thread.start();
    return h;
  }

  /** Sends the next heartbeat now rather than at the end of the interval. */
  public void nudge() {
    synchronized (lock) {
      nudged = true;
      lock.notifyAll();
    }
  }

  /** Heartbeats the center accepted so far. */
  public long sent() {
    synchronized (lock) {
      return sent;
    }
  }

  private void run() {
    Duration interval = enrolment.heartbeatInterval();
    Duration pause = FIRST_RETRY;
    while (true) {
      Duration next;
      if (beat()) {
        pause = FIRST_RETRY;
        next = interval;
      } else {
        next = pause;
        pause = pause.multipliedBy(2).compareTo(interval) > 0 ? interval : pause.multipliedBy(2);
      }
      synchronized (lock) {
        long until = System.nanoTime() + next.toNanos();
        while (!stopped && !nudged) {
          long left = until - System.nanoTime();
          if (left <= 0) {
            break;
          }
          try {
            lock.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            return;
          }
        }
        if (stopped) {
          return;
        }
        nudged = false;
      }
    }
  }

  /** One heartbeat; false when it failed. Never throws. */
  private boolean beat() {
    try {
      client.heartbeat(enrolment, report.get());
      synchronized (lock) {
        sent++;
      }
      if (outage != null) {
        LOG.info(
            "heartbeats reach the control center "
                + enrolment.center()
                + " again (after "
                + failed
                + " failed)");
        outage = null;
        failed = 0;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (CenterRefusal r) {
      failedWith("refused", r.getMessage());
      return false;
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      failedWith("unreachable", "cannot send heartbeats to " + enrolment.center() + ": " + why);
      return false;
    }
  }

  private void failedWith(String kind, String message) {
    failed++;
    if (!kind.equals(outage)) {
      LOG.log(
          Level.WARNING,
          message + " (the node keeps serving and trying; this is logged once until it passes)");
      outage = kind;
    }
  }

  /** Stops the thread; a heartbeat in flight is abandoned. */
  @Override
  public void close() {
    synchronized (lock) {
      stopped = true;
      lock.notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
