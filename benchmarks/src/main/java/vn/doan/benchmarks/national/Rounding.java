package vn.doan.benchmarks.national;

/** How the results round their figures. */
final class Rounding {

    private Rounding() {
    }

    static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double tenThousandth(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
