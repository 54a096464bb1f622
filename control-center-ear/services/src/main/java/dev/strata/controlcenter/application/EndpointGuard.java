package dev.strata.controlcenter.application;

import dev.strata.pool.TargetKind;
import java.net.URI;

/**
 * The operator's limits on what a storage target may point at, so that the control center cannot be
 * made to create, probe or delete files anywhere, or to reach arbitrary hosts (the cloud's metadata
 * service, link-local addresses, another machine's loopback) on an API caller's behalf.
 */
public interface EndpointGuard {

  /**
   * Returns normally when {@code endpoint} (already well formed for {@code kind}) lies within what
   * the operator allowed; otherwise throws {@link dev.strata.pool.InvalidValueException} for field
   * {@code endpoint}, saying which rule refused it.
   */
  void check(TargetKind kind, URI endpoint);
}
