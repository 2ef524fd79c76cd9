package vn.doan.notificationservice.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When units are reminded, in days before and after a due date (default 7 and 1 before, 1 and 7 after),
 * how often the sweep runs, and the quiet hours in which nothing is sent. A late unit's upper level hears
 * of it through the staff of {@code lateDepartment} (default VP, Văn phòng); from {@code escalateAfterDays}
 * late on (default 7), the upper level's secretary does instead: lateness is escalated.
 */
@ConfigurationProperties("doan.reminders")
public record ReminderRules(List<Integer> daysBefore, List<Integer> daysAfter, Duration interval, LocalTime quietFrom, LocalTime quietUntil,
        Integer escalateAfterDays, String lateDepartment) {

    public ReminderRules {
        daysBefore = daysBefore == null ? List.of(7, 1) : daysBefore;
        daysAfter = daysAfter == null ? List.of(1, 7) : daysAfter;
        escalateAfterDays = escalateAfterDays == null ? 7 : escalateAfterDays;
        lateDepartment = lateDepartment == null ? "VP" : lateDepartment;
    }

    /** Whether a rule ("after-7") is late enough to go to the superior. */
    public boolean escalates(String rule) {
        return rule.startsWith("after-") && Integer.parseInt(rule.substring("after-".length())) >= escalateAfterDays;
    }

    /**
     * The rule in force on {@code today} for a report due on {@code due}: before it, the closest offset
     * not below the days left ("before-7" from 7 days to 2 days before, "before-1" on the last day and
     * the day itself); after it, the largest offset already passed ("after-1", then "after-7" from the
     * seventh day late on). Empty when no rule applies yet.
     */
    public Optional<String> ruleFor(LocalDate due, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, due);
        if (left >= 0) {
            return daysBefore.stream().filter(d -> d >= left).min(Comparator.naturalOrder()).map(d -> "before-" + d);
        }
        return daysAfter.stream().filter(d -> d <= -left).max(Comparator.naturalOrder()).map(d -> "after-" + d);
    }

    public boolean quiet(LocalTime now) {
        if (quietFrom == null || quietUntil == null) {
            return false;
        }
        return quietFrom.isAfter(quietUntil)
                ? !now.isBefore(quietFrom) || now.isBefore(quietUntil)
                : !now.isBefore(quietFrom) && now.isBefore(quietUntil);
    }
}
