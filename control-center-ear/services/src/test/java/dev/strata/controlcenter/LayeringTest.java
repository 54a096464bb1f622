package dev.strata.controlcenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: interfaces -> application -> domain <- infrastructure. */
class LayeringTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.strata.controlcenter");

  @Test
  void nothingHereDependsOnTheRestInterface() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.controlcenter..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.strata.controlcenter.interfaces..")
        .check(CLASSES);
  }

  @Test
  void applicationServicesDoNotTalkToDevicesDirectly() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.controlcenter.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.strata.disk..",
            "dev.strata.vtl..",
            "dev.strata.tape..",
            "org.quartz..",
            "org.flywaydb..",
            "jakarta.ws.rs..")
        .check(CLASSES);
  }
}
