package dev.strata.controlcenter.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the catalog data source and brings the catalog schema to the newest version at start-up,
 * before anything else touches it. The migrations live in the {@code sql/} module ({@code
 * db/migration} on the class path); Flyway's history table makes a restart a no-op and refuses a
 * catalog that is newer than this build.
 */
@DataSourceDefinition(
    name = CatalogMigration.DATA_SOURCE,
    className = "dev.strata.controlcenter.infrastructure.persistence.CatalogDataSource",
    url = "${MPCONFIG=strata.db.url}",
    user = "${MPCONFIG=strata.db.user}",
    password = "${MPCONFIG=strata.db.password}",
    minPoolSize = 1,
    maxPoolSize = 16,
    properties = {"dataDir=${MPCONFIG=strata.data.dir}"})
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogMigration {
  public static final String DATA_SOURCE = "java:app/jdbc/strata";
  private static final Logger LOG = Logger.getLogger(CatalogMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  private String schemaVersion;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(CatalogMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
            .failOnMissingLocations(true)
            .load();
    MigrateResult result = flyway.migrate();
    boolean fresh = result.initialSchemaVersion == null;
    schemaVersion =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "catalog schema at version "
                + schemaVersion
                + (fresh ? " (new catalog)" : "")
                + ", "
                + result.migrationsExecuted
                + " migration(s) applied");
  }

  /** The directory of the catalog database's own migrations: {@code postgresql} or {@code h2}. */
  private String vendor() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres") ? "postgresql" : "h2";
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the catalog database", e);
    }
  }

  /** The catalog schema version after migration (for health reporting). */
  public String schemaVersion() {
    return schemaVersion;
  }
}
