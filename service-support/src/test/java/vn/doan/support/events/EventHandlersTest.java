package vn.doan.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;

class EventHandlersTest {

    private static final EventCodec CODEC = new EventCodec("/plan-service", Clock.system(EventCodec.ZONE));
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

    @Test
    void eachEventGoesToTheHandlerOfItsTypeInOrderRunsAsOneListAndWhatHasNoHandlerOrAnUnknownTypeIsPassedOver() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventInput.handlers("Unit events")
                .runsOf(UnitCreated.class, run -> calls.add("created " + run.stream().map(UnitCreated::code).toList()))
                .on(UnitRenamed.class, e -> calls.add("renamed " + e.newName()));

        handlers.accept(List.of(json(created("TX-XH"), "xh"), json(created("TX-TL"), "tl"), json(created("TX-XT"), "xt"), json(new UnitRenamed("xh", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Hòa mới", JANUARY), "xh"),
                json(created("TX-XL"), "xl"), json(new PlanClosed("54-CT", "tx", JANUARY, "Hết hiệu lực"), "tx"), json(created("TX-XS"), "xs"),
                "{\"specversion\":\"1.0\",\"type\":\"vn.doan.plan.UnitTeleported\"}".getBytes(StandardCharsets.UTF_8), json(created("TX-XP"), "xp")));

        assertThat(calls).containsExactly("created [TX-XH, TX-TL, TX-XT]", "renamed Đoàn xã Xuân Hòa mới", "created [TX-XL]",
                "created [TX-XS, TX-XP]");
    }

    @Test
    void aRecordThatIsNoEventIsNamedToTheContainerAfterTheEventsBeforeItAreDone() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventInput.handlers("Unit events")
                .runsOf(UnitCreated.class, run -> calls.add("created " + run.stream().map(UnitCreated::code).toList()));

        assertThatThrownBy(() -> handlers.accept(List.of(json(created("TX-XH"), "xh"), json(created("TX-TL"), "tl"),
                "{not json".getBytes(StandardCharsets.UTF_8), json(created("TX-XT"), "xt"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(EventInput.NotAnEvent.class);
        assertThat(calls).containsExactly("created [TX-XH, TX-TL]");
    }

    @Test
    void anEventWhoseHandlerFailsForGoodIsFoundOneAtATimeAndNamedToTheContainerAfterTheEventsBeforeIt() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventInput.handlers("Unit events")
                .runsOf(UnitCreated.class, run -> {
                    if (run.stream().anyMatch(unit -> unit.code().equals("TX-XT"))) {
                        throw new IllegalArgumentException("Mã đơn vị TX-XT đã có");
                    }
                    calls.add("created " + run.stream().map(UnitCreated::code).toList());
                });

        assertThatThrownBy(() -> handlers.accept(List.of(json(created("TX-XH"), "xh"), json(created("TX-TL"), "tl"),
                json(created("TX-XT"), "xt"), json(created("TX-XL"), "xl"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasRootCauseMessage("Mã đơn vị TX-XT đã có");
        assertThat(calls).as("the whole run three times, then one at a time up to the one that fails")
                .containsExactly("created [TX-XH]", "created [TX-TL]");
    }

    /** A poll in which Thọ Lập's return comes before Xuân Hòa's revision and its return: the revisions are applied first. */
    @Test
    void allHandlersRunInTheOrderTheyWereRegisteredWhicheverTypeComesFirstInThePoll() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventInput.handlers("Reports")
                .all(ReportSubmitted.class, all -> calls.add("submitted " + all.stream().map(r -> r.reportId() + " v" + r.version()).toList()))
                .all(ReportReturned.class, all -> calls.add("returned " + all.stream().map(r -> r.reportId() + " v" + r.version()).toList()));

        handlers.accept(List.of(json(returned("bc-tholap", 1), "tholap"), json(submitted("bc-xuanhoa", 2), "xuanhoa"),
                json(returned("bc-xuanhoa", 2), "xuanhoa")));

        assertThat(calls).containsExactly("submitted [bc-xuanhoa v2]", "returned [bc-tholap v1, bc-xuanhoa v2]");
    }

    private static ReportSubmitted submitted(String reportId, int version) {
        return new ReportSubmitted(reportId, version, "54-CT", reportId.substring(3), "2026", java.time.Instant.parse("2026-11-10T02:00:00Z"),
                LocalDate.of(2026, 11, 15), 0, List.of(new ReportSubmitted.Value("CT01", 44, 45L)));
    }

    private static ReportReturned returned(String reportId, int version) {
        return new ReportReturned(reportId, version, "54-CT", reportId.substring(3), "2026", "Số liệu chưa khớp sổ đoàn viên", "bt.thoxuan",
                java.time.Instant.parse("2026-11-12T02:00:00Z"));
    }

    @Test
    void theEventsOfAnAllTypeAreHandedOverTogetherAfterTheOthers() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventInput.handlers("Unit events")
                .all(UnitCreated.class, all -> calls.add("created " + all.stream().map(UnitCreated::code).toList()))
                .on(UnitRenamed.class, e -> calls.add("renamed " + e.newName()));

        handlers.accept(List.of(json(created("TX-XH"), "xh"), json(new UnitRenamed("xh", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Hòa mới", JANUARY), "xh"),
                json(created("TX-TL"), "tl")));

        assertThat(calls).containsExactly("renamed Đoàn xã Xuân Hòa mới", "created [TX-XH, TX-TL]");
    }

    @Test
    void theEventsOfAGroupOfTypesAreHandedOverTogetherInThePollsOrder() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventInput.handlers("Unit events")
                .all(List.of(UnitCreated.class, UnitRenamed.class), all -> calls.add(all.stream()
                        .map(e -> e instanceof UnitCreated c ? "created " + c.code() : "renamed " + ((UnitRenamed) e).newName()).toList().toString()))
                .on(PlanClosed.class, e -> calls.add("closed " + e.planId()));

        handlers.accept(List.of(json(created("TX-XH"), "xh"), json(new UnitRenamed("xh", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Hòa mới", JANUARY), "xh"),
                json(new PlanClosed("54-CT", "tx", JANUARY, "Hết hiệu lực"), "tx"), json(created("TX-TL"), "tl")));

        assertThat(calls).containsExactly("closed 54-CT", "[created TX-XH, renamed Đoàn xã Xuân Hòa mới, created TX-TL]");
    }

    @Test
    void aPollThatFailedIsHandedOverAgainWholeUntilItSucceeds() {
        List<String> calls = new ArrayList<>();
        int[] failures = {1};
        EventHandlers handlers = EventInput.handlers("Unit events")
                .runsOf(UnitCreated.class, run -> calls.add("created " + run.size()))
                .on(UnitRenamed.class, e -> {
                    if (failures[0]-- > 0) {
                        throw new IllegalStateException("MongoDB unreachable");
                    }
                    calls.add("renamed " + e.newName());
                });

        handlers.accept(List.of(json(created("TX-XH"), "xh"), json(new UnitRenamed("xh", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Hòa mới", JANUARY), "xh")));

        assertThat(calls).containsExactly("created 1", "created 1", "renamed Đoàn xã Xuân Hòa mới");
    }

    private static UnitCreated created(String code) {
        return new UnitCreated(code.toLowerCase(), code, "Đoàn xã " + code, UnitLevel.GRASSROOTS, "Đoàn xã", "tx", List.of("th", "tx"), JANUARY);
    }

    private static byte[] json(Object event, String unitId) {
        return EventCodec.toJson(CODEC.wrap(event, unitId)).getBytes(StandardCharsets.UTF_8);
    }
}
