package vn.doan.reportservice.consolidated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import vn.doan.events.plan.UnitLevel;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.reportservice.consolidated.ConsolidatedReport.ChildNarrative;
import vn.doan.reportservice.consolidated.ConsolidatedReport.IndicatorFigure;
import vn.doan.reportservice.consolidated.ConsolidatedReport.UnitState;
import vn.doan.reportservice.report.Report;

/**
 * Huyện đoàn Thọ Xuân's consolidated report on Chương trình hành động 54-CT/ĐTN for 2026, as {@link Consolidation} drafts it:
 * Thọ Lập reported on time, Xuân Hòa three days late, THPT Thọ Xuân 4 not at all.
 */
final class ThoXuanDraft {

    static final String TRAINED = "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện";
    static final String YOUTH = "Thu hút 75% thanh niên vào tổ chức Đoàn - Hội";
    static final String POOR = "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%";
    static final String CLASSES = "Hàng năm mở từ 2-3 lớp tập huấn";
    static final PlanView.ReportingPeriod YEAR = new PlanView.ReportingPeriod("2026", "Báo cáo năm 2026", LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 15), List.of(UnitLevel.GRASSROOTS, UnitLevel.DISTRICT));

    static final PlanView.Indicator CT01 = indicator("CT01", TRAINED, IndicatorKind.SHARE_OF_PEOPLE, "100", null);
    static final PlanView.Indicator CT03 = indicator("CT03", YOUTH, IndicatorKind.SHARE_OF_PEOPLE, "75", null);
    static final PlanView.Indicator CT07 = indicator("CT07", POOR, IndicatorKind.RATE_AT_MOST, "3", null);
    static final PlanView.Indicator CT15 = indicator("CT15", CLASSES, IndicatorKind.COUNT_IN_RANGE, "2", "3");

    private ThoXuanDraft() {
    }

    /** An indicator of the plan as report-service keeps it, its target {@code target} (to {@code targetMax}) in 2026. */
    static PlanView.Indicator indicator(String code, String text, IndicatorKind kind, String target, String targetMax) {
        return new PlanView.Indicator(code, kind, List.of(UnitLevel.GRASSROOTS), text, new BigDecimal(target),
                targetMax == null ? null : new BigDecimal(targetMax), List.of(new PlanView.PeriodTarget("2026", new BigDecimal(target))), List.of());
    }

    static IndicatorFigure figure(PlanView.Indicator indicator, long numerator, long denominator, int units, String value,
            String target, String status) {
        IndicatorFigure raw = new IndicatorFigure(indicator.code(), indicator.text(), indicator.kind(), numerator, denominator, units,
                value == null ? null : new BigDecimal(value), target == null ? null : new BigDecimal(target), status, null, null);
        return new IndicatorFigure(raw.code(), raw.text(), raw.kind(), numerator, denominator, units, raw.value(), raw.target(), status,
                VietnameseFormat.result(raw.kind(), raw), VietnameseFormat.target(indicator, YEAR));
    }

    static ConsolidatedReport draft() {
        List<IndicatorFigure> district = List.of(
                figure(CT01, 1234, 1235, 2, "99.92", "100", "AT_RISK"),
                figure(CT03, 1500, 2000, 2, "75.00", "75", "ACHIEVED"),
                figure(CT07, 31, 1000, 2, "3.10", "3", "AT_RISK"),
                figure(CT15, 3, 0, 1, "100.00", "100", "ACHIEVED"));
        List<IndicatorFigure> thoLap = List.of(
                figure(CT01, 1000, 1000, 1, "100.00", "100", "ACHIEVED"),
                figure(CT03, 900, 1200, 1, "75.00", "75", "ACHIEVED"),
                figure(CT07, 12, 600, 1, "2.00", "3", "ACHIEVED"),
                figure(CT15, 0, 0, 0, null, null, "NO_DATA"));
        List<IndicatorFigure> xuanHoa = List.of(
                figure(CT01, 234, 235, 1, "99.57", "100", "AT_RISK"),
                figure(CT03, 600, 800, 1, "75.00", "75", "ACHIEVED"),
                figure(CT07, 19, 400, 1, "4.75", "3", "AT_RISK"),
                figure(CT15, 0, 0, 0, null, null, "NO_DATA"));
        List<IndicatorFigure> none = Stream.of(CT01, CT03, CT07, CT15).map(i -> figure(i, 0, 0, 0, null, null, "NO_DATA")).toList();
        List<UnitState> states = List.of(new UnitState("tholap", "Đoàn xã Thọ Lập", "ON_TIME", 0),
                new UnitState("xuanhoa", "Đoàn xã Xuân Hòa", "LATE", 3), new UnitState("thpt4", "Đoàn trường THPT Thọ Xuân 4", "MISSING", 0));
        List<ChildNarrative> children = List.of(
                new ChildNarrative("tholap", "Đoàn xã Thọ Lập", "ON_TIME", "Tổ chức 02 lớp tập huấn cho 45 cán bộ chi đoàn.",
                        "Một số chi đoàn thôn sinh hoạt chưa đều.", "Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp."),
                new ChildNarrative("xuanhoa", "Đoàn xã Xuân Hòa", "LATE", "Ra mắt mô hình thanh niên làm kinh tế giỏi.",
                        "Tỷ lệ hộ nghèo do đoàn viên làm chủ còn cao.", null),
                new ChildNarrative("thpt4", "Đoàn trường THPT Thọ Xuân 4", "MISSING", null, null, null));
        ConsolidatedReport.Timeliness timeliness = new ConsolidatedReport.Timeliness(3, 1, 1, 1, 0, states);
        return new ConsolidatedReport(new ConsolidatedReport.Plan("plan54", "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU"),
                new ConsolidatedReport.Period(YEAR.periodId(), YEAR.label(), YEAR.dueDate()),
                new ConsolidatedReport.Unit("thoxuan", "Huyện đoàn Thọ Xuân", "DISTRICT"),
                new ConsolidatedReport.Unit("thanhhoa", "Tỉnh đoàn Thanh Hóa", "PROVINCE"), "Thọ Xuân", LocalDate.of(2026, 11, 15), district,
                timeliness, children, List.of(
                        new ConsolidatedReport.UnitRow("thoxuan", "Huyện đoàn Thọ Xuân", "DISTRICT", "Tỉnh đoàn Thanh Hóa", null, district),
                        new ConsolidatedReport.UnitRow("thpt4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS", "Huyện đoàn Thọ Xuân", "MISSING", none),
                        new ConsolidatedReport.UnitRow("tholap", "Đoàn xã Thọ Lập", "GRASSROOTS", "Huyện đoàn Thọ Xuân", "ON_TIME", thoLap),
                        new ConsolidatedReport.UnitRow("xuanhoa", "Đoàn xã Xuân Hòa", "GRASSROOTS", "Huyện đoàn Thọ Xuân", "LATE", xuanHoa)),
                new ConsolidatedReport.Submission("plan54", "thoxuan", "2026", List.of(new Report.Value("CT15", 3, null, null)),
                        DraftSections.of(district, timeliness, children)), null);
    }
}
