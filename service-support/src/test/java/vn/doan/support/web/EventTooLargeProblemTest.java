package vn.doan.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.Outbox;
import vn.doan.support.outbox.PublishesEvents;

/**
 * A rename whose UnitRenamed event is larger than the outbox accepts is refused with 422 {@code event.too-large},
 * naming the event's size and the limit; the Outbox refuses it before it touches the database (there is none here).
 */
class EventTooLargeProblemTest {

    record Unit(String id, String name) implements PublishesEvents {
    }

    @RestController
    static class Renames {

        final Outbox outbox = new Outbox(null, null,
                new EventCodec("/plan-service", Clock.fixed(Instant.parse("2026-03-26T01:00:00Z"), EventCodec.ZONE)), 2_000);

        @PostMapping("/units/{id}/rename")
        Unit rename(@PathVariable String id) {
            String name = "Đoàn xã Xuân Tín, huyện Thọ Xuân, tỉnh Thanh Hóa ".repeat(40);
            return outbox.update(Query.query(Criteria.where("_id").is(id)), new Update().set("name", name), Unit.class,
                    List.of(new Event(new UnitRenamed(id, "Đoàn xã Xuân Tín", name, LocalDate.of(2026, 3, 26)), id)));
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Renames()).setControllerAdvice(new ProblemHandler()).build();

    @Test
    void aChangeWhoseEventIsTooLargeIs422NamingItsSizeAndTheLimit() throws Exception {
        mvc.perform(post("/units/xuan-tin/rename"))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:doan:problem:event.too-large"))
                .andExpect(jsonPath("$.rule").value("event.too-large"))
                .andExpect(jsonPath("$.detail").value("This change cannot be published: its event would be 2922 bytes, more than the 2000"
                        + " the message broker accepts. Shorten its texts; nothing was changed."))
                .andExpect(jsonPath("$.detail_vi").value("Không thể lưu thay đổi này vì dữ liệu quá lớn để gửi đi (2922 byte, tối đa 2000"
                        + " byte). Hãy rút gọn nội dung; chưa có thay đổi nào được lưu."))
                .andExpect(jsonPath("$.eventBytes").value(2922))
                .andExpect(jsonPath("$.maxEventBytes").value(2000))
                .andExpect(jsonPath("$.field").doesNotExist());
    }
}
