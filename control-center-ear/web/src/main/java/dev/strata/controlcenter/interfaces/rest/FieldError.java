package dev.strata.controlcenter.interfaces.rest;

/**
 * One thing wrong with a request.
 *
 * @param field the JSON field, query parameter or header at fault ({@code body} for the whole body)
 * @param message what is wrong with it, in words an operator understands
 */
public record FieldError(String field, String message) {}
