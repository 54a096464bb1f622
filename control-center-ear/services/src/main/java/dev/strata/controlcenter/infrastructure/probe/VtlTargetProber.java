package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import dev.strata.tape.Element;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.LibraryConfigException;
import dev.strata.vtl.VirtualLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;

/**
 * Probes in-process virtual tape libraries ({@code vtl:/path}): the library must open and report
 * its inventory; capacity is that of its data cartridges. Drive I/O is not emulated yet (issue 4),
 * so no data-path test is made and the pool rates the library as degraded rather than pretending it
 * was tested. Remote libraries ({@code vtl://host:port}) have no driver yet.
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
    VirtualLibrary library;
    try {
      library = VirtualLibrary.open(Path.of(target.endpoint().getPath()));
    } catch (LibraryConfigException e) {
      return ProbeMeasurement.unreachable(e.getMessage());
    }
    LibraryConfig c = library.config();
    long cartridges = library.inventory().stream().filter(Element::full).count();
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
