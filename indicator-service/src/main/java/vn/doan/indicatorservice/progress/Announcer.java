package vn.doan.indicatorservice.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.indicator.CompletenessChanged;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.PlanIssued;
import vn.doan.indicatorservice.plan.PlanDefinition;
import vn.doan.indicatorservice.plan.Plans;
import vn.doan.support.outbox.OutboxRelay;
import vn.doan.support.outbox.PendingEvent;

/**
 * Announces a rollup's new progress: ProgressUpdated with the whole subtree's state, and TargetAchieved,
 * IndicatorOffTrack or CompletenessChanged when those changed since the last announcement. The events and
 * the record of what was announced are one update of the rollup document, conditional on its revision;
 * any later touch of a document whose announced revision lags announces it, so nothing stays unsaid.
 * Statuses that change only because time passes are announced by {@link TimeStatuses} each night.
 */
@Service
class Announcer {

    private static final String ROLLUPS = "rollups";

    private final MongoTemplate mongo;
    private final ProgressQuery query;
    private final Plans plans;
    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;

    Announcer(MongoTemplate mongo, ProgressQuery query, Plans plans, EventCodec codec, Clock clock, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.query = query;
        this.plans = plans;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Announces each document whose announcement lags its revision, all in one bulk write; an update that
     * finds the document moved on changes nothing, and the document is announced at its next touch.
     */
    void announce(Collection<Rollup> docs, Lookups lookups) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Rollup.class);
        List<Rollup> announced = new ArrayList<>();
        for (Rollup doc : docs) {
            if (!upToDate(doc)) {
                of(doc, lookups).ifPresent(announcement -> {
                    bulk.updateOne(atRevision(doc), announcement.into(new Update()));
                    announced.add(doc);
                });
            }
        }
        if (!announced.isEmpty()) {
            bulk.execute();
            wake(announced);
        }
    }

    /**
     * The announcement of {@code doc}'s progress as it stands (empty while its plan or unit is unknown), for a writer
     * to make part of the write that brings the document to that state.
     */
    Optional<Announcement> of(Rollup doc, Lookups lookups) {
        return query.view(doc, lookups).map(progress -> announcement(doc, progress, lookups.plan(doc.planId()).orElseThrow()));
    }

    /** Tells the relay that these documents may hold events. */
    void wake(Collection<Rollup> docs) {
        docs.forEach(doc -> relay.wake(ROLLUPS, doc.id()));
    }

    /**
     * Announces a document whose statuses moved only because time passed (ON_TRACK → AT_RISK as the period
     * goes by, → OFF_TRACK once it is over) since its last announcement; returns whether it did.
     */
    boolean announceIfTimeMovedStatuses(Rollup doc, Lookups lookups) {
        return query.view(doc, lookups).filter(progress -> !upToDate(doc) || !statuses(progress).equals(doc.announcedStatuses()))
                .map(progress -> {
                    boolean announced = mongo.updateFirst(atRevision(doc),
                            announcement(doc, progress, lookups.plan(doc.planId()).orElseThrow()).into(new Update()), Rollup.class)
                            .getModifiedCount() == 1;
                    if (announced) {
                        relay.wake(ROLLUPS, doc.id());
                    }
                    return announced;
                }).orElse(false);
    }

    private static Query atRevision(Rollup doc) {
        return Query.query(Criteria.where("_id").is(doc.id()).and("rev").is(doc.rev()));
    }

    private static boolean upToDate(Rollup doc) {
        return doc.announcedRev() != null && doc.announcedRev() >= doc.rev();
    }

    private static Map<String, String> statuses(ProgressQuery.UnitProgress progress) {
        Map<String, String> statuses = new LinkedHashMap<>();
        progress.indicators().forEach(i -> statuses.put(i.code(), i.subtree().status().name()));
        return statuses;
    }

    /**
     * The events that announce a document's progress at revision {@code rev}, and the record of what they announced
     * (statuses and report counts), against which the next announcement tells what changed.
     */
    record Announcement(long rev, Map<String, String> statuses, List<Integer> reports, List<PendingEvent> events) {

        /** {@code update} also records this announcement and puts its events in the document's outbox. */
        Update into(Update update) {
            return update.set("announcedRev", rev).set("announcedStatuses", statuses).set("announcedReports", reports)
                    .push("outbox").each(events.toArray());
        }

        /** The document as announced: what {@link #into} writes, for a document about to be inserted. */
        Rollup on(Rollup doc) {
            return new Rollup(doc.id(), doc.planId(), doc.periodId(), doc.periodFrom(), doc.unitId(), doc.parentId(), doc.own(), doc.children(),
                    doc.subtree(), doc.rev(), rev, statuses, reports, events);
        }
    }

    /** The events for the document's progress and the record of what they announced. */
    private Announcement announcement(Rollup doc, ProgressQuery.UnitProgress progress, PlanDefinition plan) {
        Instant now = Instant.now(clock);
        Totals reports = ProgressQuery.reports(doc).orElse(new Totals(Contribution.REPORTS, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        List<ProgressUpdated.Indicator> indicators = progress.indicators().stream().map(i -> new ProgressUpdated.Indicator(i.code(),
                i.subtree().numerator(), i.subtree().denominator(), i.subtree().reportingUnits(), i.subtree().value(), i.subtree().target(),
                i.subtree().status().name())).toList();
        ProgressUpdated updated = new ProgressUpdated(doc.planId(), doc.periodId(), doc.unitId(), progress.unitName(), doc.rev(), now,
                reports.units(), reports.onTime(), reports.late(), indicators);
        List<PendingEvent> events = new ArrayList<>();
        events.add(PendingEvent.of(codec.wrap(updated, doc.unitId()), updated.key()));
        Map<String, String> statuses = statuses(progress);
        Map<String, String> before = doc.announcedStatuses() == null ? Map.of() : doc.announcedStatuses();
        for (ProgressQuery.IndicatorProgress indicator : progress.indicators()) {
            if (statuses.get(indicator.code()).equals(before.get(indicator.code()))) {
                continue;
            }
            if (indicator.subtree().status() == Progress.Status.ACHIEVED) {
                events.add(PendingEvent.of(codec.wrap(new TargetAchieved(doc.planId(), doc.periodId(), doc.unitId(), indicator.code(),
                        indicator.subtree().value(), indicator.subtree().target(), now), doc.unitId())));
            } else if (indicator.subtree().status() == Progress.Status.OFF_TRACK) {
                events.add(PendingEvent.of(codec.wrap(new IndicatorOffTrack(doc.planId(), doc.periodId(), doc.unitId(), indicator.code(),
                        department(plan, indicator.code()), indicator.subtree().value(), indicator.subtree().target(), now),
                        doc.unitId())));
            }
        }
        List<Integer> counts = List.of(reports.units(), reports.onTime(), reports.late());
        if (!Objects.equals(counts, doc.announcedReports())) {
            events.add(PendingEvent.of(codec.wrap(new CompletenessChanged(doc.planId(), doc.periodId(), doc.unitId(), reports.units(),
                    reports.onTime(), reports.late(), now), doc.unitId())));
        }
        return new Announcement(doc.rev(), statuses, counts, events);
    }

    private static String department(PlanDefinition plan, String code) {
        return plan.plan().indicators().stream().filter(i -> i.code().equals(code)).findFirst().map(PlanIssued.Indicator::department)
                .orElse(null);
    }
}
