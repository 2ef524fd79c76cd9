package vn.doan.planservice.orgunit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.UnitSplit;
import vn.doan.events.plan.UnitsMerged;
import vn.doan.support.web.ApiProblem;

/** Merging units into one ("sáp nhập") and splitting one into several, with an effective date. */
@Service
public class RestructuringService {

    private final OrgUnitService units;
    private final OrgUnitRepository repository;
    private final MongoTemplate mongo;
    private final Clock clock;

    RestructuringService(OrgUnitService units, OrgUnitRepository repository, MongoTemplate mongo, Clock clock) {
        this.units = units;
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
    }

    public record NewPart(String code, String name, String kind) {
    }

    /** Merges the sources into an existing target, or into {@code newTarget} created under the sources' parent. */
    public OrgUnit merge(List<String> sourceIds, String targetId, NewPart newTarget, LocalDate effectiveFrom) {
        if (sourceIds == null || sourceIds.isEmpty() || (targetId == null) == (newTarget == null)) {
            throw ApiProblem.invalid("merge.incomplete", "sourceUnitIds",
                    "A merge needs source units and either an existing target or a new one.",
                    "Sáp nhập cần các đơn vị nguồn và một đơn vị đích (có sẵn hoặc mới).");
        }
        List<OrgUnit> sources = sourceIds.stream().map(id -> units.findActive(id, "sourceUnitIds")).toList();
        OrgUnit first = sources.get(0);
        if (sources.stream().anyMatch(s -> !s.level().equals(first.level()))) {
            throw ApiProblem.invalid("merge.levels-differ", "sourceUnitIds", "Only units of the same level can be merged.",
                    "Chỉ sáp nhập được các đơn vị cùng cấp.");
        }
        List<Restructuring.Part> parts = List.of();
        if (targetId != null) {
            OrgUnit target = units.findActive(targetId, "targetUnitId");
            if (sourceIds.contains(targetId) || !target.level().equals(first.level())) {
                throw ApiProblem.invalid("merge.bad-target", "targetUnitId",
                        "The target must be another unit of the same level as the sources.",
                        "Đơn vị đích phải là một đơn vị khác, cùng cấp với các đơn vị được sáp nhập.");
            }
        } else {
            requireFreeCodes(List.of(newTarget.code()), "newTarget.code");
            targetId = UUID.randomUUID().toString();
            parts = List.of(new Restructuring.Part(targetId, newTarget.code(), newTarget.name(), newTarget.kind()));
        }
        Restructuring merge = mongo.insert(new Restructuring(UUID.randomUUID().toString(), Restructuring.Type.MERGE,
                sourceIds, targetId, parts, Map.of(), effectiveFrom, Restructuring.Status.PENDING, Instant.now(clock)));
        carryOut(merge);
        return units.find(targetId, "targetUnitId");
    }

    /** Splits a unit into new units under the same parent; every active child must be assigned to one of them. */
    public List<OrgUnit> split(String sourceId, List<NewPart> newParts, Map<String, String> childAssignments, LocalDate effectiveFrom) {
        OrgUnit source = units.findActive(sourceId, "id");
        if (newParts == null || newParts.size() < 2) {
            throw ApiProblem.invalid("split.too-few-parts", "parts", "A split needs at least two new units.",
                    "Chia tách cần ít nhất hai đơn vị mới.");
        }
        Set<String> codes = newParts.stream().map(NewPart::code).collect(Collectors.toSet());
        if (codes.size() != newParts.size()) {
            throw ApiProblem.invalid("split.code-duplicate", "parts", "The new units' codes must differ.",
                    "Mã các đơn vị mới không được trùng nhau.");
        }
        requireFreeCodes(codes, "parts");
        Map<String, String> assignments = childAssignments == null ? Map.of() : childAssignments;
        List<OrgUnit> children = units.activeChildren(sourceId);
        Set<String> childIds = children.stream().map(OrgUnit::id).collect(Collectors.toSet());
        for (String key : assignments.keySet()) {
            // keys become field names of the stored restructuring: only the source's children, never "$where" or "a.b"
            if (!childIds.contains(key)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "split.assignment-not-a-child", "childAssignments." + key,
                        "childAssignments names " + key + ", which is not an active child unit of the unit being split.",
                        "Mục giao đơn vị \"" + key + "\" không phải là đơn vị trực thuộc của đơn vị được chia tách.");
            }
        }
        for (OrgUnit child : children) {
            String code = assignments.get(child.id());
            if (code == null || !codes.contains(code)) {
                throw ApiProblem.invalid("split.child-unassigned", "childAssignments." + child.id(),
                        "Child unit " + child.name() + " must be assigned to one of the new units.",
                        "Đơn vị trực thuộc " + child.name() + " phải được giao cho một trong các đơn vị mới.");
            }
        }
        List<Restructuring.Part> parts = newParts.stream()
                .map(p -> new Restructuring.Part(UUID.randomUUID().toString(), p.code(), p.name(), p.kind())).toList();
        Restructuring split = mongo.insert(new Restructuring(UUID.randomUUID().toString(), Restructuring.Type.SPLIT,
                List.of(source.id()), null, parts, assignments, effectiveFrom, Restructuring.Status.PENDING, Instant.now(clock)));
        carryOut(split);
        return parts.stream().map(p -> units.find(p.id(), "parts")).toList();
    }

    /** Runs again what a crash left unfinished; every step below is idempotent. */
    @Scheduled(fixedDelayString = "${doan.units.restructuring-resume-interval:30s}", initialDelayString = "${doan.units.restructuring-resume-interval:30s}")
    public void resumePending() {
        Instant settled = Instant.now(clock).minusSeconds(30);
        mongo.find(Query.query(Criteria.where("status").is(Restructuring.Status.PENDING).and("createdAt").lt(settled)), Restructuring.class)
                .forEach(this::carryOut);
    }

    void carryOut(Restructuring r) {
        OrgUnit anchor = units.find(r.sourceUnitIds().get(0), "sourceUnitIds");
        for (Restructuring.Part part : r.parts()) {
            createPart(r, part, anchor);
        }
        for (String sourceId : r.sourceUnitIds()) {
            for (OrgUnit child : units.activeChildren(sourceId)) {
                String newParent = r.type() == Restructuring.Type.MERGE ? r.targetUnitId() : partId(r, r.childAssignments().get(child.id()));
                units.move(child.id(), newParent, r.effectiveFrom(), r.id());
            }
            String reason = r.type() == Restructuring.Type.MERGE ? "Sáp nhập" : "Chia tách";
            units.dissolve(sourceId, r.effectiveFrom(), reason, r.id());
        }
        announce(r);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(r.id())), new Update().set("status", Restructuring.Status.DONE), Restructuring.class);
    }

    private void createPart(Restructuring r, Restructuring.Part part, OrgUnit anchor) {
        if (repository.existsById(part.id())) {
            return;
        }
        try {
            units.create(new OrgUnitService.NewUnit(part.code(), part.name(), anchor.level(), part.kind(), anchor.parentId(),
                    r.effectiveFrom(), List.of()), part.id());
        } catch (ApiProblem e) {
            if (!repository.existsById(part.id())) {
                throw e;
            }
        }
    }

    /**
     * The summary event goes on the target (merge) or the source (split), once per restructuring: a
     * history entry with the restructuring's id marks it as announced.
     */
    private void announce(Restructuring r) {
        String unitId = r.type() == Restructuring.Type.MERGE ? r.targetUnitId() : r.sourceUnitIds().get(0);
        OrgUnit unit = units.find(unitId, "id");
        if (unit.history().stream().anyMatch(h -> r.id().equals(h.restructuringId()) && h.type().equals(r.type().name()))) {
            return;
        }
        Object event = r.type() == Restructuring.Type.MERGE
                ? new UnitsMerged(r.sourceUnitIds(), r.targetUnitId(), r.effectiveFrom())
                : new UnitSplit(unitId, r.parts().stream().map(Restructuring.Part::id).toList(), r.effectiveFrom());
        units.apply(unitId, Criteria.where("code").exists(true),
                new Update(), new OrgUnit.Change(r.type().name(), r.effectiveFrom(), unit.name(), unit.parentId(),
                        unit.ancestorIds(), r.id()), event);
    }

    private static String partId(Restructuring r, String code) {
        return r.parts().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow().id();
    }

    private void requireFreeCodes(java.util.Collection<String> codes, String field) {
        List<OrgUnit> taken = repository.findByCodeIn(new HashSet<>(codes));
        if (!taken.isEmpty()) {
            throw ApiProblem.conflict("unit.code-taken", field, "Unit code " + taken.get(0).code() + " is already used.",
                    "Mã đơn vị " + taken.get(0).code() + " đã được sử dụng.");
        }
    }
}
