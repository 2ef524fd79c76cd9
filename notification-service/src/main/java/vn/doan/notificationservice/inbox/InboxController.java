package vn.doan.notificationservice.inbox;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.doan.support.web.ApiProblem;

/** A person's in-app inbox: list (all or unread), mark read or unread, and the live stream. */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

    private final MongoTemplate mongo;
    private final InboxStream stream;

    InboxController(MongoTemplate mongo, InboxStream stream) {
        this.mongo = mongo;
        this.stream = stream;
    }

    @GetMapping
    List<InboxItem> inbox(@RequestParam String recipientId, @RequestParam(defaultValue = "false") boolean unread) {
        Criteria criteria = Criteria.where("recipientId").is(recipientId);
        if (unread) {
            criteria = criteria.and("read").is(false);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "storedAt")), InboxItem.class);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam String recipientId) {
        return stream.subscribe(recipientId);
    }

    @PostMapping("/{id}/read")
    InboxItem read(@PathVariable String id) {
        return mark(id, true);
    }

    @PostMapping("/{id}/unread")
    InboxItem unread(@PathVariable String id) {
        return mark(id, false);
    }

    private InboxItem mark(String id, boolean read) {
        InboxItem item = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().set("read", read),
                FindAndModifyOptions.options().returnNew(true), InboxItem.class);
        if (item == null) {
            throw ApiProblem.notFound("inbox.unknown", "id", "No inbox item " + id + ".", "Không tìm thấy thông báo " + id + ".");
        }
        return item;
    }
}
