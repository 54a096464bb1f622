package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The migrations apply cleanly, twice in a row is a no-op, and the constraints hold, on H2 always
 * and on PostgreSQL when one is reachable (CI always has one; STRATA_REQUIRE_POSTGRES=true makes
 * its absence a failure rather than a skip).
 */
class MigrationsTest {

  @Test
  void applyToH2() throws Exception {
    check("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1", "sa", "", null);
  }

  @Test
  void applyToPostgres() throws Exception {
    String url = System.getProperty("strata.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    String schema = "strata_migrations_test";
    boolean reachable;
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      reachable = true;
      try (Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      reachable = false;
    }
    if (!reachable && Boolean.getBoolean("strata.require.postgres")) {
      throw new AssertionError("PostgreSQL required but not reachable at " + url);
    }
    assumeTrue(reachable, "PostgreSQL not reachable at " + url);
    check(url, "postgres", "", schema);
  }

  private static void check(String url, String user, String password, String schema)
      throws Exception {
    var config =
        Flyway.configure()
            .dataSource(url, user, password)
            .locations("db/migration", "db/vendor/" + (schema == null ? "h2" : "postgresql"));
    if (schema != null) {
      config.schemas(schema).createSchemas(true);
    }
    Flyway flyway = config.load();
    MigrateResult first = flyway.migrate();
    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
    assertThat(flyway.migrate().migrationsExecuted).isZero();
    flyway.validate();

    String prefix = schema == null ? "" : schema + ".";
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO "
              + prefix
              + "data_center (id, name, link, created_at, updated_at, version)"
              + " VALUES ('dc', 'DC', 'WAN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO "
                          + prefix
                          + "data_center (id, name, link, created_at, updated_at, version)"
                          + " VALUES ('dc2', 'DC', 'CARRIER_PIGEON', CURRENT_TIMESTAMP,"
                          + " CURRENT_TIMESTAMP, 0)"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO "
                          + prefix
                          + "storage_target (id, data_center_id, kind, name, endpoint, state,"
                          + " created_at, updated_at, version) VALUES ('t', 'nowhere', 'DISK',"
                          + " 't', 'file:/x', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)"))
          .isInstanceOf(SQLException.class);

      s.execute(
          "INSERT INTO "
              + prefix
              + "tenant (id, name, created_at, version) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP,"
              + " 0)");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO "
                          + prefix
                          + "principal (name, kind, role, tenant_id, created_at, version) VALUES"
                          + " ('root', 'OPERATOR', 'ADMIN', 'acme', CURRENT_TIMESTAMP, 0)"))
          .as("an operator belongs to no tenant")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO "
                          + prefix
                          + "principal (name, kind, role, tenant_id, password_hash, created_at,"
                          + " version) VALUES ('laptop', 'AGENT', 'AGENT', 'acme', 'x',"
                          + " CURRENT_TIMESTAMP, 0)"))
          .as("an agent has no password")
          .isInstanceOf(SQLException.class);
      s.execute(
          "INSERT INTO "
              + prefix
              + "audit_event (at, operation, outcome, status) VALUES (CURRENT_TIMESTAMP, 'x',"
              + " 'REFUSED', 401)");
      if (schema != null) {
        assertThatThrownBy(() -> s.execute("UPDATE " + prefix + "audit_event SET status = 200"))
            .as("the audit trail is append-only")
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> s.execute("DELETE FROM " + prefix + "audit_event"))
            .hasMessageContaining("append-only");
      }
    }
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
