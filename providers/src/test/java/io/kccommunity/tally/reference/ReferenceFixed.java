package io.kccommunity.tally.reference;

import java.math.BigDecimal;
import java.math.BigInteger;

/** ReferenceFixed-point helpers: values are longs scaled by 10^places; products go through BigInteger when large. */
final class ReferenceFixed {

    private ReferenceFixed() {
    }

    /** floor(a * b / d) for non-negative a, b and positive d. */
    static long mulDiv(long a, long b, long d) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / d;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(d)).longValueExact();
    }

    /** floor(a * b * c / d) for non-negative a, b, c and positive d. */
    static long mulDiv(long a, long b, long c, long d) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c))
                .divide(BigInteger.valueOf(d)).longValueExact();
    }

    /** ceil(a * b / d) for non-negative a, b and positive d. */
    static long mulDivCeil(long a, long b, long d) {
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
        return qr[1].signum() == 0 ? qr[0].longValueExact() : qr[0].longValueExact() + 1;
    }

    static String format(long value, int places) {
        return BigDecimal.valueOf(value, places).toPlainString();
    }
}
