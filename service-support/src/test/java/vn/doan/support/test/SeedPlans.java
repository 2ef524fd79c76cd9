package vn.doan.support.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Five real plans of the Union (the seed plans) as request bodies, written as the documents word them. */
public final class SeedPlans {

    private SeedPlans() {
    }

    private static Map<String, Object> indicator(String code, String text, String kind, Number target, List<String> levels,
            String department, List<Map<String, Object>> targets) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("code", code);
        indicator.put("text", text);
        indicator.put("kind", kind);
        indicator.put("target", target);
        indicator.put("reportingLevels", levels);
        indicator.put("targetMax", null);
        indicator.put("targets", targets);
        indicator.put("department", department);
        indicator.put("deadlines", List.of());
        return indicator;
    }

    private static Map<String, Object> byYear(int year, Number value) {
        return target("BY_YEAR", year, value);
    }

    private static Map<String, Object> everyYear(Number value) {
        return target("EVERY_YEAR", null, value);
    }

    /** A target over time with every field present, as plan-service answers it (nulls included). */
    private static Map<String, Object> target(String when, Integer year, Number value) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("when", when);
        target.put("year", year);
        target.put("value", value);
        target.put("untilYear", null);
        return target;
    }

    private static final List<String> GRASSROOTS = List.of("GRASSROOTS");
    private static final List<String> DISTRICT = List.of("DISTRICT");

    /**
     * Chương trình hành động số 54-CT/ĐTN, Huyện đoàn Thọ Xuân, 28/4/2016: all its indicators and years, in force from its
     * date to 2020 ("chỉ tiêu phấn đấu đến năm 2020"); reports "gắn với báo cáo định kỳ công tác Đoàn" (no date of their
     * own); the grassroots make their own plan ("xây dựng kế hoạch hành động cụ thể"), no date given.
     */
    public static Map<String, Object> thoXuan54(String districtId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "54-CT/ĐTN");
        plan.put("type", "ACTION_PROGRAM");
        plan.put("title", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy “về tiếp tục đổi mới, "
                + "nâng cao chất lượng hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội tỉnh Thanh Hóa giai đoạn 2015 - 2020”");
        plan.put("issuingUnitId", districtId);
        plan.put("issuedOn", "2016-04-28");
        plan.put("place", "Thọ Xuân");
        plan.put("implementsDocuments", List.of(
                Map.of("number", "02-NQ/TU", "date", "2015-12-30", "issuer", "Ban Thường vụ Tỉnh ủy Thanh Hóa",
                        "title", "Về tiếp tục đổi mới, nâng cao chất lượng hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội tỉnh Thanh Hóa giai đoạn 2015 - 2020"),
                Map.of("number", "17-CT/HU", "date", "2016-04-19", "issuer", "Huyện ủy Thọ Xuân",
                        "title", "Chương trình hành động thực hiện Nghị quyết 02-NQ/TU")));
        plan.put("parentPlanId", null);
        plan.put("periodFrom", "2016-04-28");
        plan.put("periodTo", "2020-12-31");
        plan.put("goals", "Nâng cao nhận thức cho đội ngũ cán bộ, đoàn viên thanh niên về vị trí vai trò của tổ chức Đoàn TNCS Hồ Chí Minh trong hệ thống chính trị.");
        plan.put("sections", List.of(
                Map.of("heading", "1. Đổi mới công tác tuyên truyền, giáo dục chính trị tư tưởng, nâng cao nhận thức cho đội ngũ Đoàn viên thanh niên",
                        "text", "Nâng cao chất lượng tuyên truyền các Chỉ thị, Nghị quyết của Đảng, chính sách pháp luật của Nhà nước về thanh niên."),
                Map.of("heading", "2. Củng cố, nâng cao chất lượng cơ sở đoàn, chất lượng cán bộ",
                        "text", "Hàng năm mở từ 2-3 lớp tập huấn để bồi dưỡng, tập huấn nâng cao kỹ năng, nghiệp vụ cho đội ngũ cán bộ Đoàn – Hội – Đội chủ chốt."),
                Map.of("heading", "3. Tăng cường xây dựng tổ chức Đoàn - Hội trong doanh nghiệp",
                        "text", "Trực tiếp xuống làm việc với chủ doanh nghiệp để vận động, thuyết phục thành lập tổ chức Đoàn - Hội."),
                Map.of("heading", "4. Đổi mới nội dung, phương thức hoạt động của tổ chức Đoàn đáp ứng yêu cầu nhiệm vụ trong tình hình mới",
                        "text", "Chỉ đạo điểm đoàn xã Thọ Lập và đoàn trường Thọ Xuân 4 xây dựng kế hoạch phối hợp bảo vệ môi trường."),
                Map.of("heading", "5. Đổi mới công tác tham mưu cho cấp ủy, phối hợp với chính quyền, các ngành, MTTQ, các đoàn thể",
                        "text", "Hàng năm phối hợp với các ngành tiến hành giám sát, phản biện từ 2-3 đơn vị theo quyết định 217, 218 của Bộ Chính trị.")));
        plan.put("responsibilities", List.of(
                responsibility("DISTRICT", null, "Thường xuyên đôn đốc kiểm tra, định kỳ sơ kết, tổng kết đánh giá kết quả thực hiện chương trình hành động ở cơ sở."),
                responsibility("GRASSROOTS", null, "Tổ chức học tập, quán triệt Nghị quyết 02 gắn với xây dựng kế hoạch hành động cụ thể ở địa phương, đơn vị; "
                        + "báo cáo với BTV Huyện Đoàn gắn với báo cáo định kỳ công tác Đoàn và phong trào thanh thiếu nhi.")));
        plan.put("recipients", List.of(
                Map.of("name", "TT Tỉnh Đoàn", "purpose", "FOR_INFORMATION"),
                Map.of("name", "TT Huyện ủy", "purpose", "FOR_INFORMATION"),
                Map.of("name", "Ban TC Tỉnh Đoàn", "purpose", "FOR_INFORMATION"),
                Map.of("name", "VP Huyện uỷ, Ban DV, Ban TG Huyện uỷ", "purpose", "FOR_INFORMATION"),
                Map.of("name", "Uỷ ban MTTQ huyện", "purpose", "FOR_INFORMATION"),
                Map.of("name", "67 cơ sở Đoàn", "purpose", "CARRY_OUT")));
        plan.put("signer", null);
        plan.put("indicators", List.of(
                indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                        "SHARE_OF_PEOPLE", 100, GRASSROOTS, "BTC-KT", List.of(everyYear(100))),
                indicator("CT02", "100% cơ sở đoàn hoạt động yếu kém được sinh hoạt ghép, sinh hoạt liên chi đoàn hoặc kiện toàn, sáp nhập các chi đoàn",
                        "SHARE_OF_UNITS", 100, GRASSROOTS, "BTC-KT", List.of(byYear(2018, 100))),
                indicator("CT03", "100% cơ sở đoàn hoạt động có hiệu quả với nội dung, phương thức mới phù hợp",
                        "SHARE_OF_UNITS", 100, GRASSROOTS, "BTC-KT", List.of(byYear(2018, 100))),
                indicator("CT04", "Thu hút 75% thanh niên vào tổ chức Đoàn - Hội",
                        "SHARE_OF_PEOPLE", 75, GRASSROOTS, "BDKTH", List.of(byYear(2018, 75))),
                indicator("CT05", "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên",
                        "SHARE_OF_UNITS", 85, GRASSROOTS, "BTC-KT", List.of(everyYear(85))),
                indicator("CT06", "100% Đoàn cơ sở có phòng làm việc riêng và có trang thiết bị đảm bảo hoạt động",
                        "SHARE_OF_UNITS", 100, GRASSROOTS, "VP", List.of(byYear(2019, 100))),
                indicator("CT07", "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%",
                        "RATE_AT_MOST", 3, GRASSROOTS, "BDKTH", List.of(byYear(2019, 3))),
                indicator("CT08", "100% cán bộ đoàn cấp huyện có trình độ Đại học chính quy và trên Đại học",
                        "SHARE_OF_PEOPLE", 100, DISTRICT, "BTC-KT", List.of(byYear(2020, 100))),
                indicator("CT09", "Bí thư Huyện Đoàn có trình độ lý luận cao cấp",
                        "YES_NO", 100, DISTRICT, "BTC-KT", List.of(byYear(2020, 100))),
                indicator("CT10", "50% Phó Bí thư Huyện Đoàn có trình độ lý luận cao cấp",
                        "SHARE_OF_PEOPLE", 50, DISTRICT, "BTC-KT", List.of(byYear(2020, 50))),
                indicator("CT11", "100% Bí thư, Phó Bí thư Đoàn các xã, thị trấn có trình độ Đại học",
                        "SHARE_OF_PEOPLE", 100, GRASSROOTS, "BTC-KT", List.of(byYear(2020, 100))),
                indicator("CT12", "100% Bí thư Đoàn cấp xã có trình độ Trung cấp lý luận",
                        "SHARE_OF_PEOPLE", 100, GRASSROOTS, "BTC-KT", List.of(byYear(2020, 100))),
                indicator("CT13", "50% Phó Bí thư đoàn cấp xã có trình độ Trung cấp lý luận",
                        "SHARE_OF_PEOPLE", 50, GRASSROOTS, "BTC-KT", List.of(byYear(2020, 50))),
                indicator("CT14", "Thành lập 50% cơ sở Đoàn - Hội trên tổng số các doanh nghiệp đủ điều kiện thành lập trên địa bàn huyện",
                        "SHARE_OF_UNITS", 50, DISTRICT, "BTC-KT", List.of(byYear(2020, 50))),
                range("CT15", "Hàng năm mở từ 2-3 lớp tập huấn để bồi dưỡng, tập huấn nâng cao kỹ năng, nghiệp vụ cho đội ngũ cán bộ Đoàn – Hội – Đội chủ chốt",
                        2, 3, "BTC-KT"),
                range("CT16", "Hàng năm giám sát, phản biện từ 2-3 đơn vị (cơ quan, tổ chức và cá nhân) theo quyết định 217, 218 của Bộ Chính trị",
                        2, 3, "UBKT")));
        plan.put("schedule", List.of());
        plan.put("recurringReports", List.of(withRegularReport("YEAR", "Báo cáo kết quả thực hiện Chương trình hành động năm",
                List.of("DISTRICT", "GRASSROOTS"))));
        plan.put("implementingPlanDue", null);
        plan.put("implementingLevels", GRASSROOTS);
        return plan;
    }

    private static Map<String, Object> range(String code, String text, int min, int max, String department) {
        return range(code, text, min, max, department, List.of(everyYear(min)));
    }

    private static Map<String, Object> range(String code, String text, int min, int max, String department, List<Map<String, Object>> targets) {
        Map<String, Object> indicator = indicator(code, text, "COUNT_IN_RANGE", min, DISTRICT, department, targets);
        indicator.put("targetMax", max);
        return indicator;
    }

    private static Map<String, Object> responsibility(String level, String department, String text) {
        Map<String, Object> responsibility = new LinkedHashMap<>();
        responsibility.put("level", level);
        responsibility.put("department", department);
        responsibility.put("text", text);
        return responsibility;
    }

    private static Map<String, Object> withRegularReport(String frequency, String label, List<String> levels) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("frequency", frequency);
        report.put("dueDay", null);
        report.put("label", label);
        report.put("reportingLevels", levels);
        report.put("withRegularReport", true);
        return report;
    }

    private static Map<String, Object> deadline(String level, String deadline, String from) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("level", level);
        d.put("deadline", deadline);
        d.put("from", from);
        return d;
    }

    private static Map<String, Object> task(String code, String text, List<String> levels, String department) {
        return indicator(code, text, "TASK", null, levels, department, List.of());
    }

    private static Map<String, Object> document(String number, String date, String issuer, String title) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("number", number);
        d.put("date", date);
        d.put("issuer", issuer);
        d.put("title", title);
        return d;
    }

    private static Map<String, Object> recipient(String name, String purpose) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("purpose", purpose);
        return r;
    }

    /**
     * Kế hoạch 66-KH/TĐTN-BTG, Tỉnh đoàn Thanh Hóa, 25/9/2018, for "giai đoạn 2018 - 2022": the conferences as a milestone
     * per level (the province's "trong tháng 10/2018", a window; districts "trước ngày 15/11/2018"; grassroots "trước ngày
     * 30/12/2018"), the personal essays as a task, the final report "trước ngày 05/01/2019", districts and grassroots making
     * the plan concrete ("cụ thể hóa", no date given).
     */
    public static Map<String, Object> thanhHoa66(String provinceId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "66-KH/TĐTN-BTG");
        plan.put("type", "PLAN");
        plan.put("title", "Tổ chức học tập, tuyên truyền, triển khai Nghị quyết số 01 của Ban chấp hành Tỉnh đoàn khóa XVIII "
                + "về đổi mới, nâng cao chất lượng tổ chức Đoàn xã, phường, thị trấn giai đoạn 2018 - 2022");
        plan.put("issuingUnitId", provinceId);
        plan.put("issuedOn", "2018-09-25");
        plan.put("place", "Thanh Hóa");
        plan.put("implementsDocuments", List.of(document("01-NQ/TĐTN", "2018-08-06", "Ban Chấp hành Tỉnh đoàn Thanh Hóa",
                "Về đổi mới, nâng cao chất lượng tổ chức Đoàn xã, phường, thị trấn giai đoạn 2018 – 2022")));
        plan.put("periodFrom", "2018-09-25");
        plan.put("periodTo", "2022-12-31");
        plan.put("recipients", List.of(recipient("Ban Bí thư TW Đoàn", "FOR_INFORMATION"), recipient("Ban TG, TNXP TW Đoàn", "FOR_INFORMATION"),
                recipient("Ban DV, TC, TG, VP Tỉnh ủy", "FOR_INFORMATION"), recipient("BTV Đoàn cấp huyện", "CARRY_OUT"),
                recipient("Các Ban, đơn vị trực thuộc TĐ", null)));
        plan.put("signer", Map.of("onBehalfOf", "TM. Ban Thường vụ Tỉnh đoàn", "position", "Phó Bí thư", "name", "Nguyễn Hữu Tuất"));
        Map<String, Object> conferences = indicator("MC1", "Tổ chức Hội nghị học tập, quán triệt Nghị quyết 01",
                "MILESTONE", 100, List.of("PROVINCE", "DISTRICT", "GRASSROOTS"), "BTG", List.of());
        conferences.put("deadlines", List.of(deadline("PROVINCE", "2018-10-31", "2018-10-01"), deadline("DISTRICT", "2018-11-15", null),
                deadline("GRASSROOTS", "2018-12-30", null)));
        Map<String, Object> study = indicator("CT1", "100% cán bộ đoàn các cấp và bí thư chi đoàn tham gia học tập đầy đủ, nghiêm túc nội dung Nghị quyết",
                "SHARE_OF_PEOPLE", 100, List.of("DISTRICT", "GRASSROOTS"), "BTG", List.of());
        Map<String, Object> issue = indicator("CT2", "Chuyên mục Tuổi trẻ Lam Sơn xây dựng ít nhất 01 số chuyên sâu tuyên truyền nội dung cơ bản của Nghị quyết",
                "COUNT_AT_LEAST", 1, List.of("PROVINCE"), "BTG", List.of());
        Map<String, Object> essays = task("NV1", "Bí thư, Phó Bí thư các huyện, thị, thành đoàn, đoàn trực thuộc viết thu hoạch cá nhân, "
                + "gửi về Ban Thường vụ Tỉnh đoàn (qua Ban Tuyên giáo Tỉnh đoàn)", DISTRICT, "BTG");
        plan.put("indicators", List.of(conferences, study, issue, essays));
        plan.put("schedule", List.of(Map.of("periodId", "final-2018", "label", "Báo cáo kết quả triển khai học tập Nghị quyết 01",
                "from", "2018-09-25", "to", "2019-01-05", "dueDate", "2019-01-05", "reportingLevels", List.of("DISTRICT"))));
        plan.put("implementingPlanDue", null);
        plan.put("implementingLevels", List.of("DISTRICT", "GRASSROOTS"));
        return plan;
    }

    /**
     * Kế hoạch số 76-KH/TĐTN-VP, Tỉnh đoàn Kiên Giang, Rạch Giá, 04/4/2014: six-month reports "trước ngày 15/5", annual
     * reports "trước ngày 15/11"; districts build their own plan (no date given) and "từ 01 đến 02 mô hình điểm". The text
     * gives no period: the plan is stored as written and its reports expand once a period is set.
     */
    public static Map<String, Object> kienGiang76(String provinceId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "76-KH/TĐTN-VP");
        plan.put("type", "PLAN");
        plan.put("title", "Thực hiện Chương trình hành động thực hiện Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XI "
                + "(NQ số 25-NQ/TW, ngày 03/6/2013) về “Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới”");
        plan.put("issuingUnitId", provinceId);
        plan.put("issuedOn", "2014-04-04");
        plan.put("place", "Rạch Giá");
        plan.put("implementsDocuments", List.of(
                document("25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương Đảng khóa XI",
                        "Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"),
                document("16-CTr/TWĐTN-ĐKTHTN", "2014-03-04", "Ban Thường vụ Trung ương Đoàn", "Chương trình hành động"),
                document("40-CTr/TU", "2013-08-27", "Tỉnh ủy Kiên Giang", "Chương trình hành động thực hiện Nghị quyết Hội nghị lần thứ bảy")));
        plan.put("periodFrom", null);
        plan.put("periodTo", null);
        plan.put("indicators", List.of(
                indicator("CT1", "Chỉ đạo 100% các huyện, thị, thành Đoàn, Đoàn trực thuộc tổ chức triển khai, thực hiện hiệu quả, thiết thực Nghị quyết",
                        "SHARE_OF_UNITS", 100, DISTRICT, "BTG", List.of()),
                range("CT2", "Xây dựng từ 01 đến 02 mô hình điểm về công tác dân vận khéo", 1, 2, "BTG", List.of())));
        plan.put("recurringReports", List.of(
                recurring("SIX_MONTH", "15/05", "Báo cáo 6 tháng"), recurring("YEAR", "15/11", "Báo cáo năm")));
        plan.put("implementingPlanDue", null);
        plan.put("implementingLevels", DISTRICT);
        return plan;
    }

    private static Map<String, Object> recurring(String frequency, String dueDay, String label) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("frequency", frequency);
        report.put("dueDay", dueDay);
        report.put("label", label);
        report.put("reportingLevels", DISTRICT);
        report.put("withRegularReport", null);
        return report;
    }

    /**
     * Kế hoạch of Huyện Đoàn Đồng Phú implementing Kế hoạch số 153-KH/HU, 20/4/2020: no number, no date of issue, no period
     * and no numeric indicator in the text: tasks per level, the grassroots making their own plan (no date given) and
     * reporting "định kỳ hàng năm" with no date of their own.
     */
    public static Map<String, Object> dongPhu(String districtId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", null);
        plan.put("type", "PLAN");
        plan.put("title", "Triển khai thực hiện Kế hoạch số 153 – KH/HU ngày 20/4/2020 của Huyện ủy Đồng Phú về việc tiếp tục đổi mới nội dung, "
                + "phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội");
        plan.put("issuingUnitId", districtId);
        plan.put("issuedOn", null);
        plan.put("implementsDocuments", List.of(
                document("153-KH/HU", "2020-04-20", "Huyện ủy Đồng Phú", "Về việc thực hiện Kế hoạch số 225-KH/TU ngày 26/3/2020 của Tỉnh ủy Bình Phước"),
                document("225-KH/TU", "2020-03-26", "Tỉnh ủy Bình Phước", null),
                document("160-TB/TW", "2020-01-15", "Bộ Chính trị", "Thông báo kết luận về việc tiếp tục thực hiện Kết luận số 62-KL/TW"),
                document("62-KL/TW", "2009-12-08", "Bộ Chính trị (khóa X)",
                        "Về tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội")));
        plan.put("periodFrom", null);
        plan.put("periodTo", null);
        plan.put("recipients", List.of(recipient("Tỉnh đoàn: VP, BTG-TTNTH", null), recipient("TT Huyện uỷ", null),
                recipient("UVBCH Huyện đoàn", null), recipient("Các cơ sở Đoàn trực thuộc", null)));
        plan.put("signer", Map.of("onBehalfOf", "TM. Ban Thường vụ Huyện Đoàn", "position", "Phó Bí thư", "name", "Vương Ngọc Toại"));
        plan.put("indicators", List.of(
                task("NV1", "Xây dựng Kế hoạch triển khai thực hiện phù hợp với tình hình, nhiệm vụ của tổ chức Đoàn; định kỳ hàng năm tổ chức "
                        + "kiểm tra, báo cáo kết quả thực hiện", DISTRICT, null),
                task("NV2", "Chỉ đạo đến các cơ sở Đoàn trong toàn huyện xây dựng Kế hoạch thực hiện đảm bảo theo định hướng của Huyện Đoàn",
                        DISTRICT, null),
                task("NV3", "Xây dựng Chương trình, Kế hoạch phối hợp giữa Đoàn với UBND cùng cấp trong việc phối hợp thực hiện công tác dân vận",
                        List.of("DISTRICT", "GRASSROOTS"), null)));
        plan.put("recurringReports", List.of(withRegularReport("YEAR", "Báo cáo kết quả thực hiện năm", GRASSROOTS)));
        plan.put("implementingPlanDue", null);
        plan.put("implementingLevels", GRASSROOTS);
        return plan;
    }

    /**
     * Kế hoạch nâng cao chất lượng hoạt động tổ chức cơ sở Đoàn trên địa bàn dân cư giai đoạn 2019-2022 of a Huyện Đoàn: no
     * number nor date of issue in the text; four indicators; the study conference "trong tháng 7/2020" (a window); six-month
     * and annual reviews "lồng ghép trong báo cáo công tác Đoàn ... định kỳ" (no date of their own); UBKT's yearly inspection.
     */
    public static Map<String, Object> residentialUnions(String districtId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", null);
        plan.put("type", "PLAN");
        plan.put("title", "Nâng cao chất lượng hoạt động tổ chức cơ sở Đoàn trên địa bàn dân cư giai đoạn 2019-2022");
        plan.put("issuingUnitId", districtId);
        plan.put("issuedOn", null);
        plan.put("implementsDocuments", List.of(document("08-KL/TWĐTN-BTC", "2019-03-05", "Ban Chấp hành Trung ương Đoàn khóa XI",
                "Về các giải pháp nâng cao chất lượng hoạt động tổ chức cơ sở Đoàn trên địa bàn dân cư giai đoạn 2019-2022")));
        plan.put("periodFrom", "2019-01-01");
        plan.put("periodTo", "2022-12-31");
        plan.put("recipients", List.of(recipient("BCH các cơ sở Đoàn trực thuộc", null)));
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("onBehalfOf", null);
        signer.put("position", "Phó Bí thư");
        signer.put("name", null);
        plan.put("signer", signer);
        Map<String, Object> study = indicator("MC1", "Tổ chức học tập, quán triệt Nghị quyết, Kết luận trong cán bộ Đoàn chuyên trách cấp huyện và cán bộ "
                + "các cơ sở Đoàn", "MILESTONE", 100, DISTRICT, null, List.of());
        study.put("deadlines", List.of(deadline("DISTRICT", "2020-07-31", "2020-07-01")));
        plan.put("indicators", List.of(
                indicator("CT1", "Hằng năm, Huyện, Thị, Thành đoàn tổ chức ít nhất 01 Lớp bồi dưỡng, tập huấn cho đội ngũ Bí thư chi đoàn trên địa bàn dân cư",
                        "COUNT_AT_LEAST", 1, DISTRICT, null, List.of(everyYear(1))),
                indicator("CT2", "100% Bí thư Đoàn xã, phường, thị trấn đảm bảo tiêu chuẩn về trình độ chuyên môn (Đại học); trình độ lý luận chính trị "
                        + "(tối thiểu trung cấp lý luận chính trị)", "SHARE_OF_PEOPLE", 100, GRASSROOTS, null, List.of()),
                indicator("CT3", "Đảm bảo 100% đoàn viên phải đăng ký rèn luyện đoàn viên", "SHARE_OF_PEOPLE", 100, GRASSROOTS, null, List.of()),
                indicator("CT4", "Phấn đấu đến hết 2022, có 100% Chi đoàn trên địa bàn dân cư duy trì được chế độ sinh hoạt chi đoàn định kỳ theo Điều lệ Đoàn",
                        "SHARE_OF_UNITS", 100, GRASSROOTS, null, List.of(endOfPlan(100))),
                study,
                task("NV1", "UBKT Huyện đoàn định kỳ hàng năm có kiểm tra chuyên đề xây dựng tổ chức cơ sở Đoàn trên địa bàn dân cư", DISTRICT, "UBKT")));
        plan.put("recurringReports", List.of(withRegularReport("SIX_MONTH", "Báo cáo sơ kết 6 tháng", GRASSROOTS),
                withRegularReport("YEAR", "Báo cáo năm", GRASSROOTS)));
        plan.put("implementingPlanDue", null);
        plan.put("implementingLevels", GRASSROOTS);
        return plan;
    }

    private static Map<String, Object> endOfPlan(Number value) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("when", "END_OF_PLAN");
        target.put("year", null);
        target.put("value", value);
        target.put("untilYear", null);
        return target;
    }
}
