package vn.doan.indicatorservice.rollup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.indicator.CompletenessChanged;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.UnitNode;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.Outbox;

/**
 * Announces a rollup's new progress: ProgressUpdated with the whole subtree's state, and TargetAchieved,
 * IndicatorOffTrack or CompletenessChanged when those changed since the last announcement. Everything is read from the
 * rollup document itself (its subtree totals), the plan and the tree: every indicator, whoever caused the change. The
 * events and the record of what was announced are one update of the rollup document, conditional on its revision;
 * any later touch of a document whose announced revision lags announces it, so nothing stays unsaid.
 * Statuses that change only because time passes are announced by {@link TimeStatuses} each night.
 *
 * <p>The only class of the roll-up that makes events; the writers store them with the change ({@link RollupStore}).
 */
@Service
class Announcer {

    private final RollupStore store;
    private final Clock clock;

    Announcer(RollupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Announces each document whose announcement lags its revision, all in one bulk write; an update that
     * finds the document moved on changes nothing, and the document is announced at its next touch.
     */
    void announce(Collection<Rollup> docs, Lookups lookups) {
        Outbox.Bulk<Rollup> bulk = store.bulk();
        for (Rollup doc : docs) {
            if (!upToDate(doc)) {
                of(doc, lookups).ifPresent(announcement ->
                        bulk.update(RollupStore.atRevision(doc), announcement.into(new Update()), announcement.events()));
            }
        }
        bulk.executeRacing();
    }

    /** Adds the insert of {@code created}, with the announcement of its progress (when it can be told), to {@code bulk}; returns it as inserted. */
    Rollup insert(Outbox.Bulk<Rollup> bulk, Rollup created, Lookups lookups) {
        Optional<Announcement> announcement = of(created, lookups);
        Rollup announced = announcement.map(a -> a.on(created)).orElse(created);
        bulk.insert(announced, announcement.map(Announcement::events).orElse(List.of()));
        return announced;
    }

    /**
     * Adds {@code update}, which brings {@code before} to {@code after} if it is still at its revision, to {@code bulk},
     * also announcing {@code after}'s progress; returns {@code after} as announced.
     */
    Rollup update(Outbox.Bulk<Rollup> bulk, Rollup before, Update update, Rollup after, Lookups lookups) {
        Optional<Announcement> announcement = of(after, lookups);
        announcement.ifPresent(a -> a.into(update));
        bulk.update(RollupStore.atRevision(before), update, announcement.map(Announcement::events).orElse(List.of()));
        return announcement.map(a -> a.on(after)).orElse(after);
    }

    /**
     * Announces a document whose statuses moved only because time passed (ON_TRACK → AT_RISK as the period
     * goes by, → OFF_TRACK once it is over) since its last announcement; returns whether it did.
     */
    boolean announceIfTimeMovedStatuses(Rollup doc, Lookups lookups) {
        return of(doc, lookups).filter(announcement -> !upToDate(doc) || !announcement.statuses().equals(doc.announcedStatuses()))
                .map(announcement -> store.writeAt(doc, announcement.into(new Update()), announcement.events())).orElse(false);
    }

    private static boolean upToDate(Rollup doc) {
        return doc.announcedRev() != null && doc.announcedRev() >= doc.rev();
    }

    /**
     * The events that announce a document's progress at revision {@code rev}, and the record of what they announced
     * (statuses and report counts), against which the next announcement tells what changed.
     */
    record Announcement(long rev, Map<String, String> statuses, List<Integer> reports, List<Event> events) {

        /** {@code update} also records this announcement; the writer stores {@link #events} with it. */
        Update into(Update update) {
            return update.set("announcedRev", rev).set("announcedStatuses", statuses).set("announcedReports", reports);
        }

        /** The document as announced: what {@link #into} writes, for a document about to be inserted. */
        Rollup on(Rollup doc) {
            return new Rollup(doc.id(), doc.planId(), doc.periodId(), doc.periodFrom(), doc.unitId(), doc.parentId(), doc.own(), doc.children(),
                    doc.subtree(), doc.rev(), rev, statuses, reports);
        }
    }

    /** The announcement of {@code doc}'s progress as it stands; empty while its plan, period or unit is unknown. */
    Optional<Announcement> of(Rollup doc, Lookups lookups) {
        return lookups.plan(doc.planId()).flatMap(plan -> plan.period(doc.periodId())
                .flatMap(period -> lookups.unit(doc.unitId()).map(unit -> announcement(doc, plan, period, unit, lookups))));
    }

    /**
     * An indicator as ProgressUpdated tells it, with what the dashboard shows beside its value: for counts, the reporting
     * units that reached the count; for a range, where the units' counts fall; for a milestone, the units that did it on
     * time and late. Null where the kind has none of it.
     */
    static ProgressUpdated.Indicator announced(PlanDefinition.Indicator indicator, Progress.Measure subtree) {
        IndicatorKind kind = indicator.kind();
        boolean count = kind == IndicatorKind.COUNT_AT_LEAST || kind == IndicatorKind.COUNT_IN_RANGE;
        boolean range = kind == IndicatorKind.COUNT_IN_RANGE;
        boolean milestone = kind == IndicatorKind.MILESTONE;
        return new ProgressUpdated.Indicator(indicator.code(), subtree.numerator(), subtree.denominator(), subtree.reportingUnits(),
                subtree.value(), subtree.target(), subtree.status().name(), count ? subtree.unitsMet() : null,
                range ? subtree.below() : null, range ? subtree.within() : null, range ? subtree.above() : null,
                milestone ? subtree.doneOnTime() : null, milestone ? subtree.doneLate() : null);
    }

    private record Measured(PlanDefinition.Indicator indicator, Progress.Measure subtree) {
    }

    /** What an off-track alert's figures measure: the plan's own target for the period, and the subtree's units and count. */
    private static IndicatorOffTrack.Measure measure(Measured m, PlanDefinition.Period period) {
        Progress.Measure subtree = m.subtree();
        boolean count = m.indicator().kind() == IndicatorKind.COUNT_AT_LEAST || m.indicator().kind() == IndicatorKind.COUNT_IN_RANGE;
        return new IndicatorOffTrack.Measure(m.indicator().kind(), m.indicator().target(period), m.indicator().targetMax(),
                count ? subtree.numerator() : 0, subtree.reportingUnits(), subtree.unitsMet());
    }

    private Announcement announcement(Rollup doc, PlanDefinition plan, PlanDefinition.Period period, UnitNode unit, Lookups lookups) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        Map<String, Totals> totals = Totals.byCode(doc.subtree());
        List<Measured> measured = plan.indicators().stream()
                .map(i -> new Measured(i, Progress.measure(i, period, totals.get(i.code()), false, today))).toList();
        Map<String, String> statuses = new LinkedHashMap<>();
        measured.forEach(m -> statuses.put(m.indicator().code(), m.subtree().status().name()));

        Totals reports = doc.reports().orElse(new Totals(Contribution.REPORTS, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        List<ProgressUpdated.Indicator> indicators = measured.stream().map(m -> announced(m.indicator(), m.subtree())).toList();
        int returned = doc.returned();
        int expected = lookups.expected(plan, period, doc.unitId());
        // a report is taken only from a unit the period expects; while the two services' copies of a changed tree differ, never below 0
        int missing = Math.max(0, expected - reports.units() - returned);
        ProgressUpdated updated = new ProgressUpdated(doc.planId(), doc.periodId(), doc.unitId(), unit.name(), doc.rev(), now,
                reports.units(), reports.onTime(), reports.late(), indicators, returned, expected, missing);
        List<Event> events = new ArrayList<>();
        events.add(new Event(updated, doc.unitId(), updated.key()));
        Map<String, String> before = doc.announcedStatuses() == null ? Map.of() : doc.announcedStatuses();
        for (Measured m : measured) {
            String code = m.indicator().code();
            if (statuses.get(code).equals(before.get(code))) {
                continue;
            }
            if (m.subtree().status() == Progress.Status.ACHIEVED) {
                events.add(new Event(new TargetAchieved(doc.planId(), doc.periodId(), doc.unitId(), code,
                        m.subtree().value(), m.subtree().target(), now), doc.unitId()));
            } else if (m.subtree().status() == Progress.Status.OFF_TRACK) {
                events.add(new Event(new IndicatorOffTrack(doc.planId(), doc.periodId(), doc.unitId(), code,
                        m.indicator().department(), m.subtree().value(), m.subtree().target(), now, measure(m, period)), doc.unitId()));
            }
        }
        List<Integer> counts = List.of(reports.units(), reports.onTime(), reports.late(), returned);
        // a document announced before returns were counted holds three counts: the same three and none returned is no change
        boolean unchanged = Objects.equals(counts, doc.announcedReports())
                || returned == 0 && Objects.equals(counts.subList(0, 3), doc.announcedReports());
        if (!unchanged) {
            events.add(new Event(new CompletenessChanged(doc.planId(), doc.periodId(), doc.unitId(), reports.units(),
                    reports.onTime(), reports.late(), now, returned), doc.unitId()));
        }
        return new Announcement(doc.rev(), statuses, counts, events);
    }
}
