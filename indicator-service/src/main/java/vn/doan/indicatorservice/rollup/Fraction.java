package vn.doan.indicatorservice.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measured value as an exact fraction, in the unit of its target (a percent, or a count). Values are compared with
 * targets through it, never rounded first: 1133 of 1333 is 84.996…%, shown as 85.00 but below "at least 85%".
 */
record Fraction(BigDecimal numerator, BigDecimal denominator, boolean percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** {@code part} × 100 / {@code whole}; null without a whole. */
    static Fraction percent(long part, long whole) {
        return whole == 0 ? null : new Fraction(BigDecimal.valueOf(part).multiply(HUNDRED), BigDecimal.valueOf(whole), true);
    }

    static Fraction count(long count) {
        return new Fraction(BigDecimal.valueOf(count), BigDecimal.ONE, false);
    }

    /** Whether {@code part} / {@code whole} as a percent is at least {@code target} (at most, for an "at most" rate). */
    static boolean meets(long part, long whole, BigDecimal target, boolean atMost) {
        Fraction share = percent(part, whole);
        if (share == null) {
            return false;
        }
        int against = share.compareTo(target);
        return atMost ? against <= 0 : against >= 0;
    }

    /** Negative, zero or positive as this is below, at or above {@code target}: numerator against target × denominator. */
    int compareTo(BigDecimal target) {
        return numerator.compareTo(target.multiply(denominator));
    }

    /** This against {@code target} × {@code times} / {@code per} (a share of the target, e.g. 292/365 of it), exactly. */
    int compareTo(BigDecimal target, long times, long per) {
        return numerator.multiply(BigDecimal.valueOf(per)).compareTo(target.multiply(BigDecimal.valueOf(times)).multiply(denominator));
    }

    /** For display: a percent to two decimals by {@code rounding}, a count as it is. */
    BigDecimal rounded(RoundingMode rounding) {
        return percent ? numerator.divide(denominator, 2, rounding) : numerator;
    }
}
