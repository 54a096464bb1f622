package dev.strata.controlcenter.interfaces.security;

import dev.strata.pool.identity.ApiKeyToken;
import jakarta.security.enterprise.credential.Credential;

/** An API key presented as {@code Authorization: Bearer stk_...}. */
public record ApiKeyCredential(ApiKeyToken token) implements Credential {}
