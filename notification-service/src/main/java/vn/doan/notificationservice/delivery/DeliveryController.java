package vn.doan.notificationservice.delivery;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.support.web.ApiProblem;

/** Deliveries by state (DEAD = the dead letters) and unit, and a retry for a dead one. */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

    private final MongoTemplate mongo;
    private final DeliverySweep sweep;

    DeliveryController(MongoTemplate mongo, DeliverySweep sweep) {
        this.mongo = mongo;
        this.sweep = sweep;
    }

    @GetMapping
    List<Delivery> find(@RequestParam(required = false) Delivery.State state, @RequestParam(required = false) String unitId) {
        Criteria criteria = new Criteria();
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (unitId != null) {
            criteria = criteria.and("unitId").is(unitId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(500), Delivery.class);
    }

    @GetMapping("/{id}")
    Delivery get(@PathVariable String id) {
        Delivery delivery = mongo.findById(id, Delivery.class);
        if (delivery == null) {
            throw ApiProblem.notFound("delivery.unknown", "id", "No delivery " + id + ".", "Không tìm thấy lượt gửi " + id + ".");
        }
        return delivery;
    }

    @PostMapping("/{id}/retry")
    Delivery retry(@PathVariable String id) {
        Delivery delivery = sweep.retry(id);
        if (delivery == null) {
            get(id);
            throw ApiProblem.conflict("delivery.not-dead", "id", "Only a dead or cancelled delivery can be retried.",
                    "Chỉ gửi lại được lượt gửi đã thất bại hoặc đã hủy.");
        }
        return delivery;
    }
}
