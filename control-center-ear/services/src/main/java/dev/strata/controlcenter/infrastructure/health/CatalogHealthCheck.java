package dev.strata.controlcenter.infrastructure.health;

import dev.strata.controlcenter.infrastructure.persistence.CatalogMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the catalog database answers. */
@Readiness
@ApplicationScoped
public class CatalogHealthCheck implements HealthCheck {

  @Resource(lookup = CatalogMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject CatalogMigration migration;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("catalog");
    try (Connection c = dataSource.getConnection()) {
      return response
          .status(c.isValid(2))
          .withData("database", c.getMetaData().getDatabaseProductName())
          .withData("schemaVersion", String.valueOf(migration.schemaVersion()))
          .build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
