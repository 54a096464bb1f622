package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import dev.strata.tape.Element;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualTapeLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Probes in-process virtual tape libraries ({@code vtl:/path}): the library must open and report
 * its current inventory; capacity is that of its data cartridges. No data-path test is made yet
 * (writing a probe block needs a drive and a scratch cartridge reserved from the jobs that use
 * them), so the pool rates the library as degraded rather than pretending it was tested. Remote
 * libraries ({@code vtl://host:port}) have no driver yet.
 */
@ApplicationScoped
public class VtlTargetProber implements TargetProber {

  @Override
  public boolean supports(StorageTarget target) {
    URI e = target.endpoint();
    return target.kind() == TargetKind.VTL
        && "vtl".equals(e.getScheme())
        && e.getAuthority() == null;
  }

  @Override
  public ProbeMeasurement probe(StorageTarget target) {
    VirtualTapeLibrary library;
    long cartridges;
    try {
      library = VirtualTapeLibrary.open(Path.of(target.endpoint().getPath()));
      cartridges = library.inventory().stream().filter(Element::full).count();
    } catch (IOException e) {
      return ProbeMeasurement.unreachable(e.getMessage());
    }
    LibraryConfig c = library.config();
    long capacity = library.capacityBytes();
    return new ProbeMeasurement(
        true,
        capacity,
        capacity,
        0,
        null,
        null,
        false,
        c.drives()
            + " drive(s), "
            + c.slots()
            + " slots, "
            + cartridges
            + " cartridge(s) of "
            + c.cartridgeType());
  }
}
