package vn.doan.console.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The parts of the services' answers that the screens show, read from the JSON the gateway passes on (unknown
 * fields are ignored, so a service may add fields without breaking the console).
 */
public final class Api {

    private Api() {
    }

    public record Unit(String id, String code, String name, String level, String kind, String parentId, List<String> ancestorIds,
            String status) {
    }

    public record Plan(String id, String status, int version, String number, String title, String issuingUnitId, LocalDate issuedOn,
            LocalDate periodFrom, LocalDate periodTo, LocalDate closedOn, List<Indicator> indicators, List<Period> schedule) {

        public Indicator indicator(String code) {
            return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
        }

        public Period period(String periodId) {
            return schedule.stream().filter(p -> p.periodId().equals(periodId)).findFirst().orElse(null);
        }
    }

    public record Indicator(String code, String text, String kind, BigDecimal target, BigDecimal targetMax, List<String> reportingLevels,
            String department) {

        /** Shares and rates are typed as a numerator over a denominator. */
        public boolean share() {
            return kind.startsWith("SHARE") || kind.equals("RATE_AT_MOST");
        }

        public boolean count() {
            return kind.startsWith("COUNT");
        }

        public boolean yesNo() {
            return kind.equals("YES_NO");
        }

        /** A milestone or a task (nhiệm vụ): reported done, with its date, or not done. */
        public boolean milestone() {
            return kind.equals("MILESTONE") || kind.equals("TASK");
        }

        public boolean reportedBy(String level) {
            return reportingLevels == null || reportingLevels.isEmpty() || reportingLevels.contains(level);
        }
    }

    public record Period(String periodId, String label, LocalDate from, LocalDate to, LocalDate dueDate, List<String> reportingLevels) {
    }

    public record Value(String indicatorCode, long numerator, Long denominator, LocalDate doneOn) {
    }

    public record Sections(String results, String shortcomings, String proposals) {
    }

    /**
     * report-service's consolidated report of a unit, as far as the report form uses it: {@code submission}, the unit's own
     * values (never its subtree's) and the sections drafted from its units' reports.
     */
    public record ConsolidatedDraft(Submission submission) {

        public record Submission(List<Value> values, Sections sections) {
        }
    }

    public record Attachment(String id, String filename, String contentType, long size, Instant uploadedAt) {
    }

    public record Version(int version, List<Value> values, Instant submittedAt, int daysLate, String submittedBy) {
    }

    public record Transition(String from, String to, String by, Instant at, String reason) {
    }

    public record Report(String id, String status, int version, String planId, String unitId, String periodId, Instant submittedAt,
            LocalDate dueDate, int daysLate, List<Value> values, Sections sections, List<Attachment> attachments, List<Version> versions,
            List<Transition> transitions) {

        public boolean editable() {
            return status.equals("DRAFT") || status.equals("RETURNED");
        }

        public boolean underReview() {
            return status.equals("SUBMITTED") || status.equals("RESUBMITTED");
        }

        public Value value(String code) {
            return values == null ? null : values.stream().filter(v -> v.indicatorCode().equals(code)).findFirst().orElse(null);
        }

        /** The reason of the last return, shown to the unit that must revise. */
        public String returnReason() {
            return transitions == null ? null : transitions.stream().filter(t -> "RETURNED".equals(t.to())).reduce((a, b) -> b)
                    .map(Transition::reason).orElse(null);
        }
    }
}
