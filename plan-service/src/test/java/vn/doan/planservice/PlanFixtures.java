package vn.doan.planservice;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies drawn from the seed plans. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static Map<String, Object> unit(String code, String name, String level, String parentId) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("code", code);
        unit.put("name", name);
        unit.put("level", level);
        unit.put("kind", "GRASSROOTS".equals(level) ? "commune" : null);
        unit.put("parentId", parentId);
        unit.put("effectiveFrom", "2016-01-01");
        return unit;
    }

    static Map<String, Object> indicator(String code, String text, String kind, int target) {
        return Map.of("code", code, "text", text, "kind", kind, "target", target, "reportingLevels", List.of("GRASSROOTS"));
    }

    /** Chương trình hành động 54-CT/ĐTN of Huyện đoàn Thọ Xuân, 28/04/2016, with its first indicator. */
    static Map<String, Object> thoXuanActionProgram(String districtId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "54-CT/ĐTN");
        plan.put("title", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy");
        plan.put("issuingUnitId", districtId);
        plan.put("issuedOn", "2016-04-28");
        plan.put("periodFrom", "2016-01-01");
        plan.put("periodTo", "2020-12-31");
        plan.put("indicators", List.of(indicator("CT1",
                "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                "SHARE_OF_PEOPLE", 100)));
        plan.put("schedule", List.of(Map.of("periodId", "2016", "label", "Báo cáo năm 2016",
                "from", "2016-01-01", "to", "2016-12-31", "dueDate", "2016-11-15", "reportingLevels", List.of("GRASSROOTS"))));
        return plan;
    }
}
