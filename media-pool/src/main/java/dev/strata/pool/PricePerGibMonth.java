package dev.strata.pool;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money per GiB stored for one month, exact to a millionth of the currency unit (so
 * 0.0125 per GiB-month is 12 500 micros). Used both for what a policy charges its tenant and for
 * what a target costs its operator. The system bills in one currency, configured once for the whole
 * control center, so the amount carries no currency code.
 *
 * @param micros millionths of the currency unit, never negative
 */
public record PricePerGibMonth(long micros) implements Comparable<PricePerGibMonth> {
  /** Upper bound that keeps every bill computed from it far from {@code long} overflow. */
  public static final long MAX_MICROS = 1_000_000_000_000L;

  public static final PricePerGibMonth ZERO = new PricePerGibMonth(0);

  public PricePerGibMonth {
    if (micros < 0 || micros > MAX_MICROS) {
      throw new InvalidValueException(
          "price", "a price per GiB-month must be between 0 and 1000000 currency units");
    }
  }

  public static PricePerGibMonth ofMicros(long micros) {
    return new PricePerGibMonth(micros);
  }

  /** Parses a decimal such as {@code "0.0125"}; more than six decimals is refused, not rounded. */
  public static PricePerGibMonth ofDecimal(String decimal) {
    BigDecimal d;
    try {
      d = new BigDecimal(decimal.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new InvalidValueException("price", "price is not a decimal number: '" + decimal + "'");
    }
    if (d.stripTrailingZeros().scale() > 6) {
      throw new InvalidValueException(
          "price", "a price has at most six decimals (got '" + decimal + "')");
    }
    if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(MAX_MICROS / 1_000_000)) > 0) {
      throw new InvalidValueException(
          "price", "a price per GiB-month must be between 0 and 1000000 currency units");
    }
    return new PricePerGibMonth(
        d.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
  }

  /** The amount in currency units, with exactly six decimals. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(micros, 6);
  }

  @Override
  public int compareTo(PricePerGibMonth o) {
    return Long.compare(micros, o.micros);
  }

  @Override
  public String toString() {
    return toDecimal().stripTrailingZeros().toPlainString();
  }
}
