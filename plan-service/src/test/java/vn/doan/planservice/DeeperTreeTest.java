package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.doan.events.Topics;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.HttpJson;

/**
 * A deployment configured with eight levels ({@code doan.units.levels}): the Đoàn khối between the province and the
 * grassroots, the liên chi đoàn between the grassroots and the branch, the phân đoàn below the branch. Its tree is created
 * and imported as deep as that, in that order only, and its plans ask any configured level to report.
 */
@TestPropertySource(properties = {
        "doan.units.levels[0].code=CENTRAL", "doan.units.levels[0].name=Trung ương Đoàn",
        "doan.units.levels[1].code=PROVINCE", "doan.units.levels[1].name=Tỉnh đoàn",
        "doan.units.levels[2].code=DISTRICT", "doan.units.levels[2].name=Huyện đoàn",
        "doan.units.levels[3].code=DOAN_KHOI", "doan.units.levels[3].name=Đoàn khối",
        "doan.units.levels[4].code=GRASSROOTS", "doan.units.levels[4].name=Đoàn cơ sở",
        "doan.units.levels[5].code=LIEN_CHI_DOAN", "doan.units.levels[5].name=Liên chi đoàn",
        "doan.units.levels[6].code=BRANCH", "doan.units.levels[6].name=Chi đoàn",
        "doan.units.levels[7].code=PHAN_DOAN", "doan.units.levels[7].name=Phân đoàn"})
class DeeperTreeTest extends PlanServiceTestBase {

    private static final UnitLevel LIEN_CHI_DOAN = UnitLevel.of("LIEN_CHI_DOAN");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        vn.doan.support.test.Backends.embedded().register(registry, "plan_deeper_tree");
    }

    @Override
    String kafkaBootstrap() {
        return vn.doan.support.test.Backends.embedded().kafkaBootstrap();
    }

    @Test
    void aTreeSixLevelsDeepIsCreatedThroughTheApiEachLevelBelowItsParents() {
        String binhPhuoc = createUnitId("BP-TINH", "Tỉnh đoàn Bình Phước", "PROVINCE", null);
        String doanKhoi = createUnitId("BP-DKCQ", "Đoàn khối các cơ quan tỉnh", "DOAN_KHOI", binhPhuoc);
        String soYTe = createUnitId("BP-DKCQ-SYT", "Đoàn cơ sở Sở Y tế", "GRASSROOTS", doanKhoi);
        String benhVien = createUnitId("BP-DKCQ-SYT-BVDK", "Liên chi đoàn Bệnh viện đa khoa tỉnh", "LIEN_CHI_DOAN", soYTe);
        String khoaNoi = createUnitId("BP-DKCQ-SYT-BVDK-NOI", "Chi đoàn Khoa Nội", "BRANCH", benhVien);
        JsonNode dieuDuong = createUnit("BP-DKCQ-SYT-BVDK-NOI-DD", "Phân đoàn Điều dưỡng", "PHAN_DOAN", khoaNoi);

        assertThat(dieuDuong.get("level").asString()).isEqualTo("PHAN_DOAN");
        assertThat(texts(dieuDuong.get("ancestorIds"))).containsExactly(binhPhuoc, doanKhoi, soYTe, benhVien, khoaNoi);
        UnitCreated created = (UnitCreated) events(Topics.ORG_UNITS, benhVien, "vn.doan.plan.UnitCreated", 1).get(0);
        assertThat(created.level()).isEqualTo(LIEN_CHI_DOAN);
        assertThat(created.levelName()).isEqualTo("Liên chi đoàn");
        assertThat(((UnitCreated) events(Topics.ORG_UNITS, binhPhuoc, "vn.doan.plan.UnitCreated", 1).get(0)).levelName()).isEqualTo("Tỉnh đoàn");
        assertThat(mongo.getCollection("org_units").find(new Document("_id", benhVien)).first().get("level"))
                .as("stored as its code, like the five").isEqualTo("LIEN_CHI_DOAN");

        HttpJson.Response earlier = http().post("/api/units", PlanFixtures.unit("BP-X1", "Đoàn khối doanh nghiệp", "DOAN_KHOI", benhVien));
        assertThat(earlier.status()).isEqualTo(422);
        assertThat(earlier.body().get("rule").asString()).isEqualTo("unit.level-not-below-parent");
        assertThat(earlier.body().get("field").asString()).isEqualTo("level");
        assertThat(earlier.body().get("detail_vi").asString()).isEqualTo(
                "Cấp của đơn vị (Đoàn khối) phải thấp hơn cấp của đơn vị cấp trên (Liên chi đoàn).");
        HttpJson.Response equal = http().post("/api/units", PlanFixtures.unit("BP-X2", "Liên chi đoàn Khoa Ngoại", "LIEN_CHI_DOAN", benhVien));
        assertThat(equal.status()).isEqualTo(422);
        assertThat(equal.body().get("rule").asString()).isEqualTo("unit.level-not-below-parent");
        HttpJson.Response unknown = http().post("/api/units", PlanFixtures.unit("BP-X3", "Đoàn trực thuộc Tỉnh đoàn", "DOAN_TRUC_THUOC", binhPhuoc));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("unit.level-unknown");
        assertThat(unknown.body().get("field").asString()).isEqualTo("level");
        assertThat(unknown.body().get("detail_vi").asString()).startsWith("Cấp DOAN_TRUC_THUOC không có trong danh sách cấp của hệ thống: ")
                .contains("Liên chi đoàn (LIEN_CHI_DOAN)", "Phân đoàn (PHAN_DOAN)");
        HttpJson.Response notACode = http().post("/api/units", PlanFixtures.unit("BP-X4", "Liên chi đoàn Khoa Sản", "Liên chi đoàn", soYTe));
        assertThat(notACode.status()).as("not of a level code's form").isEqualTo(400);
        assertThat(notACode.body().get("field").asString()).isEqualTo("level");
        assertThat(mongo.getCollection("org_units").countDocuments(new Document("code", new Document("$regex", "^BP-X")))).isZero();
    }

    @Test
    void theSameTreeImportsFromCsvAndARowOfAnUnknownOrHigherLevelStopsTheImport() {
        String csv = """
                code,name,level,kind,parentCode,effectiveFrom
                BPC-TINH,Tỉnh đoàn Bình Phước,PROVINCE,,,01/07/2025
                BPC-DKCQ,Đoàn khối các cơ quan tỉnh,DOAN_KHOI,agency,BPC-TINH,01/07/2025
                BPC-SYT,Đoàn cơ sở Sở Y tế,GRASSROOTS,agency,BPC-DKCQ,01/07/2025
                BPC-BVDK,Liên chi đoàn Bệnh viện đa khoa tỉnh,lien_chi_doan,hospital,BPC-SYT,01/07/2025
                BPC-NOI,Chi đoàn Khoa Nội,BRANCH,,BPC-BVDK,01/07/2025
                BPC-DD,Phân đoàn Điều dưỡng,PHAN_DOAN,,BPC-NOI,01/07/2025
                """;

        HttpJson.Response imported = http().post("/api/units/import", csv, "text/csv");

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().get("created").asInt()).isEqualTo(6);
        Document dieuDuong = mongo.getCollection("org_units").find(new Document("code", "BPC-DD")).first();
        assertThat(dieuDuong.getString("level")).isEqualTo("PHAN_DOAN");
        assertThat(dieuDuong.getList("ancestorIds", String.class)).hasSize(5);
        Document benhVien = mongo.getCollection("org_units").find(new Document("code", "BPC-BVDK")).first();
        assertThat(benhVien.getString("level")).isEqualTo("LIEN_CHI_DOAN");
        assertThat(((UnitCreated) events(Topics.ORG_UNITS, benhVien.getString("_id"), "vn.doan.plan.UnitCreated", 1).get(0)).levelName())
                .isEqualTo("Liên chi đoàn");

        HttpJson.Response unknown = http().post("/api/units/import", """
                code,name,level,kind,parentCode,effectiveFrom
                BPC-KHOA-SAN,Liên chi đoàn Khoa Sản,LIEN_CHI_DOAN,,BPC-SYT,01/07/2025
                BPC-TRUCTHUOC,Đoàn trực thuộc Tỉnh đoàn,DOAN_TRUC_THUOC,,BPC-TINH,01/07/2025
                """, "text/csv");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("import.level-unknown");
        assertThat(unknown.body().get("field").asString()).isEqualTo("rows[1].level");
        assertThat(unknown.body().get("errorCount").asInt()).isEqualTo(1);
        assertThat(unknown.body().get("errors").get(0).get("detailVi").asString())
                .startsWith("Dòng 2: cấp DOAN_TRUC_THUOC không có trong danh sách cấp của hệ thống: ");

        HttpJson.Response higher = http().post("/api/units/import", """
                code,name,level,kind,parentCode,effectiveFrom
                BPC-KHOA-NGOAI,Liên chi đoàn Khoa Ngoại,LIEN_CHI_DOAN,,BPC-SYT,01/07/2025
                BPC-CSYT,Đoàn cơ sở Trung tâm Y tế,GRASSROOTS,,BPC-KHOA-NGOAI,01/07/2025
                """, "text/csv");
        assertThat(higher.status()).isEqualTo(422);
        assertThat(higher.body().get("rule").asString()).isEqualTo("import.level-not-below-parent");
        assertThat(higher.body().get("field").asString()).isEqualTo("rows[1].level");
        assertThat(mongo.getCollection("org_units").countDocuments(new Document("code", new Document("$in",
                List.of("BPC-KHOA-SAN", "BPC-TRUCTHUOC", "BPC-KHOA-NGOAI", "BPC-CSYT"))))).as("nothing half-written").isZero();
    }

    @Test
    void aPlanOfTheDoanKhoiAsksItsLienChiDoanToReportButNoLevelAboveItsIssuerNorAnUnknownOne() {
        String province = createUnitId("BPP-TINH", "Tỉnh đoàn Bình Phước", "PROVINCE", null);
        String doanKhoi = createUnitId("BPP-DKCQ", "Đoàn khối các cơ quan tỉnh", "DOAN_KHOI", province);
        String soYTe = createUnitId("BPP-SYT", "Đoàn cơ sở Sở Y tế", "GRASSROOTS", doanKhoi);

        HttpJson.Response draft = http().post("/api/plans", youthMonthPlan(doanKhoi, "12-KH/ĐKCQ", "LIEN_CHI_DOAN"));
        assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
        String planId = draft.body().get("id").asString();
        assertThat(ok(http().post("/api/plans/" + planId + "/issue", "")).get("status").asString()).isEqualTo("ISSUED");
        PlanIssued issued = (PlanIssued) events(Topics.PLANS, doanKhoi, "vn.doan.plan.PlanIssued", 1).get(0);
        assertThat(issued.indicators().get(0).reportingLevels()).containsExactly(LIEN_CHI_DOAN);
        assertThat(issued.schedule().get(0).reportingLevels()).containsExactly(LIEN_CHI_DOAN);

        HttpJson.Response above = http().post("/api/plans", youthMonthPlan(soYTe, "05-KH/ĐTN", "DOAN_KHOI"));
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.body().get("rule").asString()).isEqualTo("indicator.level-above-issuer");
        HttpJson.Response unknown = http().post("/api/plans", youthMonthPlan(doanKhoi, "13-KH/ĐKCQ", "DOAN_TRUC_THUOC"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("unit.level-unknown");
        assertThat(unknown.body().get("field").asString()).isEqualTo("indicators[0].reportingLevels[0]");
    }

    /** Kế hoạch tổ chức Tháng Thanh niên năm 2026, one indicator and the yearly report, both asked of {@code level}. */
    private static Map<String, Object> youthMonthPlan(String issuerId, String number, String level) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", number);
        plan.put("title", "Kế hoạch tổ chức Tháng Thanh niên năm 2026");
        plan.put("issuingUnitId", issuerId);
        plan.put("issuedOn", "2026-02-20");
        plan.put("periodFrom", "2026-03-01");
        plan.put("periodTo", "2026-12-31");
        plan.put("indicators", List.of(Map.of("code", "CT1", "text", "Mỗi liên chi đoàn tổ chức ít nhất 01 hoạt động tình nguyện vì cộng đồng",
                "kind", "COUNT_AT_LEAST", "target", 1, "reportingLevels", List.of(level))));
        plan.put("schedule", List.of(Map.of("periodId", "2026", "label", "Báo cáo năm 2026", "from", "2026-03-01", "to", "2026-12-31",
                "dueDate", "2026-11-15", "reportingLevels", List.of(level))));
        return plan;
    }
}
