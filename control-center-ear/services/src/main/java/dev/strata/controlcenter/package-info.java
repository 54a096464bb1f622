/**
 * The Strata control center: the stateful brain of the system. Layers, inward-pointing: {@code
 * interfaces} (REST, in the web module) call {@code application} services, which work on the domain
 * of {@code dev.strata.pool}; {@code infrastructure} implements the domain's ports with JPA,
 * Flyway, Quartz and the device modules.
 */
package dev.strata.controlcenter;
