/**
 * Test helpers shared by several modules, kept in one place instead of copied: today {@link
 * dev.strata.testkit.CephRgw}, a real S3 server that enforces object lock. Only ever a test-scoped
 * dependency.
 */
package dev.strata.testkit;
