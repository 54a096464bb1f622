package dev.strata.pool;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site that holds storage targets. The pool grows by adding data centers without redesign: a data
 * center is only a name, a location and the kind of link that reaches it.
 */
public class DataCenter {
  public static final int MAX_NAME = 120;
  public static final int MAX_LOCATION = 200;

  private String id;
  private String name;
  private String location;
  private NetworkLink link;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected DataCenter() {}

  private DataCenter(DataCenterId id, Instant now) {
    this.id = Objects.requireNonNull(id, "id").value();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A new data center; {@code name} defaults to the id when absent. */
  public static DataCenter establish(
      DataCenterId id, String name, String location, NetworkLink link, Instant now) {
    DataCenter dc = new DataCenter(id, now);
    dc.apply(name, location, link);
    return dc;
  }

  /** Changes the descriptive attributes; the identity never changes. */
  public void describe(String name, String location, NetworkLink link, Instant now) {
    apply(name, location, link);
    this.updatedAt = now;
  }

  private void apply(String name, String location, NetworkLink link) {
    String n = Text.optional("name", name, MAX_NAME);
    this.name = n == null ? id : n;
    this.location = Text.optional("location", location, MAX_LOCATION);
    if (link == null) {
      throw new InvalidValueException("link", "link is required");
    }
    this.link = link;
  }

  public DataCenterId id() {
    return new DataCenterId(id);
  }

  public String name() {
    return name;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  public NetworkLink link() {
    return link;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Optimistic-lock version, raised by the catalog on every change. */
  public long version() {
    return version;
  }
}
