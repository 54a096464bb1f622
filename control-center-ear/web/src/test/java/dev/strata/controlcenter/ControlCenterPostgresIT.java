package dev.strata.controlcenter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST slice on PostgreSQL. Runs when a server answers on 127.0.0.1:5432; with {@code
 * -Dstrata.require.postgres=true} (as in CI) an unreachable server fails the build instead of
 * skipping the class.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf("postgresReachable")
class ControlCenterPostgresIT extends ControlCenterContract {
  static final String DATABASE = "strata_it";

  static boolean postgresReachable() {
    try (Connection c = admin()) {
      return c.isValid(5);
    } catch (SQLException e) {
      if (Boolean.getBoolean("strata.require.postgres")) {
        throw new IllegalStateException("PostgreSQL is required but not reachable", e);
      }
      return false;
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
  }

  @Override
  String dataDirName() {
    return "postgres";
  }

  @Deployment(testable = false)
  @TargetsContainer("micro-postgres")
  static WebArchive deployment() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    return shippedWar("postgres");
  }
}
