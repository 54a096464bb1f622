/**
 * Application services of the control center: one method per use case, each a transaction boundary.
 * REST resources, Quartz jobs and (later) console actions call exactly one of these methods and
 * hold no business logic themselves.
 */
package dev.strata.controlcenter.application;
