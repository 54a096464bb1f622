package dev.strata.controlcenter.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The catalog's JDBC data source, instantiated and pooled by the container from the
 * {@code @DataSourceDefinition} in {@link CatalogMigration}. It picks the driver from the URL, so
 * that one deployable serves both the embedded H2 default and PostgreSQL:
 *
 * <ul>
 *   <li>{@code embedded} (the default): an H2 database in {@code <strata.data.dir>/catalog};
 *   <li>{@code jdbc:h2:...}: any H2 URL;
 *   <li>{@code jdbc:postgresql://host:port/db}: PostgreSQL.
 * </ul>
 *
 * It also sidesteps a container quirk where a PostgreSQL data source given only a URL connected to
 * localhost: the URL is handed to the driver's own parser.
 */
public class CatalogDataSource implements DataSource {
  /** H2 settings: write each commit at once so a killed process loses no acknowledged change. */
  static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

  static final String DEFAULT_DATA_DIR = "strata-data";

  private String url = "embedded";
  private String user = "";
  private String password = "";
  private String dataDir = DEFAULT_DATA_DIR;
  private volatile DataSource delegate;
  private PrintWriter logWriter;
  private int loginTimeout;

  public void setUrl(String url) {
    this.url = orDefault(url, "embedded");
  }

  public void setURL(String url) {
    setUrl(url);
  }

  /** Where the embedded catalog lives: {@code <dataDir>/catalog}. */
  public void setDataDir(String dataDir) {
    this.dataDir = orDefault(dataDir, DEFAULT_DATA_DIR);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = orDefault(user, "");
  }

  public void setPassword(String password) {
    this.password = orDefault(password, "");
  }

  /**
   * The container resolves {@code ${MPCONFIG=...}} from system properties and environment variables
   * only (this runs before the application's own config file is visible); a setting that is nowhere
   * arrives blank or as the unresolved expression and means "use the default".
   */
  static String orDefault(String value, String fallback) {
    if (value == null || value.isBlank() || value.startsWith("${")) {
      return fallback;
    }
    return value.strip();
  }

  /** Turns the configured URL into the JDBC URL actually used. */
  static String resolve(String configured, String dataDir) {
    String u = orDefault(configured, "embedded");
    if (u.equals("embedded")) {
      String dir = java.nio.file.Path.of(dataDir).toAbsolutePath().normalize().toString();
      return "jdbc:h2:file:" + dir + "/catalog/strata" + H2_SETTINGS;
    }
    return u;
  }

  private DataSource delegate() throws SQLException {
    DataSource d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = create();
          delegate = d;
        }
      }
    }
    return d;
  }

  private DataSource create() throws SQLException {
    String jdbc = resolve(url, dataDir);
    if (jdbc.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbc);
      h2.setUser(user.isEmpty() ? "sa" : user);
      h2.setPassword(password);
      return h2;
    }
    if (jdbc.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(jdbc);
      if (!user.isEmpty()) {
        pg.setUser(user);
      }
      if (!password.isEmpty()) {
        pg.setPassword(password);
      }
      return pg;
    }
    throw new SQLException(
        "strata.db.url must be 'embedded', a jdbc:h2: URL or a jdbc:postgresql: URL (got '"
            + jdbc
            + "')");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    return delegate().getConnection(username, pass);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
