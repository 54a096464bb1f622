package dev.strata.controlcenter.infrastructure.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What the operator allows the targets this control center reaches to point at.
 *
 * @param diskRoots directories under which {@code file:} targets may lie
 * @param vtlRoots directories under which in-process {@code vtl:} libraries may lie
 * @param tapeDevices glob patterns of device paths {@code mtx:} libraries may name
 * @param remoteHosts host names or addresses remote VTLs and object stores may name
 */
public record EndpointRoots(
    List<Path> diskRoots, List<Path> vtlRoots, List<String> tapeDevices, List<String> remoteHosts) {
  public EndpointRoots {
    diskRoots = List.copyOf(diskRoots);
    vtlRoots = List.copyOf(vtlRoots);
    tapeDevices = List.copyOf(tapeDevices);
    remoteHosts = List.copyOf(remoteHosts);
  }
}
