package dev.strata.pool;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A device in a data center that can hold backup copies: a tape library, a VTL, a disk directory or
 * an object-store bucket. Its kind and data center are fixed at registration; name, endpoint,
 * declared capacity and life-cycle state can change.
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

  /** Registers a new target in {@code dataCenter}. */
  public static StorageTarget register(
      TargetId id,
      DataCenter dataCenter,
      TargetKind kind,
      String name,
      String endpoint,
      Long declaredCapacityBytes,
      TargetState state,
      Instant now) {
    StorageTarget target = new StorageTarget(id, dataCenter.id(), kind, now);
    target.apply(name, endpoint, declaredCapacityBytes, state);
    return target;
  }

  /** Changes what may change about a target: name, endpoint, declared capacity, state. */
  public void reconfigure(
      String name, String endpoint, Long declaredCapacityBytes, TargetState state, Instant now) {
    apply(name, endpoint, declaredCapacityBytes, state);
    this.updatedAt = now;
  }

  private void apply(String name, String endpoint, Long declaredCapacityBytes, TargetState state) {
    String n = Text.optional("name", name, MAX_NAME);
    this.name = n == null ? id : n;
    String e = Text.required("endpoint", endpoint, MAX_ENDPOINT);
    this.endpoint = kind.requireEndpoint(e).toString();
    if (declaredCapacityBytes != null && declaredCapacityBytes <= 0) {
      throw new InvalidValueException("capacityBytes", "capacityBytes must be positive when given");
    }
    this.declaredCapacityBytes = declaredCapacityBytes;
    if (state == null) {
      throw new InvalidValueException("state", "state is required");
    }
    this.state = state;
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
