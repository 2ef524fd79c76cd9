package vn.doan.notificationservice.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.notificationservice.catalog.Catalog;
import vn.doan.notificationservice.catalog.Plan;
import vn.doan.notificationservice.catalog.Unit;
import vn.doan.notificationservice.catalog.Units;
import vn.doan.notificationservice.notice.Notices;
import vn.doan.notificationservice.notice.OffTrackFigures;
import vn.doan.notificationservice.notice.Notification.Addressee;
import vn.doan.notificationservice.notice.Notifier;
import vn.doan.notificationservice.recipient.Recipients;
import vn.doan.notificationservice.recipient.Role;
import vn.doan.notificationservice.rules.ReminderRules;
import vn.doan.notificationservice.template.Templates;

/**
 * Once a day, from {@code doan.digest.at} (07:30 Asia/Ho_Chi_Minh), the secretary and deputy of every unit
 * with leadership registered get what is due this week in their subtree, who is late, and which indicators
 * are off track; nothing when all three are empty. Its id {@code digest|unit|date} makes it once a day.
 */
@Service
public class DigestSweep {

    private final Catalog catalog;
    private final Units units;
    private final Recipients recipients;
    private final Notifier notifier;
    private final Templates templates;
    private final ReminderRules rules;
    private final Clock clock;
    private final LocalTime at;

    DigestSweep(Catalog catalog, Units units, Recipients recipients, Notifier notifier, Templates templates, ReminderRules rules, Clock clock,
            @Value("${doan.digest.at:07:30}") LocalTime at) {
        this.catalog = catalog;
        this.units = units;
        this.recipients = recipients;
        this.notifier = notifier;
        this.templates = templates;
        this.rules = rules;
        this.clock = clock;
        this.at = at;
    }

    /** Returns how many digests it sent. */
    @Scheduled(fixedDelayString = "${doan.reminders.interval:1m}")
    public int sweep() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(EventCodec.ZONE));
        if (now.toLocalTime().isBefore(at) || rules.quiet(now.toLocalTime())) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        int sent = 0;
        for (String unitId : recipients.unitsWithLeadership()) {
            String id = "digest|" + unitId + "|" + today;
            if (notifier.exists(id)) {
                continue;
            }
            Map<String, String> params = compose(unitId, today);
            if (params != null) {
                notifier.send(id, "digest", unitId, null, params, List.of(new Addressee(unitId, Set.of(Role.SECRETARY, Role.DEPUTY), null, "digest")));
                sent++;
            }
        }
        return sent;
    }

    private record Line(String key, Map<String, String> params) {
    }

    /** The digest's placeholders in every language, or null when there is nothing to say. */
    Map<String, String> compose(String unitId, LocalDate today) {
        Map<String, Unit> subtree = units.subtree(unitId).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        if (!subtree.containsKey(unitId)) {
            return null;
        }
        List<Line> due = new ArrayList<>();
        List<Line> late = new ArrayList<>();
        for (Plan plan : catalog.plansInForce()) {
            for (Plan.Period period : plan.schedule()) {
                boolean dueThisWeek = !period.dueDate().isBefore(today) && !period.dueDate().isAfter(today.plusDays(7));
                boolean overdue = period.dueDate().isBefore(today);
                if (!dueThisWeek && !overdue) {
                    continue;
                }
                List<Unit> missing = units.expectedUnits(plan.issuingUnitId(), period.reportingLevels(), period.firstDay(), period.lastDay())
                        .stream().filter(u -> u.id().equals(unitId) || u.ancestorIds().contains(unitId))
                        .filter(u -> !catalog.submitted(plan.id(), period.periodId(), u.id()))
                        .sorted(java.util.Comparator.comparing(Unit::name)).toList();
                Map<String, String> about = Map.of("plan", plan.number(), "period", period.label(), "due", Notices.DATE.format(period.dueDate()));
                if (dueThisWeek && !missing.isEmpty()) {
                    due.add(new Line("digest.due-line", with(about, "count", String.valueOf(missing.size()))));
                }
                if (overdue) {
                    missing.forEach(u -> late.add(new Line("digest.late-line", with(about, "unit", u.name()))));
                }
            }
        }
        List<Line> offTrack = catalog.offTrackIn(subtree.keySet()).stream().map(o -> {
            Map<String, String> params = new HashMap<>(OffTrackFigures.of(o.value(), o.target(), o.measure(), templates::text));
            params.putAll(Map.of("indicator", o.indicatorCode(), "unit", subtree.get(o.unitId()).name(),
                    "plan", catalog.plan(o.planId()).map(Plan::number).orElse(o.planId())));
            return new Line("digest.off-track-line", params);
        }).toList();
        if (due.isEmpty() && late.isEmpty() && offTrack.isEmpty()) {
            return null;
        }
        Map<String, String> params = new HashMap<>(Map.of("unit", subtree.get(unitId).name(), "date", Notices.DATE.format(today)));
        for (String language : Templates.LANGUAGES) {
            params.put(language + ":dueThisWeek", lines(due, language));
            params.put(language + ":late", lines(late, language));
            params.put(language + ":offTrack", lines(offTrack, language));
        }
        return params;
    }

    private String lines(List<Line> lines, String language) {
        if (lines.isEmpty()) {
            return templates.text("digest.none", language, Map.of());
        }
        return lines.stream().map(l -> templates.text(l.key(), language, l.params())).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
