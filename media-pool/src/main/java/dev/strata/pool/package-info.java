/**
 * The domain of Strata's media resource pool: the data centers, the storage targets they hold (tape
 * libraries, virtual tape libraries, disks, object stores) and the probes that measure whether a
 * target can still give the service asked of it.
 *
 * <p>Plain Java on purpose: no container, persistence, transport or device code is imported here
 * (an ArchUnit test keeps it so). Persistent classes keep their state in plain fields so that the
 * control center can map them with an external {@code orm.xml}; their public methods speak in value
 * types.
 */
package dev.strata.pool;
