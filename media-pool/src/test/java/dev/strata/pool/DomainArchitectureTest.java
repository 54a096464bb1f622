package dev.strata.pool;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain imports no container, persistence, transport, scheduler or device code. */
class DomainArchitectureTest {
  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.strata.pool");

  @Test
  void domainDependsOnNoFrameworkOrDevice() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "javax..",
            "org.hibernate..",
            "org.quartz..",
            "org.flywaydb..",
            "java.sql..",
            "java.nio.file..",
            "java.io.File",
            "java.net.http..")
        .check(DOMAIN);
  }

  @Test
  void domainDependsOnNoOtherStrataModule() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.strata..").and(resideOutsideOfPackage("dev.strata.pool..")))
        .check(DOMAIN);
  }
}
