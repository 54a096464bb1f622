package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.PlacementPreview;
import dev.strata.controlcenter.application.RankedTarget;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import dev.strata.pool.placement.PlacementPlan;
import dev.strata.pool.placement.PlannedCopy;
import dev.strata.pool.placement.Rejection;
import dev.strata.pool.placement.Unmet;
import dev.strata.pool.rank.ScoreComponent;
import dev.strata.pool.rank.ServiceFigures;
import dev.strata.pool.rank.ServiceState;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's views of the ranked pool and of placement plans. */
public final class PoolViews {
  private PoolViews() {}

  @Schema(name = "ScoreComponent", description = "One component of a target's score and why")
  public record ComponentView(
      String component,
      Double raw,
      String unit,
      double normalised,
      double weight,
      double contribution,
      String note) {
    static ComponentView of(ScoreComponent c) {
      return new ComponentView(
          c.component().name(),
          c.raw().isPresent() ? c.raw().getAsDouble() : null,
          c.unit(),
          c.normalised(),
          c.weight(),
          c.contribution(),
          c.note());
    }
  }

  @Schema(name = "ServiceFigures", description = "What the probes in the ranking window measured")
  public record FiguresView(
      int probes,
      Double availability,
      Long writeBytesPerSecond,
      Long readBytesPerSecond,
      Long latencyMicros,
      Double errorRate,
      Long freeBytes,
      Long totalBytes) {
    static FiguresView of(ServiceFigures f) {
      return new FiguresView(
          f.probes(),
          f.availability().isPresent() ? f.availability().getAsDouble() : null,
          ProbeView.boxed(f.writeBytesPerSecond()),
          ProbeView.boxed(f.readBytesPerSecond()),
          ProbeView.boxed(f.latencyMicros()),
          f.errorRate().isPresent() ? f.errorRate().getAsDouble() : null,
          ProbeView.boxed(f.freeBytes()),
          ProbeView.boxed(f.totalBytes()));
    }
  }

  @Schema(name = "RankedTarget", description = "A target's place in the media service pool and why")
  public record RankedTargetView(
      int rank,
      String target,
      String dataCenter,
      TargetKind kind,
      MediaClass mediaClass,
      TargetState state,
      ServiceState serviceState,
      double score,
      FiguresView figures,
      List<ComponentView> components) {
    static RankedTargetView of(RankedTarget r) {
      return new RankedTargetView(
          r.rank(),
          r.target().id().value(),
          r.target().dataCenterId().value(),
          r.target().kind(),
          r.target().mediaClass(),
          r.target().state(),
          r.score().state(),
          r.score().total(),
          FiguresView.of(r.score().figures()),
          r.score().components().stream().map(ComponentView::of).toList());
    }
  }

  @Schema(name = "Rejection", description = "Why a candidate did not get a copy")
  public record RejectionView(String target, String constraint, String detail) {
    static RejectionView of(Rejection r) {
      return new RejectionView(r.target().value(), r.constraint().name(), r.detail());
    }
  }

  @Schema(name = "PlannedCopy", description = "A copy the planner would place, and why there")
  public record PlannedCopyView(
      int ordinal,
      String target,
      String dataCenter,
      MediaClass mediaClass,
      double score,
      List<String> fulfils,
      List<RejectionView> passedOver) {
    static PlannedCopyView of(PlannedCopy c) {
      return new PlannedCopyView(
          c.ordinal(),
          c.target().value(),
          c.dataCenter().value(),
          c.mediaClass(),
          c.score(),
          c.fulfils(),
          c.passedOver().stream().map(RejectionView::of).toList());
    }
  }

  @Schema(name = "UnmetRequirement", description = "A requirement no plan over the pool can meet")
  public record UnmetView(String requirement, MediaClass mediaClass, String reason) {
    static UnmetView of(Unmet u) {
      return new UnmetView(u.requirement().name(), u.mediaClass(), u.reason());
    }
  }

  @Schema(name = "PlacementPreview", description = "What the planner would do, and why")
  public record PreviewView(
      String policy,
      int policyRevision,
      long sizeBytes,
      boolean satisfiable,
      List<PlannedCopyView> copies,
      List<RejectionView> rejections,
      List<UnmetView> unmet) {
    static PreviewView of(PlacementPreview p) {
      PlacementPlan plan = p.plan();
      return new PreviewView(
          p.policy().name().value(),
          p.policy().revision(),
          p.sizeBytes(),
          plan.satisfiable(),
          plan.copies().stream().map(PlannedCopyView::of).toList(),
          plan.rejections().stream().map(RejectionView::of).toList(),
          plan.unmet().stream().map(UnmetView::of).toList());
    }
  }
}
