package vn.doan.notificationservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.Backends;

/**
 * The catalog's plans over the MongoDB wire server: a database written by an earlier version, which stored the PlanIssued
 * event whole, is read after the upgrade at start, and a revision leaves no trace of that shape.
 */
class CatalogPlansTest {

    private static final String PLAN = "p54-thoxuan";
    private static final String DISTRICT = "tx-thoxuan";
    private static final String TITLE = "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU";
    private static final String CT01 = "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn";
    private static final String PERIOD_LABEL = "Báo cáo sơ kết 6 tháng đầu năm 2026";

    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = Backends.template(client, "catalog_plans_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aPlanStoredWholeAsTheEventIsRewrittenFromThatEventAtStartKeepingItsVersionAndClosed() {
        mongo.dropCollection("plans");
        storeEarlierShape(chuongTrinh54(3, LocalDate.of(2026, 6, 15)), true);

        Catalog catalog = new Catalog(mongo);
        catalog.upgradeEarlierShape();

        Plan expected = new Plan(PLAN, 3, true, "54-CT/ĐTN", TITLE, DISTRICT, LocalDate.of(2026, 3, 31), List.of(UnitLevel.GRASSROOTS),
                List.of(new Plan.Period("2026-H1", PERIOD_LABEL, LocalDate.of(2026, 6, 15), List.of(UnitLevel.GRASSROOTS),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))),
                List.of(new Plan.Indicator("CT01", CT01, "BTG")));
        assertThat(catalog.plan(PLAN)).contains(expected);
        assertThat(mongo.findById(PLAN, Document.class, "plans")).doesNotContainKey("plan").containsEntry("version", 3)
                .containsEntry("closed", true);
        assertThat(catalog.plansInForce()).as("a closed plan stays closed").isEmpty();

        catalog.upgradeEarlierShape();
        assertThat(new Catalog(mongo).plan(PLAN)).as("a second start changes nothing").contains(expected);
    }

    @Test
    void aRevisionOfAPlanStoredWholeReplacesItAndAnOlderVersionChangesNothing() {
        mongo.dropCollection("plans");
        storeEarlierShape(chuongTrinh54(1, LocalDate.of(2026, 6, 15)), false);
        Catalog catalog = new Catalog(mongo);

        Plan revised = catalog.planIssued(chuongTrinh54(2, LocalDate.of(2026, 6, 30)));
        catalog.planIssued(chuongTrinh54(1, LocalDate.of(2026, 6, 15)));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.schedule()).extracting(Plan.Period::dueDate).containsExactly(LocalDate.of(2026, 6, 30));
        assertThat(new Catalog(mongo).plan(PLAN)).contains(revised);
        assertThat(mongo.findById(PLAN, Document.class, "plans")).doesNotContainKey("plan");
        assertThat(new Catalog(mongo).plansInForceIssuedBy(List.of(DISTRICT))).containsExactly(revised);

        catalog.upgradeEarlierShape();
        assertThat(new Catalog(mongo).plan(PLAN)).as("the start after it rewrites nothing").contains(revised);
    }

    /** Chương trình hành động 54-CT/ĐTN of Huyện đoàn Thọ Xuân: a six-month report due {@code due} and an implementing plan. */
    private static PlanIssued chuongTrinh54(int version, LocalDate due) {
        return new PlanIssued(PLAN, "54-CT/ĐTN", TITLE, DISTRICT, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new PlanIssued.Indicator("CT01", CT01, IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS),
                        null, List.of(), "BTG", List.of())),
                List.of(new PlanIssued.ReportingPeriod("2026-H1", PERIOD_LABEL, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), due,
                        List.of(UnitLevel.GRASSROOTS))),
                version, version > 1 ? "Điều chỉnh thời hạn" : null, "ACTION_PROGRAM", null, LocalDate.of(2026, 3, 31), List.of(UnitLevel.GRASSROOTS));
    }

    /** The document the earlier version wrote: the event whole under {@code plan}, typed as the record that held it. */
    private static void storeEarlierShape(PlanIssued issued, boolean closed) {
        Document event = new Document();
        mongo.getConverter().write(issued, event);
        event.remove("_class");
        mongo.insert(new Document("_id", issued.planId()).append("version", issued.version()).append("closed", closed).append("plan", event)
                .append("_class", "vn.doan.notificationservice.catalog.Catalog$Plan"), "plans");
    }
}
