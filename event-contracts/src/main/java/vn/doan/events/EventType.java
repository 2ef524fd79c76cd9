package vn.doan.events;

import java.util.Arrays;
import java.util.Optional;
import vn.doan.events.indicator.CompletenessChanged;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.notification.NotificationFailed;
import vn.doan.events.notification.NotificationSent;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDepartmentsChanged;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.plan.UnitSplit;
import vn.doan.events.plan.UnitsMerged;
import vn.doan.events.report.ReportAccepted;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;

/**
 * Every event type, its schema version and its topic. The CloudEvents {@code type} attribute is
 * {@link #type()}, the {@code dataschema} attribute names the JSON Schema in {@code /schemas}.
 */
public enum EventType {

    UNIT_CREATED("vn.doan.plan.UnitCreated", 1, UnitCreated.class, Topics.ORG_UNITS),
    UNIT_RENAMED("vn.doan.plan.UnitRenamed", 1, UnitRenamed.class, Topics.ORG_UNITS),
    UNIT_MOVED("vn.doan.plan.UnitMoved", 1, UnitMoved.class, Topics.ORG_UNITS),
    UNITS_MERGED("vn.doan.plan.UnitsMerged", 1, UnitsMerged.class, Topics.ORG_UNITS),
    UNIT_SPLIT("vn.doan.plan.UnitSplit", 1, UnitSplit.class, Topics.ORG_UNITS),
    UNIT_DISSOLVED("vn.doan.plan.UnitDissolved", 1, UnitDissolved.class, Topics.ORG_UNITS),
    UNIT_DEPARTMENTS_CHANGED("vn.doan.plan.UnitDepartmentsChanged", 1, UnitDepartmentsChanged.class, Topics.ORG_UNITS),
    PLAN_ISSUED("vn.doan.plan.PlanIssued", 1, PlanIssued.class, Topics.PLANS),
    PLAN_CLOSED("vn.doan.plan.PlanClosed", 1, PlanClosed.class, Topics.PLANS),
    REPORT_SUBMITTED("vn.doan.report.ReportSubmitted", 1, ReportSubmitted.class, Topics.REPORTS),
    REPORT_RETURNED("vn.doan.report.ReportReturned", 1, ReportReturned.class, Topics.REPORTS),
    REPORT_ACCEPTED("vn.doan.report.ReportAccepted", 1, ReportAccepted.class, Topics.REPORTS),
    PROGRESS_UPDATED("vn.doan.indicator.ProgressUpdated", 1, ProgressUpdated.class, Topics.PROGRESS),
    TARGET_ACHIEVED("vn.doan.indicator.TargetAchieved", 1, TargetAchieved.class, Topics.INDICATOR_ALERTS),
    INDICATOR_OFF_TRACK("vn.doan.indicator.IndicatorOffTrack", 1, IndicatorOffTrack.class, Topics.INDICATOR_ALERTS),
    COMPLETENESS_CHANGED("vn.doan.indicator.CompletenessChanged", 1, CompletenessChanged.class, Topics.INDICATOR_ALERTS),
    NOTIFICATION_SENT("vn.doan.notification.NotificationSent", 1, NotificationSent.class, Topics.NOTIFICATION_DELIVERIES),
    NOTIFICATION_FAILED("vn.doan.notification.NotificationFailed", 1, NotificationFailed.class, Topics.NOTIFICATION_DELIVERIES);

    private final String type;
    private final int version;
    private final Class<?> dataClass;
    private final String topic;

    EventType(String type, int version, Class<?> dataClass, String topic) {
        this.type = type;
        this.version = version;
        this.dataClass = dataClass;
        this.topic = topic;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    public String topic() {
        return topic;
    }

    /** The schema file on the classpath, also the value of {@code dataschema}. */
    public String schemaPath() {
        return "/schemas/" + type + ".v" + version + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<?> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass.equals(dataClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event type: " + dataClass.getName()));
    }
}
