package dev.strata.controlcenter.application.archfixture;

import jakarta.persistence.EntityManager;

/** Breaks a layering rule on purpose: an application service reaching for the EntityManager. */
public class UsesTheCatalogDirectly {
  EntityManager em;
}
