package vn.doan.benchmarks.national;

/**
 * p50, p95, p99 and the largest of a sorted sample, in milliseconds: whole ones ({@link #ofMillis}) or to a tenth
 * ({@link #ofNanos}); null for an empty sample, so that a section written with it unwrapped has no such keys.
 */
record Percentiles<N extends Number>(N p50Ms, N p95Ms, N p99Ms, N maxMs) {

    static Percentiles<Long> ofMillis(long[] sortedMs) {
        if (sortedMs.length == 0) {
            return null;
        }
        return new Percentiles<>(sortedMs[at(sortedMs.length, 0.50)], sortedMs[at(sortedMs.length, 0.95)], sortedMs[at(sortedMs.length, 0.99)],
                sortedMs[sortedMs.length - 1]);
    }

    static Percentiles<Double> ofNanos(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return null;
        }
        return new Percentiles<>(ms(sortedNanos[at(sortedNanos.length, 0.50)]), ms(sortedNanos[at(sortedNanos.length, 0.95)]),
                ms(sortedNanos[at(sortedNanos.length, 0.99)]), ms(sortedNanos[sortedNanos.length - 1]));
    }

    /** The p99 of a sorted sample as it is, unrounded (for judging a bar); null for an empty sample. */
    static Double p99(double[] sorted) {
        return sorted.length == 0 ? null : sorted[at(sorted.length, 0.99)];
    }

    /** As the Markdown tables print them: {@code p50 …, p95 …, p99 …, max …}. */
    static String text(Percentiles<?> p) {
        return p == null ? "p50 null, p95 null, p99 null, max null"
                : "p50 " + p.p50Ms() + ", p95 " + p.p95Ms() + ", p99 " + p.p99Ms() + ", max " + p.maxMs();
    }

    private static int at(int length, double quantile) {
        return Math.min(length - 1, (int) (length * quantile));
    }

    private static double ms(long nanos) {
        return Rounding.tenth(nanos / 1e6);
    }
}
