package vn.doan.localstack;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two plans of the seeds as plan-service takes them: number, type, place and date, title, the documents they implement,
 * goals, indicators with the seeds' own wording and targets, responsibilities, recipients and signer.
 */
final class DemoPlans {

    private DemoPlans() {
    }

    /**
     * 54-CT/ĐTN of Huyện đoàn Thọ Xuân (28/04/2016), as written, except its time: the seed runs to 2020 and names no
     * reporting dates ("gắn với báo cáo định kỳ công tác Đoàn"), so the demo runs it to the end of this year with a yearly
     * report for last year (due 15/11, long past: late and missing units) and one for this year due in ten days (reports
     * on time, units not yet due).
     */
    static Map<String, Object> thoXuanActionProgram(String district, LocalDate today) {
        int year = today.getYear();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "54-CT/ĐTN");
        plan.put("type", "Chương trình hành động");
        plan.put("title", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy “về tiếp tục đổi mới, nâng cao "
                + "chất lượng hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội tỉnh Thanh Hóa giai đoạn 2015 - 2020”");
        plan.put("issuingUnitId", district);
        plan.put("issuedOn", "2016-04-28");
        plan.put("place", "Thọ Xuân");
        plan.put("implementsDocuments", List.of(
                Map.of("number", "02-NQ/TU", "date", "2015-12-30", "issuer", "Ban Thường vụ Tỉnh ủy Thanh Hóa",
                        "title", "về tiếp tục đổi mới, nâng cao chất lượng hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội"),
                Map.of("number", "17-CT/HU", "date", "2016-04-19", "issuer", "Huyện ủy Thọ Xuân",
                        "title", "Chương trình hành động thực hiện Nghị quyết 02-NQ/TU")));
        plan.put("periodFrom", "2016-04-28");
        plan.put("periodTo", LocalDate.of(year, 12, 31).toString());
        plan.put("goals", "Nâng cao nhận thức cho đội ngũ cán bộ, đoàn viên thanh niên về vị trí vai trò của tổ chức Đoàn TNCS Hồ Chí Minh "
                + "trong hệ thống chính trị; xây dựng, củng cố, kiện toàn tổ chức; đổi mới nội dung, phương thức hoạt động với phương châm "
                + "“thiết thực, hiệu quả”.");
        plan.put("indicators", List.of(
                indicator("CT1", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                        "SHARE_OF_PEOPLE", 100, "BTC-KT", Map.of("when", "EVERY_YEAR", "value", 100)),
                indicator("CT2", "100% cơ sở đoàn hoạt động có hiệu quả với nội dung, phương thức mới phù hợp, thu hút 75% thanh niên vào "
                        + "tổ chức Đoàn - Hội", "SHARE_OF_PEOPLE", 75, "BTG", Map.of("when", "BY_YEAR", "year", 2018, "value", 75)),
                indicator("CT3", "100% Đoàn cơ sở có phòng làm việc riêng và có trang thiết bị đảm bảo hoạt động", "YES_NO", 100, "VP",
                        Map.of("when", "BY_YEAR", "year", 2019, "value", 100)),
                indicator("CT4", "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%", "RATE_AT_MOST", 3, "BTC-KT",
                        Map.of("when", "BY_YEAR", "year", 2019, "value", 3))));
        plan.put("responsibilities", List.of(
                Map.of("level", "DISTRICT", "text", "Thường xuyên đôn đốc kiểm tra, định kỳ sơ kết, tổng kết đánh giá kết quả thực hiện các "
                        + "nội dung chương trình hành động ở cơ sở để có giải pháp chỉ đạo hiệu quả."),
                Map.of("level", "GRASSROOTS", "text", "Báo cáo với BTV Huyện Đoàn và cấp ủy Đảng việc triển khai thực hiện Chương trình "
                        + "hành động gắn với báo cáo định kỳ công tác Đoàn và phong trào thanh thiếu nhi.")));
        plan.put("recipients", List.of(Map.of("name", "TT Tỉnh Đoàn", "purpose", "FOR_INFORMATION"),
                Map.of("name", "TT Huyện ủy", "purpose", "FOR_INFORMATION"),
                Map.of("name", "67 cơ sở Đoàn", "purpose", "CARRY_OUT")));
        LocalDate due = today.plusDays(10);
        plan.put("schedule", List.of(
                period(String.valueOf(year - 1), "Báo cáo năm " + (year - 1), LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31),
                        LocalDate.of(year - 1, 11, 15)),
                period(String.valueOf(year), "Báo cáo năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), due)));
        return plan;
    }

    /**
     * 66-KH/TĐTN-BTG of Tỉnh đoàn Thanh Hóa (25/09/2018), as written: the study of Resolution 01, conferences of the districts
     * before 15/11/2018 and of the grassroots units before 30/12/2018, results reported before 05/01/2019; the districts
     * make it concrete in plans of their own.
     */
    static Map<String, Object> thanhHoaResolutionPlan(String province) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "66-KH/TĐTN-BTG");
        plan.put("type", "Kế hoạch");
        plan.put("title", "Kế hoạch tổ chức học tập, tuyên truyền, triển khai Nghị quyết số 01 của Ban chấp hành Tỉnh đoàn khóa XVIII về đổi "
                + "mới, nâng cao chất lượng tổ chức Đoàn xã, phường, thị trấn giai đoạn 2018 - 2022");
        plan.put("issuingUnitId", province);
        plan.put("issuedOn", "2018-09-25");
        plan.put("place", "Thanh Hóa");
        plan.put("implementsDocuments", List.of(Map.of("number", "01-NQ/TĐTN", "date", "2018-08-06", "issuer", "Ban Chấp hành Tỉnh đoàn Thanh Hóa",
                "title", "về đổi mới, nâng cao chất lượng tổ chức Đoàn xã, phường, thị trấn giai đoạn 2018 – 2022")));
        plan.put("periodFrom", "2018-09-25");
        plan.put("periodTo", "2022-12-31");
        plan.put("goals", "Giúp các cấp bộ đoàn, đoàn viên, thanh thiếu nhi nắm vững ý nghĩa, tầm quan trọng và những nội dung cơ bản của "
                + "Nghị quyết 01, nhằm tạo sự chuyển biến mạnh mẽ về chất lượng tổ chức Đoàn xã, phường, thị trấn.");
        Map<String, Object> study = indicator("NQ1", "100% cán bộ đoàn các cấp và bí thư chi đoàn tham gia học tập đầy đủ, nghiêm túc nội "
                + "dung Nghị quyết", "SHARE_OF_PEOPLE", 100, "BTG", null);
        Map<String, Object> conferences = indicator("NQ2", "Tổ chức Hội nghị học tập, quán triệt Nghị quyết 01: cấp huyện hoàn thành trước "
                + "ngày 15/11/2018, cấp cơ sở hoàn thành trước ngày 30/12/2018", "MILESTONE", 100, "BTG", null);
        conferences.put("reportingLevels", List.of("DISTRICT", "GRASSROOTS"));
        conferences.put("deadlines", List.of(Map.of("level", "DISTRICT", "deadline", "2018-11-15"),
                Map.of("level", "GRASSROOTS", "deadline", "2018-12-30")));
        plan.put("indicators", List.of(study, conferences));
        plan.put("responsibilities", List.of(
                Map.of("level", "DISTRICT", "text", "Cụ thể hóa Kế hoạch triển khai thực hiện Nghị quyết 01 phù hợp với tình hình thực tế "
                        + "của địa phương, đơn vị."),
                Map.of("level", "GRASSROOTS", "text", "Tổng hợp, báo cáo kết quả triển khai thực hiện về Ban Thường vụ đoàn cấp trên trực tiếp.")));
        plan.put("recipients", List.of(Map.of("name", "Ban Bí thư TW Đoàn", "purpose", "FOR_INFORMATION"),
                Map.of("name", "BTV Đoàn cấp huyện", "purpose", "CARRY_OUT")));
        plan.put("signer", Map.of("onBehalfOf", "TM. Ban Thường vụ Tỉnh đoàn", "position", "Phó Bí thư", "name", "Nguyễn Hữu Tuất"));
        Map<String, Object> results = period("2018-NQ01", "Báo cáo kết quả học tập, triển khai Nghị quyết 01", LocalDate.of(2018, 9, 25),
                LocalDate.of(2018, 12, 31), LocalDate.of(2019, 1, 5));
        results.put("reportingLevels", List.of("DISTRICT", "GRASSROOTS"));
        plan.put("schedule", List.of(results));
        plan.put("implementingPlanDue", "2018-11-15");
        plan.put("implementingLevels", List.of("DISTRICT"));
        return plan;
    }

    private static Map<String, Object> indicator(String code, String text, String kind, int target, String department, Map<String, Object> over) {
        Map<String, Object> indicator = new LinkedHashMap<>(Map.of("code", code, "text", text, "kind", kind, "target", target,
                "reportingLevels", List.of("GRASSROOTS"), "department", department));
        if (over != null) {
            indicator.put("targets", List.of(over));
        }
        return indicator;
    }

    private static Map<String, Object> period(String id, String label, LocalDate from, LocalDate to, LocalDate due) {
        return new LinkedHashMap<>(Map.of("periodId", id, "label", label, "from", from.toString(), "to", to.toString(), "dueDate", due.toString(),
                "reportingLevels", List.of("GRASSROOTS")));
    }
}
