package vn.doan.indicatorservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.UnitNode;

/**
 * A small Thọ Xuân district for tests without Spring: Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ Xuân → four grassroots
 * units (Đoàn xã Thọ Lập, Đoàn xã Xuân Lai, Đoàn xã Xuân Hòa, Đoàn trường THPT Thọ Xuân 4) → two branches of Thọ Lập;
 * and the indicators of the district's action program 54-CT/ĐTN for 2018 and 2019.
 */
public final class ThoXuan {

    public static final String THANH_HOA = "tinh-thanh-hoa";
    public static final String THO_XUAN = "huyen-tho-xuan";
    public static final String THO_LAP = "xa-tho-lap";
    public static final String XUAN_LAI = "xa-xuan-lai";
    public static final String XUAN_HOA = "xa-xuan-hoa";
    public static final String THPT_4 = "truong-thpt-tho-xuan-4";
    public static final String THON_PHU_XA = "chi-doan-thon-phu-xa";
    public static final String THON_LAP_CHANH = "chi-doan-thon-lap-chanh";
    public static final String PLAN = "54-CT-DTN";

    /** Thu hút 75% thanh niên vào tổ chức Đoàn – Hội. */
    public static final String YOUTH_JOINING = "CT03";
    /** Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên. */
    public static final String UNITS_GOOD = "CT04";
    /** Tỷ lệ hộ nghèo do Đoàn viên – Hội viên làm chủ giảm còn 4,5% đến năm 2018 và 3% đến năm 2019. */
    public static final String POOR_HOUSEHOLDS = "CT07";
    /** Hàng năm mở từ 2-3 lớp tập huấn. */
    public static final String TRAINING_CLASSES = "CT15";
    /** Ít nhất 01 lớp bồi dưỡng hằng năm. */
    public static final String REFRESHER_CLASS = "CT16";
    /** Hội nghị quán triệt: đoàn cơ sở trước 30/06/2018, chi đoàn trước 15/07/2018. */
    public static final String STUDY_CONFERENCE = "MC1";

    private static final LocalDate FOUNDED = LocalDate.of(2016, 1, 1);

    private ThoXuan() {
    }

    public static List<UnitNode> units() {
        List<UnitNode> units = new ArrayList<>();
        units.add(unit(THANH_HOA, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE));
        units.add(unit(THO_XUAN, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, THANH_HOA));
        units.add(unit(THO_LAP, "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, THANH_HOA, THO_XUAN));
        units.add(unit(XUAN_LAI, "Đoàn xã Xuân Lai", UnitLevel.GRASSROOTS, THANH_HOA, THO_XUAN));
        units.add(unit(XUAN_HOA, "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, THANH_HOA, THO_XUAN));
        units.add(unit(THPT_4, "Đoàn trường THPT Thọ Xuân 4", UnitLevel.GRASSROOTS, THANH_HOA, THO_XUAN));
        units.add(unit(THON_PHU_XA, "Chi đoàn thôn Phú Xá", UnitLevel.BRANCH, THANH_HOA, THO_XUAN, THO_LAP));
        units.add(unit(THON_LAP_CHANH, "Chi đoàn thôn Lập Chánh", UnitLevel.BRANCH, THANH_HOA, THO_XUAN, THO_LAP));
        return units;
    }

    public static UnitNode unit(String unitId) {
        return units().stream().filter(u -> u.id().equals(unitId)).findFirst().orElseThrow();
    }

    private static UnitNode unit(String id, String name, UnitLevel level, String... ancestors) {
        String parent = ancestors.length == 0 ? null : ancestors[ancestors.length - 1];
        return new UnitNode(id, name, level, List.of(new UnitPlacements.Placement(FOUNDED, parent, List.of(ancestors))));
    }

    /** The action program as plan-service issues it. */
    public static PlanIssued planIssued() {
        List<UnitLevel> reporting = List.of(UnitLevel.GRASSROOTS, UnitLevel.BRANCH);
        List<PlanIssued.Indicator> indicators = List.of(
                new PlanIssued.Indicator(YOUTH_JOINING, "Thu hút 75% thanh niên vào tổ chức Đoàn - Hội", IndicatorKind.SHARE_OF_PEOPLE,
                        new BigDecimal("75"), reporting),
                new PlanIssued.Indicator(UNITS_GOOD, "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên",
                        IndicatorKind.SHARE_OF_UNITS, new BigDecimal("85"), reporting),
                new PlanIssued.Indicator(POOR_HOUSEHOLDS, "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%", IndicatorKind.RATE_AT_MOST,
                        new BigDecimal("3"), reporting, null, List.of(new PlanIssued.Target(PlanIssued.Target.When.BY_YEAR, 2018, new BigDecimal("4.5")),
                        new PlanIssued.Target(PlanIssued.Target.When.BY_YEAR, 2019, new BigDecimal("3"))), "BDKTH", List.of()),
                new PlanIssued.Indicator(TRAINING_CLASSES, "Hàng năm mở từ 2-3 lớp tập huấn", IndicatorKind.COUNT_IN_RANGE, new BigDecimal("2"),
                        reporting, new BigDecimal("3"), List.of(), "BTC-KT", List.of()),
                new PlanIssued.Indicator(REFRESHER_CLASS, "Ít nhất 01 lớp bồi dưỡng hằng năm", IndicatorKind.COUNT_AT_LEAST, new BigDecimal("1"),
                        reporting),
                new PlanIssued.Indicator(STUDY_CONFERENCE, "Tổ chức hội nghị quán triệt Nghị quyết 02-NQ/TU", IndicatorKind.MILESTONE,
                        new BigDecimal("100"), reporting, null, List.of(), "BTG", List.of(
                        new PlanIssued.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 6, 30)),
                        new PlanIssued.LevelDeadline(UnitLevel.BRANCH, LocalDate.of(2018, 7, 15)))));
        List<PlanIssued.ReportingPeriod> schedule = List.of(year(2018, reporting), year(2019, reporting));
        return new PlanIssued(PLAN, "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", THO_XUAN,
                LocalDate.of(2016, 3, 15), LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31), indicators, schedule);
    }

    private static PlanIssued.ReportingPeriod year(int year, List<UnitLevel> reporting) {
        return new PlanIssued.ReportingPeriod(String.valueOf(year), "Báo cáo năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                LocalDate.of(year, 11, 15), reporting);
    }

    /** indicator-service's copy of the action program. */
    public static PlanDefinition plan() {
        return PlanDefinition.of(planIssued(), 1);
    }

    public static PlanDefinition.Period period(String periodId) {
        return plan().period(periodId).orElseThrow();
    }

    public static PlanDefinition.Indicator indicator(String code) {
        return plan().indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** The unit's first report for 2018, {@code daysLate} days after its due date 15/11/2018. */
    public static ReportSubmitted report2018(String unitId, int daysLate, ReportSubmitted.Value... values) {
        return new ReportSubmitted("bc-" + unitId + "-2018", 1, PLAN, unitId, "2018", Instant.parse("2018-11-15T02:00:00Z"),
                LocalDate.of(2018, 11, 15), daysLate, List.of(values));
    }
}
