package vn.doan.benchmarks.national;

import java.util.Random;

/**
 * How the load driver sends reports: one a request through {@code POST /api/reports}, or many through
 * {@code POST /api/reports/batch} — as a phone that was offline sends its queue (5–20), or as a district sends the sheet
 * of its units' paper reports (100–500, the most a batch takes). Each batch's size is drawn between the bounds.
 */
enum Batching {
    NONE(1, 1), PHONE(5, 20), SHEET(100, 500);

    final int min;
    final int max;

    Batching(int min, int max) {
        this.min = min;
        this.max = max;
    }

    static Batching of(String option) {
        for (Batching b : values()) {
            if (b.name().equalsIgnoreCase(option)) {
                return b;
            }
        }
        throw new IllegalArgumentException("--batch is none, phone or sheet, not " + option);
    }

    /** The next batch's size, between the bounds. */
    int size(Random random) {
        return min + random.nextInt(max - min + 1);
    }
}
