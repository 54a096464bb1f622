package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.JobService;
import dev.strata.controlcenter.application.JobService.Work;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One agent's long poll for work: the request is answered later (no thread waits for it), and twice
 * a second a short read asks the catalog whether the agent has a queued run; when it has, the run
 * is claimed in one transaction and the request resumed with it. At the deadline it resumes with
 * 204. A run claimed for a client that went away meanwhile is queued again.
 */
final class WorkPoll implements Runnable {
  private static final Logger LOG = Logger.getLogger(WorkPoll.class.getName());
  static final Duration POLL = Duration.ofMillis(500);

  private final JobService jobs;
  private final Caller agent;
  private final long deadline;
  private final CompletableFuture<Response> answer;
  private volatile ScheduledFuture<?> future;
  private boolean over;

  WorkPoll(JobService jobs, Caller agent, Duration wait, CompletableFuture<Response> answer) {
    this.jobs = jobs;
    this.agent = agent;
    this.deadline = System.nanoTime() + wait.toNanos();
    this.answer = answer;
  }

  void start(ScheduledExecutorService executor) {
    // A safety net beyond the poll's own deadline: the request never hangs.
    answer.completeOnTimeout(
        Response.noContent().build(),
        Duration.ofNanos(deadline - System.nanoTime()).plusSeconds(5).toMillis(),
        TimeUnit.MILLISECONDS);
    future =
        executor.scheduleWithFixedDelay(
            this, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void run() {
    if (over) {
      return;
    }
    try {
      if (answer.isDone()) {
        stop();
        return;
      }
      Optional<Work> work = jobs.hasWork(agent) ? jobs.claim(agent) : Optional.empty();
      if (work.isPresent()) {
        if (!answer.complete(JobResource.answer(work))) {
          jobs.unclaim(agent, work.get().run().id());
        }
        stop();
      } else if (System.nanoTime() - deadline >= 0) {
        answer.complete(Response.noContent().build());
        stop();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "work poll of " + agent.name() + " ends", e);
      answer.completeExceptionally(e);
      stop();
    }
  }

  private void stop() {
    over = true;
    ScheduledFuture<?> f = future;
    if (f != null) {
      f.cancel(false);
    }
  }
}
