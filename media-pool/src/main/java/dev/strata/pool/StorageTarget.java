package dev.strata.pool;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A device in a data center that can hold backup copies: a tape library, a VTL, a disk directory or
 * an object-store bucket. Its kind and data center are fixed at registration; name, endpoint,
 * declared capacity and cost change through {@link #reconfigure}, its life-cycle state only through
 * the named transitions {@link #activate}, {@link #drain} and {@link #retire}:
 *
 * <pre>
 *   POTENTIAL --activate--> ACTIVE --drain--> DRAINING --retire--> RETIRED
 *       |                      ^                 |
 *       |                      +----activate-----+
 *       +------------------------retire--------------------------> RETIRED
 * </pre>
 *
 * An active target must drain before it retires, so that its copies are moved off first; a retired
 * target is final (its id is never reused for another device).
 */
public class StorageTarget {
  public static final int MAX_NAME = 120;
  public static final int MAX_ENDPOINT = 1024;

  private String id;
  private String dataCenterId;
  private TargetKind kind;
  private String name;
  private String endpoint;
  private Long declaredCapacityBytes;
  private Long costMicrosPerGibMonth;
  private TargetState state;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected StorageTarget() {}

  private StorageTarget(TargetId id, DataCenterId dataCenter, TargetKind kind, Instant now) {
    this.id = Objects.requireNonNull(id, "id").value();
    this.dataCenterId = Objects.requireNonNull(dataCenter, "dataCenter").value();
    if (kind == null) {
      throw new InvalidValueException("kind", "kind is required");
    }
    this.kind = kind;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Registers a new target in {@code dataCenter}, either as a potential target (probed, given no
   * copies) or directly as an active one.
   *
   * @param declaredCapacityBytes capacity where the device cannot report its own, or {@code null}
   * @param cost what a GiB-month on this target costs its operator, or {@code null} when unknown
   */
  public static StorageTarget register(
      TargetId id,
      DataCenter dataCenter,
      TargetKind kind,
      String name,
      String endpoint,
      Long declaredCapacityBytes,
      PricePerGibMonth cost,
      TargetState initialState,
      Instant now) {
    StorageTarget target = new StorageTarget(id, dataCenter.id(), kind, now);
    target.apply(name, endpoint, declaredCapacityBytes, cost);
    if (initialState != TargetState.POTENTIAL && initialState != TargetState.ACTIVE) {
      throw new InvalidValueException(
          "state", "a target is registered POTENTIAL or ACTIVE (got " + initialState + ")");
    }
    target.state = initialState;
    return target;
  }

  /**
   * Changes what may change about a target besides its state: name, endpoint, declared capacity,
   * cost. A retired target is not reconfigured.
   */
  public void reconfigure(
      String name,
      String endpoint,
      Long declaredCapacityBytes,
      PricePerGibMonth cost,
      Instant now) {
    if (state == TargetState.RETIRED) {
      throw new TransitionRefusedException(
          "storage target", id, state, "reconfigure", "a retired target is final");
    }
    apply(name, endpoint, declaredCapacityBytes, cost);
    this.updatedAt = now;
  }

  /**
   * Makes the target eligible for new copies: a potential target enters service, a draining one
   * returns to it. Activating an active target changes nothing.
   */
  public void activate(Instant now) {
    switch (state) {
      case ACTIVE -> {}
      case POTENTIAL, DRAINING -> moveTo(TargetState.ACTIVE, now);
      case RETIRED -> refuse("activate", "a retired target never returns to service");
    }
  }

  /**
   * Stops new copies from landing here while the target keeps serving reads, so that its copies can
   * be moved off. Draining a draining target changes nothing.
   */
  public void drain(Instant now) {
    switch (state) {
      case DRAINING -> {}
      case ACTIVE -> moveTo(TargetState.DRAINING, now);
      case POTENTIAL -> refuse("drain", "it holds no copies; retire it instead");
      case RETIRED -> refuse("drain", "a retired target is final");
    }
  }

  /**
   * Takes the target out of the pool for good: it is neither probed nor used again. Only a target
   * that holds no copies by the pool's rules may retire: a potential one, or one that was drained.
   * (Whether a draining target is empty is the catalog's knowledge; the application checks it.)
   * Retiring a retired target changes nothing.
   */
  public void retire(Instant now) {
    switch (state) {
      case RETIRED -> {}
      case POTENTIAL, DRAINING -> moveTo(TargetState.RETIRED, now);
      case ACTIVE -> refuse("retire", "drain it first so that its copies are moved off");
    }
  }

  private void moveTo(TargetState next, Instant now) {
    this.state = next;
    this.updatedAt = now;
  }

  private void refuse(String transition, String why) {
    throw new TransitionRefusedException("storage target", id, state, transition, why);
  }

  private void apply(
      String name, String endpoint, Long declaredCapacityBytes, PricePerGibMonth cost) {
    String n = Text.optional("name", name, MAX_NAME);
    this.name = n == null ? id : n;
    String e = Text.required("endpoint", endpoint, MAX_ENDPOINT);
    this.endpoint = kind.requireEndpoint(e).toString();
    if (declaredCapacityBytes != null && declaredCapacityBytes <= 0) {
      throw new InvalidValueException("capacityBytes", "capacityBytes must be positive when given");
    }
    this.declaredCapacityBytes = declaredCapacityBytes;
    this.costMicrosPerGibMonth = cost == null ? null : cost.micros();
  }

  public TargetId id() {
    return new TargetId(id);
  }

  public DataCenterId dataCenterId() {
    return new DataCenterId(dataCenterId);
  }

  public TargetKind kind() {
    return kind;
  }

  public MediaClass mediaClass() {
    return kind.mediaClass();
  }

  public String name() {
    return name;
  }

  public URI endpoint() {
    return URI.create(endpoint);
  }

  /** The capacity the operator declared, where the device cannot report its own. */
  public OptionalLong declaredCapacityBytes() {
    return declaredCapacityBytes == null
        ? OptionalLong.empty()
        : OptionalLong.of(declaredCapacityBytes);
  }

  /** What a GiB-month on this target costs its operator, when declared. */
  public Optional<PricePerGibMonth> cost() {
    return costMicrosPerGibMonth == null
        ? Optional.empty()
        : Optional.of(new PricePerGibMonth(costMicrosPerGibMonth));
  }

  public TargetState state() {
    return state;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
