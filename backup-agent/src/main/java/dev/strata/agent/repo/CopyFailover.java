package dev.strata.agent.repo;

import dev.strata.disk.PackName;

/**
 * A store that holds several copies of a pack (the control center's) and can switch to the next one
 * when the bytes read from the current copy do not authenticate: the repository asks it before it
 * calls a blob damaged.
 */
public interface CopyFailover {
  /**
   * Gives up the copy of {@code pack} read last, for {@code reason}; true when another copy will be
   * read from now on.
   */
  boolean nextCopy(PackName pack, String reason);
}
