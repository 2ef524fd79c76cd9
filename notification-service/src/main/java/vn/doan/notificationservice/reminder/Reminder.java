package vn.doan.notificationservice.reminder;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.UnitPeriod;

/**
 * One reminder in a unit's reminder log. Its id is the unit's period ({@code plan|period|unit}) | rule | due date, so
 * however many sweeps, restarts or replicas try, a unit gets one reminder per rule and due date; a revised due date
 * starts the rules afresh.
 */
@Document("reminders")
public record Reminder(
        @Id String id,
        @Indexed String unitId,
        String unitName,
        String planId,
        String planNumber,
        String periodId,
        LocalDate dueDate,
        String rule,
        String message,
        Instant createdAt,
        boolean read) {

    static String key(UnitPeriod unitPeriod, String rule, LocalDate dueDate) {
        return unitPeriod.id() + "|" + rule + "|" + dueDate;
    }
}
