package dev.strata.controlcenter.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: interfaces -> application -> domain <- infrastructure. Runs in the web
 * module, where the REST and the services classes are both on the class path (a rule about classes
 * it cannot see would pass whatever they do); {@link #theRulesCatchViolations} proves each rule
 * fails on a class that breaks it.
 */
class LayeringTest {
  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.strata.controlcenter");

  /** Application services use ports they own: no infrastructure, persistence, transports. */
  static final ArchRule APPLICATION_OWNS_ITS_PORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.strata.controlcenter.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.strata.controlcenter.infrastructure..",
              "dev.strata.controlcenter.interfaces..",
              "jakarta.persistence..",
              "jakarta.ws.rs..",
              "jakarta.servlet..",
              "dev.strata.disk..",
              "dev.strata.vtl..",
              "dev.strata.tape..",
              "org.quartz..",
              "org.flywaydb..",
              "org.hibernate..");

  /** Only the REST and HTTP adapters know the REST and HTTP adapters. */
  static final ArchRule NOTHING_DEPENDS_ON_INTERFACES =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.strata.controlcenter.interfaces..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.strata.controlcenter.interfaces..");

  /**
   * Adapters call application services; they never reach into the catalog themselves (they may know
   * its exceptions, which is how a lost concurrent update at commit becomes a 412).
   */
  static final ArchRule INTERFACES_DO_NOT_PERSIST =
      noClasses()
          .that()
          .resideInAPackage("dev.strata.controlcenter.interfaces..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "jakarta.persistence..",
                      "dev.strata.controlcenter.infrastructure.persistence..",
                      "org.quartz..")
                  .and(not(assignableTo(Throwable.class))));

  @Test
  void applicationServicesDependOnPortsTheyOwn() {
    APPLICATION_OWNS_ITS_PORTS.check(PRODUCTION);
  }

  @Test
  void nothingDependsOnTheInterfaces() {
    NOTHING_DEPENDS_ON_INTERFACES.check(PRODUCTION);
  }

  @Test
  void interfacesDoNotTouchTheCatalogDirectly() {
    INTERFACES_DO_NOT_PERSIST.check(PRODUCTION);
  }

  @Test
  void theRulesCatchViolations() {
    // Test classes that break each rule on purpose (packages named archfixture).
    JavaClasses violators =
        new ClassFileImporter()
            .importPackages(
                "dev.strata.controlcenter.application.archfixture",
                "dev.strata.controlcenter.interfaces.archfixture",
                "dev.strata.controlcenter.infrastructure.archfixture");
    assertThat(APPLICATION_OWNS_ITS_PORTS.evaluate(violators).hasViolation()).isTrue();
    assertThat(INTERFACES_DO_NOT_PERSIST.evaluate(violators).hasViolation()).isTrue();
    assertThat(NOTHING_DEPENDS_ON_INTERFACES.evaluate(violators).hasViolation()).isTrue();
  }
}
