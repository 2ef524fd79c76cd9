package vn.doan.notificationservice.reminder;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reminders/now?planId=&periodId=&unitId=}: 201 with the reminder sent, 200 with today's when already sent. */
@RestController
class RemindNowController {

    private final RemindNow remindNow;

    RemindNowController(RemindNow remindNow) {
        this.remindNow = remindNow;
    }

    @PostMapping("/api/reminders/now")
    ResponseEntity<Reminder> remind(@RequestParam String planId, @RequestParam String periodId, @RequestParam String unitId) {
        RemindNow.Sent sent = remindNow.remind(planId, periodId, unitId);
        return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK).body(sent.reminder());
    }
}
