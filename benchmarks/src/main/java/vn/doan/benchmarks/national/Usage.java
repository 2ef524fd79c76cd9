package vn.doan.benchmarks.national;

import java.util.Map;

/** What each part of the stack used since it was made, brought up to date at every sample. */
interface Usage {

    void update();

    /** CPU nanoseconds by part. */
    Map<String, Long> used();

    /** Largest resident set by part, where parts are processes; else empty. */
    Map<String, Long> maxRssMib();

    /** How it is counted, for the results. */
    String method();
}
