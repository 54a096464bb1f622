package dev.strata.controlcenter;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST slice on the embedded default catalog (H2 files in the data directory). */
@ExtendWith(ArquillianExtension.class)
class ControlCenterH2IT extends ControlCenterContract {

  @Override
  String dataDirName() {
    return "h2";
  }

  @Deployment(testable = false)
  @TargetsContainer("micro-h2")
  static WebArchive deployment() {
    return shippedWar("h2");
  }
}
