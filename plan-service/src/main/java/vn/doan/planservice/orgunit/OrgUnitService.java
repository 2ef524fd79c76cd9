package vn.doan.planservice.orgunit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.outbox.PendingEvent;
import vn.doan.support.web.ApiProblem;

@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final EventCodec codec;
    private final Counter created;

    OrgUnitService(OrgUnitRepository units, EventCodec codec, MeterRegistry registry) {
        this.units = units;
        this.codec = codec;
        this.created = Counter.builder("doan.units.created").description("Organisation units created").register(registry);
    }

    public record NewUnit(String code, String name, UnitLevel level, String kind, String parentId, LocalDate effectiveFrom) {
    }

    /** Creates a unit under its parent and, in the same write, the UnitCreated event. */
    public OrgUnit create(NewUnit request) {
        List<String> ancestors = List.of();
        if (request.parentId() != null) {
            OrgUnit parent = find(request.parentId(), "parentId");
            if (request.level().ordinal() <= parent.level().ordinal()) {
                throw ApiProblem.invalid("unit.level-not-below-parent", "level",
                        "A " + request.level() + " unit cannot sit under a " + parent.level() + " unit.",
                        "Cấp của đơn vị phải thấp hơn cấp của đơn vị cấp trên.");
            }
            ancestors = parent.pathForChild();
        }
        String id = UUID.randomUUID().toString();
        UnitCreated event = new UnitCreated(id, request.code(), request.name(), request.level(), request.kind(),
                request.parentId(), ancestors, request.effectiveFrom());
        OrgUnit unit = new OrgUnit(id, request.code(), request.name(), request.level(), request.kind(),
                request.parentId(), ancestors, request.effectiveFrom(), List.of(PendingEvent.of(codec.wrap(event, id))));
        try {
            OrgUnit saved = units.insert(unit);
            created.increment();
            return saved;
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("unit.code-taken", "code", "Unit code " + request.code() + " is already used.",
                    "Mã đơn vị " + request.code() + " đã được sử dụng.");
        }
    }

    public OrgUnit find(String id, String field) {
        return units.findById(id).orElseThrow(() -> ApiProblem.notFound("unit.unknown", field,
                "No organisation unit with id " + id + ".", "Không tìm thấy đơn vị có mã " + id + "."));
    }

    public List<OrgUnit> children(String parentId) {
        return units.findByParentIdOrderByCode(parentId);
    }
}
