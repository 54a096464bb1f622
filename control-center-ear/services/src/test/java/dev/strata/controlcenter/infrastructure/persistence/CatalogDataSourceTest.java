package dev.strata.controlcenter.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogDataSourceTest {
  @TempDir Path dir;

  @Test
  void embeddedMeansH2FilesUnderTheDataDirectory() {
    assertThat(CatalogDataSource.resolve("embedded", "/srv/strata"))
        .startsWith("jdbc:h2:file:/srv/strata/catalog/strata;")
        .contains("WRITE_DELAY=0");
    assertThat(CatalogDataSource.resolve("${MPCONFIG=strata.db.url}", "/d"))
        .startsWith("jdbc:h2:file:/d/catalog/strata");
    assertThat(CatalogDataSource.resolve("  ", "/d")).startsWith("jdbc:h2:file:/d/");
    assertThat(CatalogDataSource.resolve("jdbc:postgresql://db:5432/strata", "/d"))
        .isEqualTo("jdbc:postgresql://db:5432/strata");
  }

  @Test
  void unresolvedOrBlankSettingsFallBackToDefaults() {
    assertThat(CatalogDataSource.orDefault(null, "x")).isEqualTo("x");
    assertThat(CatalogDataSource.orDefault("${MPCONFIG=a}", "x")).isEqualTo("x");
    assertThat(CatalogDataSource.orDefault(" v ", "x")).isEqualTo("v");
  }

  @Test
  void opensAnEmbeddedCatalogInTheDataDirectory() throws SQLException {
    CatalogDataSource ds = new CatalogDataSource();
    ds.setDataDir(dir.toString());
    try (Connection c = ds.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
    assertThat(dir.resolve("catalog/strata.mv.db")).exists();
  }

  @Test
  void refusesAnUnsupportedDatabase() {
    CatalogDataSource ds = new CatalogDataSource();
    ds.setUrl("jdbc:mysql://localhost/strata");
    assertThatThrownBy(ds::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("jdbc:postgresql:");
  }
}
