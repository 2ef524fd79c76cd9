package vn.doan.notificationservice.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The default rules around a six-month report due 15/05/2026. */
class ReminderRulesTest {

    private final ReminderRules rules = new ReminderRules(null, null, null, LocalTime.of(21, 0), LocalTime.of(7, 0), null, null);
    private final LocalDate due = LocalDate.of(2026, 5, 15);

    @Test
    void theRuleInForceOnEachDay() {
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 7))).isEmpty();
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 8))).contains("before-7");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 13))).contains("before-7");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 14))).contains("before-1");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 15))).contains("before-1");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 16))).contains("after-1");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 21))).contains("after-1");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 5, 22))).contains("after-7");
        assertThat(rules.ruleFor(due, LocalDate.of(2026, 12, 31))).contains("after-7");
    }

    @Test
    void aWeekLateIsEscalatedAndTheOfficeFollowsLateUnits() {
        assertThat(rules.escalates("after-1")).isFalse();
        assertThat(rules.escalates("after-7")).isTrue();
        assertThat(rules.escalates("before-7")).isFalse();
        assertThat(rules.lateDepartment()).isEqualTo("VP");
    }

    @Test
    void quietHoursSpanMidnight() {
        assertThat(rules.quiet(LocalTime.of(21, 0))).isTrue();
        assertThat(rules.quiet(LocalTime.of(6, 59))).isTrue();
        assertThat(rules.quiet(LocalTime.of(7, 0))).isFalse();
        assertThat(rules.quiet(LocalTime.of(20, 59))).isFalse();
    }
}
