/**
 * The versioned REST API ({@code /api/v1}): thin adapters that check and convert a request, call
 * one application-service method, and render the answer. Every client error is an RFC 9457 {@code
 * application/problem+json} body naming the offending field.
 */
package dev.strata.controlcenter.interfaces.rest;
