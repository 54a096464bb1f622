package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.JobService;
import dev.strata.controlcenter.application.JobService.JobDraft;
import dev.strata.controlcenter.application.JobService.ReportStatus;
import dev.strata.controlcenter.application.JobService.Work;
import dev.strata.controlcenter.application.Page;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.jobs.BackupJob;
import dev.strata.pool.jobs.BackupJobId;
import dev.strata.pool.jobs.JobRun;
import dev.strata.pool.jobs.JobRunEvent;
import dev.strata.pool.jobs.JobRunId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scheduled backups: a tenant's backup jobs and their runs (what a line-of-business application
 * uses to run a backup now and follow it), and the agents' side: a long poll for work and the
 * reports of a run.
 */
@Path("v1")
@Tag(name = "backup jobs", description = "Scheduled backups, their runs and the agents' work")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
  /** The longest an agent's poll for work waits. */
  static final int MAX_WAIT_SECONDS = 30;

  @Inject Caller caller;
  @Inject JobService jobs;

  @Resource ManagedScheduledExecutorService executor;

  @Schema(name = "BackupJobRequest")
  public record BackupJobRequestBody(
      @Schema(description = "name, or name@tenant (POST only; the path names it on PUT)") String id,
      String tenant,
      // No @Schema here: Payara's OpenAPI takes an annotated accessor whose name contains "set"
      // for a setter and fails (/openapi answered 500). @NotNull still marks it required.
      @NotNull String backupSet,
      String agent,
      @Schema(required = true, description = "Paths on the agent's machine, 1 to 100") @NotNull
          List<String> paths,
      @Schema(
              required = true,
              description =
                  "Quartz cron expression in UTC: seconds minutes hours day-of-month month"
                      + " day-of-week [year], e.g. '0 30 2 * * ?'")
          @NotNull
          String cron,
      @Schema(description = "Whether its schedule fires (default true)") Boolean enabled) {}

  @Schema(name = "BackupJob")
  public record BackupJobView(
      String id,
      String tenant,
      String backupSet,
      String agent,
      List<String> paths,
      String cron,
      boolean enabled,
      @Schema(description = "Its next firing (UTC), absent when disabled") Instant nextRunAt,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    static BackupJobView of(BackupJob j) {
      return new BackupJobView(
          j.id().value(),
          j.tenant().value(),
          j.backupSet().value(),
          j.agent().value(),
          j.paths(),
          j.cron(),
          j.enabled(),
          j.nextRunAt().orElse(null),
          j.createdAt(),
          j.updatedAt(),
          j.version());
    }
  }

  @Schema(name = "BackupJobPage")
  public record BackupJobPageView(List<BackupJobView> items, String next) {}

  @Schema(name = "JobRun")
  public record JobRunView(
      String id,
      String job,
      String tenant,
      String backupSet,
      String agent,
      List<String> paths,
      @Schema(enumeration = {"SCHEDULE", "MANUAL"}) String trigger,
      String requestedBy,
      @Schema(enumeration = {"QUEUED", "CLAIMED", "RUNNING", "DONE", "FAILED", "MISSED"})
          String state,
      Instant scheduledFor,
      @Schema(description = "When an unclaimed run becomes MISSED") Instant claimBy,
      Instant claimedAt,
      Instant startedAt,
      Instant finishedAt,
      @Schema(description = "The snapshot it recorded, once DONE") String snapshot,
      long bytesDone,
      long filesDone,
      String detail,
      @Schema(description = "Where its events are") String events) {
    static JobRunView of(JobRun r) {
      return new JobRunView(
          r.id().hex(),
          r.job().value(),
          r.tenant().value(),
          r.backupSet().value(),
          r.agent().value(),
          r.paths(),
          r.trigger().name(),
          r.requestedBy().value(),
          r.state().name(),
          r.scheduledFor(),
          r.claimBy(),
          r.claimedAt().orElse(null),
          r.startedAt().orElse(null),
          r.finishedAt().orElse(null),
          r.snapshot().map(SnapshotId::hex).orElse(null),
          r.bytesDone(),
          r.filesDone(),
          r.detail().orElse(null),
          "/api/v1/job-runs/" + r.id().hex() + "/events");
    }
  }

  @Schema(name = "JobRunPage")
  public record JobRunPageView(List<JobRunView> items, String next) {}

  @Schema(name = "JobRunEvent")
  public record JobEventView(
      long sequence, Instant at, String kind, String message, long bytesDone, long filesDone) {
    static JobEventView of(JobRunEvent e) {
      return new JobEventView(
          e.sequence(), e.at(), e.kind().name(), e.message(), e.bytesDone(), e.filesDone());
    }
  }

  @Schema(name = "AgentWork", description = "A run the agent claimed, and what to back up")
  public record AgentWorkView(
      String run,
      String job,
      String backupSet,
      String policy,
      List<String> paths,
      Instant scheduledFor,
      @Schema(description = "Where to report") String reports) {
    static AgentWorkView of(Work w) {
      JobRun r = w.run();
      return new AgentWorkView(
          r.id().hex(),
          r.job().value(),
          r.backupSet().value(),
          w.policy().value(),
          r.paths(),
          r.scheduledFor(),
          "/api/v1/job-runs/" + r.id().hex() + "/reports");
    }
  }

  @Schema(name = "JobRunReport")
  public record JobReportRequest(
      @Schema(
              required = true,
              enumeration = {"RUNNING", "DONE", "FAILED"})
          @NotNull
          String status,
      @Schema(description = "With DONE: the snapshot recorded in the run's backup set")
          String snapshot,
      long bytesDone,
      long filesDone,
      String message) {}

  // ---- jobs

  @POST
  @Path("backup-jobs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "defineBackupJob", summary = "Define a scheduled backup")
  @APIResponse(responseCode = "201", description = "Defined; Location names it")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response define(BackupJobRequestBody body) {
    BackupJob j =
        jobs.define(caller, draft(Params.bodyValue("id", () -> BackupJobId.of(body.id())), body));
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/v1/backup-jobs/" + j.id().value())
        .tag(Long.toString(j.version()))
        .entity(BackupJobView.of(j))
        .build();
  }

  private JobDraft draft(BackupJobId id, BackupJobRequestBody body) {
    return new JobDraft(
        id,
        Params.optionalTenant("tenant", body.tenant()).orElse(null),
        Params.bodyValue("backupSet", () -> BackupSetId.of(body.backupSet())),
        Optional.ofNullable(body.agent())
            .map(
                a -> Params.bodyValue("agent", () -> dev.strata.pool.identity.PrincipalName.of(a))),
        body.paths(),
        body.cron(),
        body.enabled() == null || body.enabled());
  }

  @GET
  @Path("backup-jobs")
  @Operation(operationId = "listBackupJobs", summary = "Backup jobs in id order")
  @APIResponse(responseCode = "200", description = "A page of backup jobs")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public BackupJobPageView list(
      @Parameter(description = "Only this tenant's") @QueryParam("tenant") String tenant,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<BackupJob> page =
        jobs.list(caller, Params.optionalTenant("tenant", tenant), Params.page(limit, after));
    return new BackupJobPageView(
        page.items().stream().map(BackupJobView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("backup-jobs/{id}")
  @Operation(operationId = "getBackupJob", summary = "One backup job; ETag carries its version")
  @APIResponse(responseCode = "200", description = "The backup job")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    BackupJob j = jobs.get(caller, jobId(id));
    return Response.ok(BackupJobView.of(j)).tag(Long.toString(j.version())).build();
  }

  @PUT
  @Path("backup-jobs/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redefineBackupJob",
      summary = "Describe a backup job anew (set, agent, paths, cron, enabled)",
      description =
          "Runs already queued keep what they had. Send If-Match with the ETag you read to refuse"
              + " lost updates (412 on mismatch).")
  @APIResponse(responseCode = "200", description = "The job as it is now")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", description = "If-Match names another version")
  public Response redefine(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      BackupJobRequestBody body) {
    BackupJobId job = jobId(id);
    BackupJob j = jobs.redefine(caller, job, draft(job, body), Params.ifMatch(ifMatch));
    return Response.ok(BackupJobView.of(j)).tag(Long.toString(j.version())).build();
  }

  @DELETE
  @Path("backup-jobs/{id}")
  @Operation(
      operationId = "deleteBackupJob",
      summary = "Delete a backup job and its runs' history (not while a run is in progress)")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response delete(@PathParam("id") String id) {
    jobs.delete(caller, jobId(id));
    return Response.noContent().build();
  }

  // ---- runs

  @POST
  @Path("backup-jobs/{id}/runs")
  @Operation(
      operationId = "runBackupJobNow",
      summary = "Run a backup job now: queued for its agent, which claims it on its next poll")
  @APIResponse(responseCode = "201", description = "Queued; Location names the run")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response runNow(@PathParam("id") String id) {
    JobRun r = jobs.runNow(caller, jobId(id));
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/v1/job-runs/" + r.id().hex())
        .entity(JobRunView.of(r))
        .build();
  }

  @GET
  @Path("backup-jobs/{id}/runs")
  @Operation(operationId = "listJobRuns", summary = "A backup job's runs, newest first")
  @APIResponse(responseCode = "200", description = "A page of runs")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public JobRunPageView runs(
      @PathParam("id") String id,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<JobRun> page = jobs.runs(caller, jobId(id), Params.page(limit, after));
    return new JobRunPageView(
        page.items().stream().map(JobRunView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("job-runs/{id}")
  @Operation(operationId = "getJobRun", summary = "One run: its state, progress and snapshot")
  @APIResponse(responseCode = "200", description = "The run")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public JobRunView run(@PathParam("id") String id) {
    return JobRunView.of(jobs.run(caller, runId(id)));
  }

  @GET
  @Path("job-runs/{id}/events")
  @Operation(
      operationId = "listJobRunEvents",
      summary = "A run's events after a sequence number, in order")
  @APIResponse(responseCode = "200", description = "The events")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<JobEventView> events(
      @PathParam("id") String id,
      @Parameter(description = "Only events after this sequence number") @QueryParam("after")
          String after) {
    Long from = Params.optionalLong("after", after, 0);
    return jobs.events(caller, runId(id), from == null ? 0 : from, 1000).stream()
        .map(JobEventView::of)
        .toList();
  }

  // ---- the agents' side

  @GET
  @Path("agents/me/work")
  @Operation(
      operationId = "pollAgentWork",
      summary = "For an agent: claim its next queued run, waiting up to 'wait' seconds for one",
      description =
          "Answers 200 with the claimed run (its backup set, policy and paths) as soon as one is"
              + " queued, or 204 when none came within the wait (0 to 30 s, default 0). The wait"
              + " holds no thread and no transaction: the catalog is checked twice a second.")
  @APIResponse(responseCode = "200", description = "A run, now CLAIMED by the caller")
  @APIResponse(responseCode = "204", description = "Nothing to do")
  public CompletionStage<Response> work(
      @Parameter(description = "Seconds to wait for work, 0 to 30") @QueryParam("wait")
          String wait) {
    int seconds = Params.integer("wait", wait, 0, 0, MAX_WAIT_SECONDS);
    Caller agent = RestoreResource.callerOf(caller);
    Optional<Work> now = jobs.claim(agent);
    if (now.isPresent() || seconds == 0) {
      return CompletableFuture.completedFuture(answer(now));
    }
    // Answered later, by the poll (no @Suspended AsyncResponse: Payara's OpenAPI document then
    // failed with 500).
    CompletableFuture<Response> later = new CompletableFuture<>();
    new WorkPoll(jobs, agent, Duration.ofSeconds(seconds), later).start(executor);
    return later;
  }

  static Response answer(Optional<Work> work) {
    return work.map(w -> Response.ok(AgentWorkView.of(w)).build())
        .orElseGet(() -> Response.noContent().build());
  }

  @POST
  @Path("job-runs/{id}/reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportJobRun",
      summary =
          "For the run's agent: progress while running, then DONE with its snapshot or FAILED")
  @APIResponse(responseCode = "200", description = "The run as recorded")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public JobRunView report(@PathParam("id") String id, JobReportRequest body) {
    ReportStatus status = Params.optionalEnum("status", body.status(), ReportStatus.class);
    if (body.bytesDone() < 0 || body.filesDone() < 0) {
      throw new InvalidRequestException("bytesDone", "counts are not negative");
    }
    Optional<SnapshotId> snapshot =
        Optional.ofNullable(body.snapshot())
            .map(s -> Params.bodyValue("snapshot", () -> SnapshotId.of(s)));
    return JobRunView.of(
        jobs.report(
            caller,
            runId(id),
            status,
            snapshot,
            body.bytesDone(),
            body.filesDone(),
            body.message()));
  }

  private static BackupJobId jobId(String raw) {
    try {
      return BackupJobId.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("backup job", raw);
    }
  }

  private static JobRunId runId(String raw) {
    try {
      return JobRunId.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("job run", raw);
    }
  }
}
