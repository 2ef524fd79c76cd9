package vn.doan.support.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import vn.doan.events.EventCodec;

/** A clock a test sets, in Asia/Ho_Chi_Minh. Declare it as the service's {@code Clock} bean. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(String isoLocalDateTime) {
        set(isoLocalDateTime);
    }

    /** Sets the time, e.g. {@code "2016-11-18T10:00"}, read in Asia/Ho_Chi_Minh. */
    public void set(String isoLocalDateTime) {
        now = ZonedDateTime.of(java.time.LocalDateTime.parse(isoLocalDateTime), EventCodec.ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return EventCodec.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
