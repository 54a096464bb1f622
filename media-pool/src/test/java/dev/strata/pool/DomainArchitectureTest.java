package dev.strata.pool;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The domain imports no container, persistence, transport, scheduler, file or device code, reads no
 * clock, environment or randomness of its own, and its packages depend one way: policy and rank on
 * the core, placement on policy and rank, catalog on policy.
 */
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
            "java.io..",
            "java.nio.file..",
            "java.nio.channels..",
            "java.net.http..",
            "java.util.concurrent..")
        .check(DOMAIN);
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("java.net")
                .and(not(simpleName("URI")))
                .and(not(simpleName("URISyntaxException"))))
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

  @Test
  void domainTakesTimeAndRandomnessFromItsCallers() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .orShould()
        .callConstructor(Random.class)
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Math.class, "random")
        .check(DOMAIN);
  }

  @Test
  void subPackagesDependOneWay() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.strata.pool.policy..", "dev.strata.pool.rank..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.pool.placement..", "dev.strata.pool.catalog..")
        .check(DOMAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.strata.pool.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.strata.pool.rank..")
        .check(DOMAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.strata.pool.placement..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.strata.pool.catalog..")
        .check(DOMAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.strata.pool.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.strata.pool.placement..", "dev.strata.pool.rank..")
        .check(DOMAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.strata.pool")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.pool.policy..",
            "dev.strata.pool.rank..",
            "dev.strata.pool.placement..",
            "dev.strata.pool.catalog..")
        .check(DOMAIN);
  }
}
