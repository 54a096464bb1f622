package dev.strata.controlcenter.infrastructure.embedded;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.PolicyService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A catalog without any policy gets the documented defaults ({@code gold}, {@code silver}, {@code
 * bronze}; docs/policies.md), defined as data by the domain, at start-up. A catalog that has
 * policies keeps them as they are: an operator's revisions are never overwritten.
 */
@Singleton
@Startup
@DependsOn("CatalogMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultPolicySeeding {
  private static final Logger LOG = Logger.getLogger(DefaultPolicySeeding.class.getName());

  @Inject PolicyService policies;

  @PostConstruct
  void seed() {
    int n = policies.seedDefaults(Caller.SYSTEM);
    if (n > 0) {
      LOG.info(() -> "defined the " + n + " default QoS policies (gold, silver, bronze)");
    }
  }
}
