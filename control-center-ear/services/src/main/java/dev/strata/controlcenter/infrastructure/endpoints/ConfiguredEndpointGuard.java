package dev.strata.controlcenter.infrastructure.endpoints;

import dev.strata.controlcenter.application.EndpointGuard;
import dev.strata.controlcenter.infrastructure.config.EndpointRoots;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TargetKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/** {@link EndpointGuard} over the roots and hosts of the control center's configuration. */
@ApplicationScoped
public class ConfiguredEndpointGuard implements EndpointGuard {

  @Inject StrataConfig config;

  @Override
  public void check(TargetKind kind, URI endpoint) {
    EndpointRoots roots = config.endpointRoots();
    EndpointRules rules =
        new EndpointRules(
            roots.diskRoots(),
            roots.vtlRoots(),
            roots.tapeDevices(),
            roots.remoteHosts(),
            HostResolver.SYSTEM);
    String refusal = rules.refusal(kind, endpoint);
    if (refusal != null) {
      throw new InvalidValueException("endpoint", refusal);
    }
  }
}
