package vn.doan.notificationservice.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.doan.events.UnitPeriod;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportReturned;
import vn.doan.notificationservice.catalog.Catalog;
import vn.doan.notificationservice.catalog.Plan;
import vn.doan.notificationservice.catalog.Unit;
import vn.doan.notificationservice.catalog.Units;
import vn.doan.notificationservice.notice.Notification.Addressee;
import vn.doan.notificationservice.recipient.Recipient;
import vn.doan.notificationservice.recipient.Recipients;
import vn.doan.notificationservice.recipient.Role;
import vn.doan.notificationservice.rules.ReminderRules;
import vn.doan.notificationservice.template.Templates;

/** Decides who is told what: a reminder, a returned report, a new plan, an indicator off track. */
@Service
public class Notices {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<Role> LEADERSHIP = Set.of(Role.SECRETARY, Role.DEPUTY);

    private final Notifier notifier;
    private final Catalog catalog;
    private final Units units;
    private final Templates templates;
    private final ReminderRules rules;
    private final Recipients recipients;

    Notices(Notifier notifier, Catalog catalog, Units units, Templates templates, ReminderRules rules, Recipients recipients) {
        this.notifier = notifier;
        this.catalog = catalog;
        this.units = units;
        this.templates = templates;
        this.rules = rules;
        this.recipients = recipients;
    }

    /**
     * Reminds a unit that has not reported: its secretary and deputy always; once late, also the upper
     * level (staff of the late-department), and from escalate-after-days on the upper level's secretary.
     * Returns the Vietnamese text, for the unit's reminder log.
     */
    public String reminder(Plan plan, Plan.Period period, Unit unit, String rule, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, period.dueDate());
        String kind = left > 0 ? "reminder.before" : left == 0 ? "reminder.due-today" : "reminder.after";
        Map<String, String> params = Map.of("unit", unit.name(), "plan", plan.number(), "period", period.label(),
                "due", DATE.format(period.dueDate()), "days", String.valueOf(Math.abs(left)));
        List<Addressee> to = new ArrayList<>(List.of(new Addressee(unit.id(), LEADERSHIP, null, kind)));
        if (left < 0 && unit.parentId() != null) {
            to.add(rules.escalates(rule)
                    ? new Addressee(unit.parentId(), Set.of(Role.SECRETARY), null, "reminder.escalated")
                    : new Addressee(unit.parentId(), Set.of(Role.STAFF), rules.lateDepartment(), "reminder.late-below"));
        }
        String stopKey = new UnitPeriod(plan.id(), period.periodId(), unit.id()).id();
        notifier.send("reminder|" + stopKey + "|" + rule + "|" + period.dueDate(), kind, unit.id(), stopKey, params, to);
        return templates.text(kind + ".body", Templates.DEFAULT_LANGUAGE, params);
    }

    /**
     * Tells the report's author (the people registered with the login that submitted it) that it came back, and why;
     * the unit's leadership when the event names no author or nobody is registered with that login.
     */
    public void reportReturned(ReportReturned e) {
        Map<String, String> params = new HashMap<>(about(e.unitId(), e.planId(), e.periodId()));
        params.put("reason", e.reason() == null ? "" : e.reason());
        Addressee to = e.submittedBy() != null && !recipients.withSubject(e.submittedBy()).isEmpty()
                ? Addressee.person(e.unitId(), e.submittedBy(), "report.returned")
                : new Addressee(e.unitId(), LEADERSHIP, null, "report.returned");
        notifier.send("returned|" + e.reportId() + "|" + e.version(), "report.returned", e.unitId(), null, params, List.of(to));
    }

    /** Tells each unit under the issuer what the new plan (or revision) asks of it, and by when. */
    public void planIssued(Plan plan) {
        String issuer = issuerName(plan);
        for (Unit unit : units.unitsUnder(plan.issuingUnitId(), List.copyOf(plan.levelsAsked()))) {
            if (!unit.id().equals(plan.issuingUnitId())) {
                tellPlan(plan, issuer, unit);
            }
        }
    }

    /**
     * Tells each unit learnt after a plan of a unit above it what that plan (its current version) asks of it: the same
     * notification as {@link #planIssued}, so the unit is told once whichever event came first. The plans in force come
     * from {@link Catalog#plansInForceIssuedBy}'s copy; the units told are read back in one read and each issuer's name once,
     * and nothing is read when no plan in force was issued above any of them.
     */
    public void unitsCreated(List<UnitCreated> created) {
        Map<String, List<Plan>> plansAbove = new LinkedHashMap<>();
        for (UnitCreated e : created) {
            List<Plan> above = catalog.plansInForceIssuedBy(e.ancestorIds() == null ? List.of() : e.ancestorIds()).stream()
                    .filter(p -> p.levelsAsked().contains(e.level())).toList();
            if (!above.isEmpty()) {
                plansAbove.putIfAbsent(e.unitId(), above);
            }
        }
        if (plansAbove.isEmpty()) {
            return;
        }
        Map<String, Unit> told = units.units(plansAbove.keySet()).stream().collect(Collectors.toMap(Unit::id, u -> u));
        Map<String, String> issuers = new HashMap<>();
        plansAbove.forEach((unitId, above) -> {
            Unit unit = told.get(unitId);
            if (unit != null && unit.active()) {
                above.forEach(p -> tellPlan(p, issuers.computeIfAbsent(p.issuingUnitId(), id -> issuerName(p)), unit));
            }
        });
    }

    private void tellPlan(Plan plan, String issuer, Unit unit) {
        Map<String, String> params = new HashMap<>(Map.of("issuer", issuer, "plan", plan.number(), "title", plan.title(), "unit", unit.name()));
        for (String language : Templates.LANGUAGES) {
            params.put(language + ":tasks", tasks(plan, unit.level(), language));
        }
        if (!params.get("vi:tasks").isEmpty()) {
            notifier.send("plan|" + plan.id() + "|v" + plan.version() + "|" + unit.id(), "plan.issued", unit.id(), null, params,
                    List.of(new Addressee(unit.id(), LEADERSHIP, null, "plan.issued")));
        }
    }

    private String issuerName(Plan plan) {
        return units.unit(plan.issuingUnitId()).map(Unit::name).orElse(plan.issuingUnitId());
    }

    private String tasks(Plan plan, UnitLevel level, String language) {
        List<String> tasks = new ArrayList<>();
        if (plan.implementingPlanDue() != null && plan.implementingLevels().contains(level)) {
            tasks.add(templates.text("plan.issued.task-implementing", language, Map.of("due", DATE.format(plan.implementingPlanDue()))));
        }
        plan.schedule().stream().filter(p -> p.reportingLevels().contains(level)).forEach(p -> tasks.add(
                templates.text("plan.issued.task-report", language, Map.of("period", p.label(), "due", DATE.format(p.dueDate())))));
        return String.join("; ", tasks);
    }

    /**
     * Alerts the department that follows each indicator (its staff), or the leadership if none is named. The
     * recipients of all the alerts' units are read at once; an alert that nobody follows is not recorded.
     */
    public void indicatorsOffTrack(List<IndicatorOffTrack> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        Map<String, List<Recipient>> people = recipients.inUnits(alerts.stream().map(IndicatorOffTrack::unitId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(Recipient::unitId));
        for (IndicatorOffTrack e : alerts) {
            Plan.Indicator indicator = catalog.plan(e.planId()).flatMap(p -> p.indicator(e.indicatorCode())).orElse(null);
            String department = e.department() != null ? e.department() : indicator == null ? null : indicator.department();
            Addressee to = department == null
                    ? new Addressee(e.unitId(), LEADERSHIP, null, "indicator.off-track")
                    : new Addressee(e.unitId(), Set.of(Role.STAFF), department, "indicator.off-track");
            if (people.getOrDefault(e.unitId(), List.of()).stream().noneMatch(r -> r.plays(to.roles(), to.department()))) {
                continue;
            }
            Map<String, String> params = new HashMap<>(about(e.unitId(), e.planId(), e.periodId()));
            params.put("indicator", e.indicatorCode());
            params.put("text", indicator == null ? "" : indicator.text());
            params.putAll(OffTrackFigures.of(e.value(), e.target(), e.measure(), templates::text));
            notifier.send("offtrack|" + new UnitPeriod(e.planId(), e.periodId(), e.unitId()).id(e.indicatorCode()) + "|" + e.at(),
                    "indicator.off-track", e.unitId(), null, params, List.of(to));
        }
    }

    /** Unit name, plan number and period label, falling back to ids for what is not known yet. */
    Map<String, String> about(String unitId, String planId, String periodId) {
        Plan plan = catalog.plan(planId).orElse(null);
        String period = plan == null ? periodId : plan.period(periodId).map(Plan.Period::label).orElse(periodId);
        return Map.of("unit", units.unit(unitId).map(Unit::name).orElse(unitId),
                "plan", plan == null ? planId : plan.number(), "period", period);
    }
}
