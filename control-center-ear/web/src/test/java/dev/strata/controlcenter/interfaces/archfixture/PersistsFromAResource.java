package dev.strata.controlcenter.interfaces.archfixture;

import jakarta.persistence.EntityManager;

/** Breaks a layering rule on purpose: a REST adapter reaching for the EntityManager. */
public class PersistsFromAResource {
  EntityManager em;
}
