package vn.doan.notificationservice.reminder;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.support.web.ApiProblem;

/** A unit's reminder inbox. */
@RestController
@RequestMapping("/api/reminders")
class ReminderController {

    private final MongoTemplate mongo;

    ReminderController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    List<Reminder> inbox(@RequestParam String unitId) {
        return mongo.find(Query.query(Criteria.where("unitId").is(unitId)).with(Sort.by(Sort.Direction.DESC, "createdAt")), Reminder.class);
    }

    @PostMapping("/{id}/read")
    Reminder markRead(@PathVariable String id) {
        Reminder reminder = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().set("read", true),
                FindAndModifyOptions.options().returnNew(true), Reminder.class);
        if (reminder == null) {
            throw ApiProblem.notFound("reminder.unknown", "id", "No reminder " + id + ".", "Không tìm thấy nhắc việc " + id + ".");
        }
        return reminder;
    }
}
