package vn.doan.support.test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;

/**
 * A tree deeper than the five levels, published as plan-service configured with them does: Tỉnh đoàn Bình Phước → Đoàn khối
 * các cơ quan tỉnh ({@code DOAN_KHOI}) → Đoàn cơ sở Sở Y tế → two liên chi đoàn ({@code LIEN_CHI_DOAN}: Bệnh viện đa khoa
 * tỉnh, Trung tâm Kiểm soát bệnh tật) → Chi đoàn Khoa Nội under the hospital. The Đoàn khối's plan 12-KH/ĐKCQ asks its liên
 * chi đoàn, and them only, for "ít nhất 01 hoạt động tình nguyện" in 2016, due 15/11/2016. Ids carry a random suffix.
 */
public final class DoanKhoiBinhPhuoc {

    public static final UnitLevel DOAN_KHOI = UnitLevel.of("DOAN_KHOI");
    public static final UnitLevel LIEN_CHI_DOAN = UnitLevel.of("LIEN_CHI_DOAN");

    private final String s = UUID.randomUUID().toString().substring(0, 8);
    public final String province = "bp-" + s;
    public final String doanKhoi = "dkcq-" + s;
    public final String soYTe = "syt-" + s;
    public final String benhVien = "lcd-bvdk-" + s;
    public final String cdc = "lcd-cdc-" + s;
    public final String khoaNoi = "cd-noi-" + s;
    public final String plan = "p12-dkcq-" + s;

    private DoanKhoiBinhPhuoc() {
    }

    /** Publishes the units, Chi đoàn Khoa Nội last, then the plan. */
    public static DoanKhoiBinhPhuoc publish(KafkaTestClient kafka) {
        DoanKhoiBinhPhuoc u = new DoanKhoiBinhPhuoc();
        u.unit(kafka, u.province, "Tỉnh đoàn Bình Phước", UnitLevel.PROVINCE, "Tỉnh đoàn", List.of());
        u.unit(kafka, u.doanKhoi, "Đoàn khối các cơ quan tỉnh", DOAN_KHOI, "Đoàn khối", List.of(u.province));
        u.unit(kafka, u.soYTe, "Đoàn cơ sở Sở Y tế", UnitLevel.GRASSROOTS, "Đoàn cơ sở", List.of(u.province, u.doanKhoi));
        u.unit(kafka, u.benhVien, "Liên chi đoàn Bệnh viện đa khoa tỉnh", LIEN_CHI_DOAN, "Liên chi đoàn", List.of(u.province, u.doanKhoi, u.soYTe));
        u.unit(kafka, u.cdc, "Liên chi đoàn Trung tâm Kiểm soát bệnh tật", LIEN_CHI_DOAN, "Liên chi đoàn", List.of(u.province, u.doanKhoi, u.soYTe));
        u.unit(kafka, u.khoaNoi, "Chi đoàn Khoa Nội", UnitLevel.BRANCH, "Chi đoàn", List.of(u.province, u.doanKhoi, u.soYTe, u.benhVien));
        kafka.publish(u.planIssued(), u.doanKhoi);
        return u;
    }

    private void unit(KafkaTestClient kafka, String id, String name, UnitLevel level, String levelName, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id.toUpperCase(), name, level, "agency", ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1),
                ancestors, LocalDate.of(2016, 1, 1), levelName), id);
    }

    public PlanIssued planIssued() {
        return new PlanIssued(plan, "12-KH/ĐKCQ", "Kế hoạch tổ chức Tháng Thanh niên năm 2016", doanKhoi, LocalDate.of(2016, 2, 20),
                LocalDate.of(2016, 3, 1), LocalDate.of(2016, 12, 31),
                List.of(new PlanIssued.Indicator("CT1", "Mỗi liên chi đoàn tổ chức ít nhất 01 hoạt động tình nguyện vì cộng đồng",
                        IndicatorKind.COUNT_AT_LEAST, new BigDecimal("1"), List.of(LIEN_CHI_DOAN))),
                List.of(new PlanIssued.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 3, 1), LocalDate.of(2016, 12, 31),
                        LocalDate.of(2016, 11, 15), List.of(LIEN_CHI_DOAN))));
    }
}
