package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.plan.UnitsMerged;
import vn.doan.support.test.HttpJson;

/** Restructuring with effective dates, and importing a whole tree in one call. */
abstract class OrgTreeTests extends PlanServiceTestBase {

    @Test
    void mergingTwoCommunesMovesTheirBranchesAndAnnouncesEveryStep() {
        String district = createUnitId("MG-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        String thoLap = createUnitId("MG-THOLAP", "Đoàn xã Thọ Lập", "GRASSROOTS", district);
        String xuanHoa = createUnitId("MG-XUANHOA", "Đoàn xã Xuân Hòa", "GRASSROOTS", district);
        String branch = createUnitId("MG-THOLAP-KHU1", "Chi đoàn khu 1", "BRANCH", thoLap);

        JsonNode merged = ok(http().post("/api/units/merge", Map.of("sourceUnitIds", List.of(thoLap, xuanHoa),
                "newTarget", Map.of("code", "MG-XUANLAP", "name", "Đoàn xã Xuân Lập", "kind", "commune"),
                "effectiveFrom", "2025-07-01")));

        String target = merged.get("id").asString();
        assertThat(merged.get("parentId").asString()).isEqualTo(district);
        JsonNode movedBranch = ok(http().get("/api/units/" + branch));
        assertThat(movedBranch.get("parentId").asString()).isEqualTo(target);
        assertThat(texts(movedBranch.get("ancestorIds"))).containsExactly(district, target);
        for (String source : List.of(thoLap, xuanHoa)) {
            JsonNode dissolved = ok(http().get("/api/units/" + source));
            assertThat(dissolved.get("status").asString()).isEqualTo("DISSOLVED");
            assertThat(dissolved.get("dissolvedOn").asString()).isEqualTo("2025-07-01");
            UnitDissolved event = (UnitDissolved) events(Topics.ORG_UNITS, source, "vn.doan.plan.UnitDissolved", 1).get(0);
            assertThat(event.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        }
        UnitCreated created = (UnitCreated) events(Topics.ORG_UNITS, target, "vn.doan.plan.UnitCreated", 1).get(0);
        assertThat(created.name()).isEqualTo("Đoàn xã Xuân Lập");
        UnitMoved moved = (UnitMoved) events(Topics.ORG_UNITS, branch, "vn.doan.plan.UnitMoved", 1).get(0);
        assertThat(moved.oldAncestorIds()).containsExactly(district, thoLap);
        assertThat(moved.newAncestorIds()).containsExactly(district, target);
        assertThat(moved.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        List<Object> mergedEvents = events(Topics.ORG_UNITS, target, "vn.doan.plan.UnitsMerged", 1);
        assertThat(mergedEvents).hasSize(1);
        assertThat(((UnitsMerged) mergedEvents.get(0)).sourceUnitIds()).containsExactly(thoLap, xuanHoa);

        HttpJson.Response again = http().post("/api/units/merge", Map.of("sourceUnitIds", List.of(thoLap), "targetUnitId", target,
                "effectiveFrom", "2025-08-01"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().get("rule").asString()).isEqualTo("unit.dissolved");
    }

    @Test
    void movingAUnitToAnotherDistrictRewritesItsSubtreeAndKeepsItsHistory() {
        String province = createUnitId("MV-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        String thoXuan = createUnitId("MV-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", province);
        String trieuSon = createUnitId("MV-TRIEUSON", "Huyện đoàn Triệu Sơn", "DISTRICT", province);
        String school = createUnitId("MV-THPT4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS", thoXuan);
        String branch = createUnitId("MV-THPT4-12A", "Chi đoàn 12A", "BRANCH", school);

        JsonNode moved = ok(http().post("/api/units/" + school + "/move", Map.of("newParentId", trieuSon, "effectiveFrom", "2025-07-01")));

        assertThat(texts(moved.get("ancestorIds"))).containsExactly(province, trieuSon);
        assertThat(texts(ok(http().get("/api/units/" + branch)).get("ancestorIds"))).containsExactly(province, trieuSon, school);
        JsonNode history = moved.get("history");
        assertThat(history.get(0).get("type").asString()).isEqualTo("CREATED");
        assertThat(history.get(0).get("parentId").asString()).isEqualTo(thoXuan);
        assertThat(history.get(1).get("type").asString()).isEqualTo("MOVED");
        assertThat(history.get(1).get("effectiveFrom").asString()).isEqualTo("2025-07-01");
        UnitMoved event = (UnitMoved) events(Topics.ORG_UNITS, school, "vn.doan.plan.UnitMoved", 1).get(0);
        assertThat(event.oldParentId()).isEqualTo(thoXuan);
        assertThat(event.newAncestorIds()).containsExactly(province, trieuSon);

        HttpJson.Response cycle = http().post("/api/units/" + trieuSon + "/move", Map.of("newParentId", school, "effectiveFrom", "2025-08-01"));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.body().get("rule").asString()).isIn("unit.move-cycle", "unit.level-not-below-parent");

        JsonNode renamed = ok(http().post("/api/units/" + school + "/rename", Map.of("name", "Đoàn trường THPT Triệu Sơn 7", "effectiveFrom", "2025-09-01")));
        assertThat(renamed.get("name").asString()).isEqualTo("Đoàn trường THPT Triệu Sơn 7");
        UnitRenamed rename = (UnitRenamed) events(Topics.ORG_UNITS, school, "vn.doan.plan.UnitRenamed", 1).get(0);
        assertThat(rename.oldName()).isEqualTo("Đoàn trường THPT Thọ Xuân 4");
    }

    @Test
    void addingADepartmentIsAnnounced() {
        String district = createUnitId("DEP-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);

        ok(http().post("/api/units/" + district + "/departments", Map.of("code", "BTG", "name", "Ban Tuyên giáo")));
        JsonNode unit = ok(http().post("/api/units/" + district + "/departments", Map.of("code", "BTC-KT", "name", "Ban Tổ chức – Kiểm tra")));

        assertThat(unit.get("departments").findValues("code").stream().map(JsonNode::asString).toList()).containsExactly("BTG", "BTC-KT");
        assertThat(http().post("/api/units/" + district + "/departments", Map.of("code", "BTG", "name", "Ban Tuyên giáo")).status()).isEqualTo(409);
        List<Object> changes = events(Topics.ORG_UNITS, district, "vn.doan.plan.UnitDepartmentsChanged", 2);
        assertThat(((vn.doan.events.plan.UnitDepartmentsChanged) changes.get(1)).departments())
                .extracting(vn.doan.events.plan.UnitDepartmentsChanged.Department::name).containsExactly("Ban Tuyên giáo", "Ban Tổ chức – Kiểm tra");
    }

    @Test
    void splittingAUnitNeedsEveryChildAssigned() {
        String district = createUnitId("SP-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        String school = createUnitId("SP-THPT4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS", district);
        String branchA = createUnitId("SP-12A", "Chi đoàn 12A", "BRANCH", school);
        String branchB = createUnitId("SP-12B", "Chi đoàn 12B", "BRANCH", school);
        List<Map<String, String>> parts = List.of(Map.of("code", "SP-THPT4-A", "name", "Đoàn trường THPT Thọ Xuân 4 (cơ sở A)", "kind", "school"),
                Map.of("code", "SP-THPT4-B", "name", "Đoàn trường THPT Thọ Xuân 4 (cơ sở B)", "kind", "school"));

        HttpJson.Response unassigned = http().post("/api/units/" + school + "/split",
                Map.of("parts", parts, "childAssignments", Map.of(branchA, "SP-THPT4-A"), "effectiveFrom", "2019-09-01"));
        assertThat(unassigned.status()).isEqualTo(422);
        assertThat(unassigned.body().get("field").asString()).isEqualTo("childAssignments." + branchB);
        assertThat(ok(http().get("/api/units/" + school)).get("status").asString()).as("nothing half-done").isEqualTo("ACTIVE");

        JsonNode split = ok(http().post("/api/units/" + school + "/split",
                Map.of("parts", parts, "childAssignments", Map.of(branchA, "SP-THPT4-A", branchB, "SP-THPT4-B"), "effectiveFrom", "2019-09-01")));
        assertThat(split.size()).isEqualTo(2);
        assertThat(ok(http().get("/api/units/" + branchB)).get("parentId").asString()).isEqualTo(split.get(1).get("id").asString());
        assertThat(ok(http().get("/api/units/" + school)).get("status").asString()).isEqualTo("DISSOLVED");
    }

    @Test
    void aFileWithBadRowsListsThemAllAndImportsNothing() {
        String province = createUnitId("IMP-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("IMP-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "IMP-THANHHOA"));
        rows.add(row("IMP-THOLAP", "Đoàn xã Thọ Lập", "GRASSROOTS", "IMP-THOXUAN"));
        rows.add(row("IMP-THOLAP", "Đoàn xã Thọ Lập (trùng)", "GRASSROOTS", "IMP-THOXUAN"));
        rows.add(row("IMP-XUANHOA", "Đoàn xã Xuân Hòa", "GRASSROOTS", "IMP-KHONGCO"));
        rows.add(row("IMP-A", "Chi đoàn A", "BRANCH", "IMP-B"));
        rows.add(row("IMP-B", "Chi đoàn B", "BRANCH", "IMP-A"));

        HttpJson.Response duplicate = http().post("/api/units/import", Map.of("rows", rows));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body().get("errorCount").asInt()).isEqualTo(1);
        assertThat(duplicate.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(duplicate.body().get("errors").get(0).get("rule").asString()).isEqualTo("import.code-duplicate");

        rows.remove(2);
        HttpJson.Response parents = http().post("/api/units/import", Map.of("rows", rows));
        assertThat(parents.status()).isEqualTo(422);
        assertThat(parents.body().get("errors").findValues("rule").stream().map(JsonNode::asString).toList())
                .containsExactly("import.parent-unknown", "import.cycle", "import.cycle");
        assertThat(parents.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);

        rows.remove(2);
        HttpJson.Response cycle = http().post("/api/units/import", Map.of("rows", rows));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.body().get("errors").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(3, 4);
        assertThat(cycle.body().get("detail_vi").asString()).contains("chưa nhập dòng nào");

        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("code", new org.bson.Document("$regex", "^IMP-"))))
                .as("only the province that existed before").isEqualTo(1);
        assertThat(province).isNotBlank();
    }

    @Test
    void aProvinceTreeImportsFromCsvInOneCall() {
        StringBuilder csv = new StringBuilder("code,name,level,kind,parentCode,effectiveFrom\n");
        csv.append("CSV-KIENGIANG,Tỉnh đoàn Kiên Giang,PROVINCE,,,01/01/2014\n");
        int expected = 1;
        for (int d = 1; d <= 15; d++) {
            csv.append("CSV-D").append(d).append(",\"Huyện đoàn số ").append(d).append(", Kiên Giang\",DISTRICT,district,CSV-KIENGIANG,01/01/2014\n");
            expected++;
            for (int g = 1; g <= 20; g++) {
                String code = "CSV-D" + d + "-G" + g;
                csv.append(code).append(",Đoàn xã ").append(g).append(",GRASSROOTS,commune,CSV-D").append(d).append(",01/01/2014\n");
                expected++;
                for (int b = 1; b <= 5; b++) {
                    csv.append(code).append("-B").append(b).append(",Chi đoàn ấp ").append(b).append(",BRANCH,,").append(code).append(",01/01/2014\n");
                    expected++;
                }
            }
        }

        HttpJson.Response response = http().post("/api/units/import", csv.toString(), "text/csv");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().get("created").asInt()).isEqualTo(expected).isEqualTo(1 + 15 + 300 + 1500);
        org.bson.Document branch = mongo.getCollection("org_units").find(new org.bson.Document("code", "CSV-D7-G3-B2")).first();
        org.bson.Document district = mongo.getCollection("org_units").find(new org.bson.Document("code", "CSV-D7")).first();
        assertThat(branch.getList("ancestorIds", String.class)).hasSize(3).contains(district.getString("_id"));
        assertThat(mongo.getCollection("org_units").find(new org.bson.Document("code", "CSV-D7")).first().getString("name"))
                .isEqualTo("Huyện đoàn số 7, Kiên Giang");
    }

    private static Map<String, Object> row(String code, String name, String level, String parentCode) {
        return Map.of("code", code, "name", name, "level", level, "parentCode", parentCode, "effectiveFrom", "2016-01-01");
    }
}
