package vn.doan.support.test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitSplit;
import vn.doan.events.plan.UnitsMerged;

/**
 * One Union for the completeness tests of report-service and indicator-service, published as plan-service does, so that
 * both services play the same moves: TW Đoàn → Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ Xuân (seven communes) and Huyện đoàn
 * Triệu Sơn (two communes); TW Đoàn → Tỉnh đoàn Nghệ An → Huyện đoàn Nam Đàn (two communes). The province's plan
 * 66-KH/TĐTN-BTG asks the grassroots units of Thanh Hóa for a report on 2016 and on 2017, each due 15/11; its periods name
 * the district level too, but no indicator is reported by districts, so districts report nothing.
 * Ids carry a random suffix, so tests share one database.
 */
public final class TwoProvinces {

    public static final LocalDate FOUNDED = LocalDate.of(2016, 1, 1);
    /** The first day of the 2017 period, when the restructurings below take effect. */
    public static final LocalDate FROM_2017 = LocalDate.of(2017, 1, 1);
    private static final String[] THO_XUAN_COMMUNES = {"Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Lai", "Đoàn xã Xuân Minh",
            "Đoàn xã Xuân Tín", "Đoàn xã Thọ Hải", "Đoàn xã Thọ Diên"};

    public final String s = UUID.randomUUID().toString().substring(0, 8);
    public final String centre = "tw-" + s;
    public final String thanhHoa = "thanh-hoa-" + s;
    public final String ngheAn = "nghe-an-" + s;
    public final String thoXuan = "tho-xuan-" + s;
    public final String trieuSon = "trieu-son-" + s;
    public final String namDan = "nam-dan-" + s;
    public final String danLuc = "dan-luc-" + s;
    public final String danLy = "dan-ly-" + s;
    public final String kimLien = "kim-lien-" + s;
    public final String namGiang = "nam-giang-" + s;
    public final String plan = "66-KH-" + s;
    private final List<String> communes = new ArrayList<>();
    private final KafkaTestClient kafka;

    private TwoProvinces(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    /** Publishes the units and the plan; Nam Giang's UnitCreated is the last unit event. */
    public static TwoProvinces publish(KafkaTestClient kafka) {
        TwoProvinces u = new TwoProvinces(kafka);
        u.unit(u.centre, "Ban Thường vụ TW Đoàn", UnitLevel.CENTRAL, List.of(), FOUNDED);
        u.unit(u.thanhHoa, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, List.of(u.centre), FOUNDED);
        u.unit(u.ngheAn, "Tỉnh đoàn Nghệ An", UnitLevel.PROVINCE, List.of(u.centre), FOUNDED);
        u.unit(u.thoXuan, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, List.of(u.centre, u.thanhHoa), FOUNDED);
        u.unit(u.trieuSon, "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, List.of(u.centre, u.thanhHoa), FOUNDED);
        u.unit(u.namDan, "Huyện đoàn Nam Đàn", UnitLevel.DISTRICT, List.of(u.centre, u.ngheAn), FOUNDED);
        for (int i = 0; i < THO_XUAN_COMMUNES.length; i++) {
            String id = "tx" + i + "-" + u.s;
            u.communes.add(id);
            u.thoXuanCommune(id, THO_XUAN_COMMUNES[i], FOUNDED);
        }
        u.unit(u.danLuc, "Đoàn xã Dân Lực", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.trieuSon), FOUNDED);
        u.unit(u.danLy, "Đoàn xã Dân Lý", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.trieuSon), FOUNDED);
        u.unit(u.kimLien, "Đoàn xã Kim Liên", UnitLevel.GRASSROOTS, List.of(u.centre, u.ngheAn, u.namDan), FOUNDED);
        u.unit(u.namGiang, "Đoàn xã Nam Giang", UnitLevel.GRASSROOTS, List.of(u.centre, u.ngheAn, u.namDan), FOUNDED);
        kafka.publish(u.planIssued(), u.thanhHoa);
        return u;
    }

    /** Thọ Xuân's communes: 0 Thọ Lập, 1 Xuân Hòa, 2 Xuân Lai, 3 Xuân Minh, 4 Xuân Tín, 5 Thọ Hải, 6 Thọ Diên. */
    public String commune(int i) {
        return communes.get(i);
    }

    /** A new commune of Thọ Xuân from {@code from}. */
    public void thoXuanCommune(String id, String name, LocalDate from) {
        unit(id, name, UnitLevel.GRASSROOTS, List.of(centre, thanhHoa, thoXuan), from);
    }

    private void unit(String id, String name, UnitLevel level, List<String> ancestors, LocalDate from) {
        String parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
        kafka.publish(new UnitCreated(id, id, name, level, "xã", parent, ancestors, from), id);
    }

    /** Moves a commune of Thọ Xuân to Triệu Sơn from 01/01/2017. */
    public void moveToTrieuSon(String commune) {
        kafka.publish(new UnitMoved(commune, thoXuan, trieuSon, List.of(centre, thanhHoa, thoXuan), List.of(centre, thanhHoa, trieuSon),
                FROM_2017), commune);
    }

    /** Dissolves a unit from 01/01/2017 ("Giải thể", or a merge's or split's source). */
    public void dissolve(String unitId, String reason) {
        kafka.publish(new UnitDissolved(unitId, FROM_2017, reason), unitId);
    }

    /** Merges communes of Thọ Xuân into a new one from 01/01/2017, as plan-service announces it: the new unit, each source dissolved, the merge. */
    public void mergeInto(String targetId, String targetName, String... sources) {
        thoXuanCommune(targetId, targetName, FROM_2017);
        for (String source : sources) {
            dissolve(source, "Sáp nhập");
        }
        kafka.publish(new UnitsMerged(List.of(sources), targetId, FROM_2017), targetId);
    }

    /** Splits a commune of Thọ Xuân into two new ones from 01/01/2017: the parts, the source dissolved, the split. */
    public void split(String source, String firstId, String firstName, String secondId, String secondName) {
        thoXuanCommune(firstId, firstName, FROM_2017);
        thoXuanCommune(secondId, secondName, FROM_2017);
        dissolve(source, "Chia tách");
        kafka.publish(new UnitSplit(source, List.of(firstId, secondId), FROM_2017), source);
    }

    public PlanIssued planIssued() {
        List<UnitLevel> grassroots = List.of(UnitLevel.GRASSROOTS);
        return new PlanIssued(plan, "66-KH/TĐTN-BTG", "Kế hoạch tổ chức hội nghị quán triệt Nghị quyết Đại hội Đoàn", thanhHoa,
                LocalDate.of(2016, 3, 2), FOUNDED, LocalDate.of(2017, 12, 31), List.of(
                new PlanIssued.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn",
                        IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), grassroots)),
                List.of(year(2016), year(2017)));
    }

    private static PlanIssued.ReportingPeriod year(int y) {
        return new PlanIssued.ReportingPeriod(String.valueOf(y), "Báo cáo năm " + y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                LocalDate.of(y, 11, 15), List.of(UnitLevel.DISTRICT, UnitLevel.GRASSROOTS));
    }
}
