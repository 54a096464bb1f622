/**
 * The formats of a Strata repository, readable without the catalog: the repository config, key
 * files, packs of encrypted blobs with their signed trailer, tree blobs and snapshot manifests.
 * Specified in {@code docs/formats/repository.md}; golden fixtures in the tests pin every layout.
 */
package dev.strata.format.repo;
