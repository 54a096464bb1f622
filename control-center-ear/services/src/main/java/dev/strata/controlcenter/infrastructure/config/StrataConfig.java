package dev.strata.controlcenter.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The control center's settings, read once through MicroProfile Config (system properties, then
 * environment variables such as {@code STRATA_DATA_DIR}, then {@code
 * META-INF/microprofile-config.properties}). Nothing else in the code reads configuration.
 */
@ApplicationScoped
public class StrataConfig {

  @Inject
  @ConfigProperty(name = "strata.data.dir", defaultValue = "strata-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "strata.embedded.provision", defaultValue = "true")
  boolean provisionEmbedded;

  @Inject
  @ConfigProperty(name = "strata.probe.interval.seconds", defaultValue = "60")
  long probeIntervalSeconds;

  @Inject
  @ConfigProperty(name = "strata.probe.bytes", defaultValue = "1048576")
  int probeBytes;

  @Inject
  @ConfigProperty(name = "strata.probe.timeout.seconds", defaultValue = "120")
  long probeTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "strata.probe.min-free-ratio", defaultValue = "0.05")
  double minFreeRatio;

  /** Root of everything the control center keeps on local disk (catalog, embedded devices). */
  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** Whether a fresh catalog gets the embedded data center {@code local} with a VTL and a disk. */
  public boolean provisionEmbedded() {
    return provisionEmbedded;
  }

  public Duration probeInterval() {
    if (probeIntervalSeconds < 1) {
      throw new IllegalStateException("strata.probe.interval.seconds must be at least 1");
    }
    return Duration.ofSeconds(probeIntervalSeconds);
  }

  /** How long one probe may take before its target is reported unreachable. */
  public Duration probeTimeout() {
    if (probeTimeoutSeconds < 1) {
      throw new IllegalStateException("strata.probe.timeout.seconds must be at least 1");
    }
    return Duration.ofSeconds(probeTimeoutSeconds);
  }

  public int probeBytes() {
    return probeBytes;
  }

  public double minFreeRatio() {
    return minFreeRatio;
  }
}
