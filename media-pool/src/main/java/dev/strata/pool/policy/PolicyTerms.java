package dev.strata.pool.policy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.Text;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a QoS policy promises, validated as a whole: every value is checked on its own and against
 * the others (the spread and the media-class requirements fit in the number of copies, the
 * immutability period fits in the retention), and a violation names the field.
 *
 * @param copies how many copies of every pack exist, each on a different target
 * @param minDataCenters how many distinct data centers those copies span at least; equal to {@code
 *     copies} means no two copies share a data center
 * @param minCopiesPerClass at least this many of the copies on each media class (absent = 0), for
 *     example one on TAPE for an offline copy and one on DISK for a fast restore
 * @param immutability how long after it is written a copy cannot be deleted or changed
 * @param retention how long a snapshot is kept
 * @param verificationInterval how often every copy is read back
 * @param verificationDepth how much of a copy each verification reads
 * @param floor the service a target must deliver to receive a copy
 * @param restoreTimeObjective at least one copy sits on a target that can restore the snapshot
 *     within this time, by its measured latency and read throughput
 * @param price what the tenant pays per GiB-month stored under this policy
 * @param description a line for operators and tenants, or {@code null}
 */
public record PolicyTerms(
    int copies,
    int minDataCenters,
    Map<MediaClass, Integer> minCopiesPerClass,
    Duration immutability,
    Duration retention,
    Duration verificationInterval,
    VerificationDepth verificationDepth,
    ServiceFloor floor,
    Duration restoreTimeObjective,
    PricePerGibMonth price,
    String description) {

  public static final int MAX_COPIES = 16;
  public static final int MAX_DESCRIPTION = 500;
  public static final Duration MAX_PERIOD = Duration.ofDays(36_525);
  public static final Duration MIN_VERIFICATION_INTERVAL = Duration.ofHours(1);

  public PolicyTerms {
    if (copies < 1 || copies > MAX_COPIES) {
      throw new InvalidValueException(
          "copies", "copies is 1 to " + MAX_COPIES + " (got " + copies + ")");
    }
    if (minDataCenters < 1 || minDataCenters > copies) {
      throw new InvalidValueException(
          "minDataCenters",
          "minDataCenters is 1 to the number of copies, "
              + copies
              + " (got "
              + minDataCenters
              + ")");
    }
    EnumMap<MediaClass, Integer> classes = new EnumMap<>(MediaClass.class);
    int sum = 0;
    if (minCopiesPerClass != null) {
      for (Map.Entry<MediaClass, Integer> e : minCopiesPerClass.entrySet()) {
        Objects.requireNonNull(e.getKey(), "media class");
        int n = e.getValue() == null ? 0 : e.getValue();
        if (n < 0) {
          throw new InvalidValueException(
              "minCopiesPerClass." + e.getKey(), "a media-class requirement is not negative");
        }
        if (n > 0) {
          classes.put(e.getKey(), n);
          sum += n;
        }
      }
    }
    if (sum > copies) {
      throw new InvalidValueException(
          "minCopiesPerClass",
          "the media-class requirements ask for "
              + sum
              + " copies, more than the "
              + copies
              + " the policy keeps");
    }
    minCopiesPerClass = Collections.unmodifiableMap(classes);
    requirePeriod("retention", retention, Duration.ofDays(1));
    requirePeriod("immutability", immutability, Duration.ZERO);
    if (immutability.compareTo(retention) > 0) {
      throw new InvalidValueException(
          "immutability",
          "the immutability period ("
              + immutability.toDays()
              + " days) cannot outlast the retention ("
              + retention.toDays()
              + " days)");
    }
    requirePeriod("verificationInterval", verificationInterval, MIN_VERIFICATION_INTERVAL);
    requirePeriod("restoreTimeObjective", restoreTimeObjective, Duration.ofMinutes(1));
    if (verificationDepth == null) {
      throw new InvalidValueException("verificationPercent", "verification depth is required");
    }
    if (floor == null) {
      throw new InvalidValueException("floor", "a service floor is required (ServiceFloor.NONE)");
    }
    if (price == null) {
      throw new InvalidValueException("price", "a price is required");
    }
    description = Text.optional("description", description, MAX_DESCRIPTION);
  }

  private static void requirePeriod(String field, Duration d, Duration min) {
    if (d == null) {
      throw new InvalidValueException(field, field + " is required");
    }
    if (d.compareTo(min) < 0 || d.compareTo(MAX_PERIOD) > 0) {
      throw new InvalidValueException(
          field, field + " must be between " + min + " and 100 years (got " + d + ")");
    }
    if (d.getNano() != 0) {
      throw new InvalidValueException(field, field + " is a whole number of seconds");
    }
  }

  /** At least this many copies on {@code mediaClass} (0 when the policy does not ask). */
  public int minCopies(MediaClass mediaClass) {
    return minCopiesPerClass.getOrDefault(mediaClass, 0);
  }

  /** The copies these terms require, as the planner and the protection state read them. */
  public CopyRequirements requirements() {
    return CopyRequirements.of(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds terms field by field; {@link #build()} validates them all. */
  public static final class Builder {
    private int copies = 1;
    private int minDataCenters = 1;
    private final EnumMap<MediaClass, Integer> classes = new EnumMap<>(MediaClass.class);
    private Duration immutability = Duration.ZERO;
    private Duration retention;
    private Duration verificationInterval;
    private VerificationDepth verificationDepth = VerificationDepth.ALL;
    private ServiceFloor floor = ServiceFloor.NONE;
    private Duration restoreTimeObjective;
    private PricePerGibMonth price;
    private String description;

    private Builder() {}

    public Builder copies(int copies) {
      this.copies = copies;
      return this;
    }

    public Builder minDataCenters(int n) {
      this.minDataCenters = n;
      return this;
    }

    public Builder atLeast(int n, MediaClass mediaClass) {
      classes.put(mediaClass, n);
      return this;
    }

    public Builder immutability(Duration d) {
      this.immutability = d;
      return this;
    }

    public Builder retention(Duration d) {
      this.retention = d;
      return this;
    }

    public Builder verifyEvery(Duration interval, VerificationDepth depth) {
      this.verificationInterval = interval;
      this.verificationDepth = depth;
      return this;
    }

    public Builder floor(ServiceFloor floor) {
      this.floor = floor;
      return this;
    }

    public Builder restoreTimeObjective(Duration d) {
      this.restoreTimeObjective = d;
      return this;
    }

    public Builder price(PricePerGibMonth price) {
      this.price = price;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public PolicyTerms build() {
      return new PolicyTerms(
          copies,
          minDataCenters,
          classes,
          immutability,
          retention,
          verificationInterval,
          verificationDepth,
          floor,
          restoreTimeObjective,
          price,
          description);
    }
  }
}
