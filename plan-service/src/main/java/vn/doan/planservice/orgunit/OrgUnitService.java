package vn.doan.planservice.orgunit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.UnitDepartmentsChanged;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.Outbox;
import vn.doan.support.web.ApiProblem;

/**
 * The organisation tree: creating units and changing one unit at a time. Each change of a unit and
 * its event are one MongoDB update of that unit's document.
 */
@Service
@EnableConfigurationProperties(UnitLevels.class)
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final Outbox outbox;
    private final MongoTemplate mongo;
    private final Counter created;
    private final UnitLevels levels;

    OrgUnitService(OrgUnitRepository units, MongoTemplate mongo, MeterRegistry registry, Outbox outbox, UnitLevels levels) {
        this.units = units;
        this.levels = levels;
        this.outbox = outbox;
        this.mongo = mongo;
        this.created = Counter.builder("doan.units.created").description("Organisation units created").register(registry);
    }

    public record NewUnit(String code, String name, UnitLevel level, String kind, String parentId, LocalDate effectiveFrom,
            List<OrgUnit.Department> departments) {
    }

    /** Creates a unit under its parent and, in the same write, the UnitCreated event. */
    public OrgUnit create(NewUnit request) {
        return create(request, UUID.randomUUID().toString());
    }

    OrgUnit create(NewUnit request, String id) {
        levels.requireKnown(request.level(), "level");
        List<String> ancestors = List.of();
        if (request.parentId() != null) {
            OrgUnit parent = findActive(request.parentId(), "parentId");
            requireBelow(parent.level(), request.level(), "level");
            ancestors = parent.pathForChild();
        }
        OrgUnit unit = newUnit(id, request, ancestors, null);
        try {
            OrgUnit saved = outbox.insert(unit, List.of(createdEvent(unit)));
            created.increment();
            return saved;
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("unit.code-taken", "code", "Unit code " + request.code() + " is already used.",
                    "Mã đơn vị " + request.code() + " đã được sử dụng.");
        }
    }

    OrgUnit newUnit(String id, NewUnit request, List<String> ancestors, String importId) {
        return OrgUnit.created(id, request.code(), request.name(), request.level(), request.kind(), request.parentId(),
                ancestors, request.effectiveFrom(), request.departments(), importId);
    }

    /** The UnitCreated event of a unit just created, with its level's configured name. */
    Event createdEvent(OrgUnit unit) {
        return unit.createdEvent(levels.name(unit.level()));
    }

    void countCreated(int count) {
        created.increment(count);
    }

    public OrgUnit find(String id, String field) {
        return units.findById(id).orElseThrow(() -> ApiProblem.notFound("unit.unknown", field,
                "No organisation unit with id " + id + ".", "Không tìm thấy đơn vị có mã " + id + "."));
    }

    OrgUnit findActive(String id, String field) {
        OrgUnit unit = find(id, field);
        if (!unit.active()) {
            throw ApiProblem.invalid("unit.dissolved", field, "Unit " + unit.name() + " was dissolved on " + unit.dissolvedOn() + ".",
                    "Đơn vị " + unit.name() + " đã giải thể.");
        }
        return unit;
    }

    public List<OrgUnit> children(String parentId) {
        return units.findByParentIdOrderByCode(parentId);
    }

    /** Active units anywhere under {@code unitId} at the given levels, by code. */
    public List<OrgUnit> activeUnder(String unitId, java.util.Collection<UnitLevel> levels) {
        return mongo.find(Query.query(Criteria.where("ancestorIds").is(unitId).and("status").is(OrgUnit.Status.ACTIVE)
                .and("level").in(levels)).with(org.springframework.data.domain.Sort.by("code")), OrgUnit.class);
    }

    List<OrgUnit> activeChildren(String parentId) {
        return units.findByParentIdAndStatus(parentId, OrgUnit.Status.ACTIVE);
    }

    public OrgUnit rename(String unitId, String newName, LocalDate effectiveFrom) {
        OrgUnit unit = findActive(unitId, "id");
        UnitRenamed event = new UnitRenamed(unitId, unit.name(), newName, effectiveFrom);
        return apply(unitId, Criteria.where("status").is(OrgUnit.Status.ACTIVE), new Update().set("name", newName),
                new OrgUnit.Change("RENAMED", effectiveFrom, newName, unit.parentId(), unit.ancestorIds(), null), event);
    }

    public OrgUnit addDepartment(String unitId, OrgUnit.Department department) {
        OrgUnit unit = findActive(unitId, "id");
        if (unit.departments().stream().anyMatch(d -> d.code().equals(department.code()))) {
            throw ApiProblem.conflict("unit.department-exists", "code", "Department " + department.code() + " already exists.",
                    "Ban " + department.code() + " đã có trong đơn vị.");
        }
        List<OrgUnit.Department> departments = new ArrayList<>(unit.departments());
        departments.add(department);
        UnitDepartmentsChanged event = new UnitDepartmentsChanged(unitId, departments.stream()
                .map(d -> new UnitDepartmentsChanged.Department(d.code(), d.name())).toList());
        return apply(unitId, Criteria.where("departments").size(unit.departments().size()), new Update().set("departments", departments),
                new OrgUnit.Change("DEPARTMENT_ADDED", null, department.name(), unit.parentId(), unit.ancestorIds(), null), event);
    }

    /**
     * Moves a unit and its subtree under another parent. The unit's own update carries the event and a
     * repair mark; the descendants' paths are rewritten next and the mark cleared, and
     * {@link #repairPaths()} finishes the job if this process dies in between.
     */
    public OrgUnit move(String unitId, String newParentId, LocalDate effectiveFrom, String restructuringId) {
        OrgUnit unit = findActive(unitId, "id");
        if (newParentId.equals(unit.parentId())) {
            return unit;
        }
        OrgUnit parent = findActive(newParentId, "newParentId");
        if (parent.id().equals(unitId) || parent.ancestorIds().contains(unitId)) {
            throw ApiProblem.invalid("unit.move-cycle", "newParentId", "A unit cannot move under itself or its own subtree.",
                    "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.");
        }
        requireBelow(parent.level(), unit.level(), "newParentId");
        List<String> newAncestors = parent.pathForChild();
        UnitMoved event = new UnitMoved(unitId, unit.parentId(), newParentId, unit.ancestorIds(), newAncestors, effectiveFrom);
        Criteria unchanged = unit.parentId() == null ? Criteria.where("parentId").isNull() : Criteria.where("parentId").is(unit.parentId());
        OrgUnit moved = apply(unitId, unchanged,
                new Update().set("parentId", newParentId).set("ancestorIds", newAncestors).set("pathRepairPending", true),
                new OrgUnit.Change("MOVED", effectiveFrom, unit.name(), newParentId, newAncestors, restructuringId), event);
        rewriteDescendantPaths(moved);
        return moved;
    }

    public OrgUnit dissolve(String unitId, LocalDate effectiveFrom, String reason, String restructuringId) {
        OrgUnit unit = find(unitId, "id");
        if (!unit.active()) {
            return unit;
        }
        if (!activeChildren(unitId).isEmpty()) {
            throw ApiProblem.conflict("unit.has-children", "id", "Unit " + unit.name() + " still has active units under it.",
                    "Đơn vị " + unit.name() + " vẫn còn đơn vị trực thuộc đang hoạt động.");
        }
        return apply(unitId, Criteria.where("status").is(OrgUnit.Status.ACTIVE),
                new Update().set("status", OrgUnit.Status.DISSOLVED).set("dissolvedOn", effectiveFrom),
                new OrgUnit.Change("DISSOLVED", effectiveFrom, unit.name(), unit.parentId(), unit.ancestorIds(), restructuringId),
                new UnitDissolved(unitId, effectiveFrom, reason));
    }

    /** Appends an event and a history entry to a unit in the same update as the change itself. */
    OrgUnit apply(String unitId, Criteria precondition, Update change, OrgUnit.Change history, Object event) {
        OrgUnit updated = outbox.update(Query.query(Criteria.where("_id").is(unitId).andOperator(precondition)),
                change.push("history", history), OrgUnit.class, List.of(new Event(event, unitId)));
        if (updated == null) {
            throw ApiProblem.conflict("unit.changed-meanwhile", "id", "The unit was changed by someone else meanwhile; reload and retry.",
                    "Đơn vị vừa được người khác thay đổi; vui lòng tải lại và thử lại.");
        }
        return updated;
    }

    @Scheduled(fixedDelayString = "${doan.units.path-repair-interval:30s}", initialDelayString = "${doan.units.path-repair-interval:30s}")
    public void repairPaths() {
        units.findByPathRepairPendingTrue().forEach(this::rewriteDescendantPaths);
    }

    private void rewriteDescendantPaths(OrgUnit moved) {
        List<String> prefix = moved.pathForChild();
        List<OrgUnit> descendants = units.findByAncestorIdsContains(moved.id());
        if (!descendants.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OrgUnit.class);
            for (OrgUnit descendant : descendants) {
                List<String> path = new ArrayList<>(prefix);
                List<String> old = descendant.ancestorIds();
                path.addAll(old.subList(old.indexOf(moved.id()) + 1, old.size()));
                bulk.updateOne(Query.query(Criteria.where("_id").is(descendant.id())), new Update().set("ancestorIds", path));
            }
            bulk.execute();
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(moved.id())), new Update().set("pathRepairPending", false), OrgUnit.class);
    }

    /** A child's level comes later in {@code doan.units.levels} than its parent's. */
    void requireBelow(UnitLevel parent, UnitLevel child, String field) {
        if (levels.rank(child) <= levels.rank(parent)) {
            throw ApiProblem.invalid("unit.level-not-below-parent", field,
                    "A " + child + " unit cannot sit under a " + parent + " unit.",
                    "Cấp của đơn vị (" + levels.name(child) + ") phải thấp hơn cấp của đơn vị cấp trên (" + levels.name(parent) + ").");
        }
    }
}
