package vn.doan.reportservice.consolidated;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of a consolidated report in the Union's administrative form (Hướng dẫn thể thức văn bản của Đoàn), once,
 * for both the .docx and the .pdf: the header, the title, "Kính gửi", the body and the signature block.
 */
final class ReportText {

    static final String UNION = "ĐOÀN TNCS HỒ CHÍ MINH";
    static final String SIGNING_FOR = "T/M BAN THƯỜNG VỤ";
    static final String SIGNER = "BÍ THƯ";
    static final String RECIPIENTS = "Nơi nhận:";
    static final List<String> TABLE_HEADER = List.of("TT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Số đơn vị báo cáo", "Đánh giá");
    static final List<String> RANKING_HEADER = List.of("Hạng", "Đơn vị", "Điểm", "Báo cáo chậm", "Xếp loại");

    private final ConsolidatedReport r;

    ReportText(ConsolidatedReport report) {
        this.r = report;
    }

    /** The issuing block, upper left: the superior's name, the unit's name (bold), the mark under it. */
    String superiorLine() {
        return r.superior() == null ? "" : upper(r.superior().name());
    }

    String unitLine() {
        return upper(r.unit().name());
    }

    /** The number is left for the office's registry to give when the report is signed. */
    String numberLine() {
        return "Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0-BC/ĐTN";
    }

    String subjectLine() {
        return "V/v báo cáo kết quả thực hiện " + r.plan().number() + " (" + r.period().label() + ")";
    }

    String placeAndDate() {
        return VietnameseFormat.placeAndDate(r.place(), r.draftedOn());
    }

    List<String> title() {
        return List.of("BÁO CÁO", "Kết quả thực hiện " + r.plan().title(), r.period().label());
    }

    String addressee() {
        return "Kính gửi: Ban Thường vụ " + (r.superior() == null ? "" : r.superior().name());
    }

    /**
     * "… báo cáo kết quả thực hiện năm 2026 …": the period's label without its leading "Báo cáo", which the sentence already
     * says, its first letter in lower case only ("Quý III/2026" → "quý III/2026").
     */
    String intro() {
        String label = r.period().label();
        String period = label.regionMatches(true, 0, "báo cáo ", 0, "báo cáo ".length()) ? label.substring("báo cáo ".length()) : label;
        String what = period.isEmpty() ? "thực hiện" : "thực hiện " + period.substring(0, 1).toLowerCase(VietnameseFormat.VI) + period.substring(1);
        return "Thực hiện " + r.plan().number() + ", " + r.unit().name() + " báo cáo kết quả " + what
                + " (hạn báo cáo " + VietnameseFormat.date(r.period().dueDate()) + ") như sau:";
    }

    String figuresHeading() {
        return "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU";
    }

    List<List<String>> figureRows() {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (ConsolidatedReport.IndicatorFigure f : r.figures()) {
            rows.add(List.of(String.valueOf(n++), DraftSections.label(f), f.targetText(), f.result(),
                    VietnameseFormat.number(f.reportingUnits()), VietnameseFormat.status(f.status())));
        }
        return rows;
    }

    String timelinessHeading() {
        return "II. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ";
    }

    List<String> timelinessLines() {
        ConsolidatedReport.Timeliness t = r.timeliness();
        List<String> lines = new ArrayList<>();
        lines.add("Số đơn vị phải báo cáo: " + t.expected() + "; đúng hạn: " + t.onTime() + "; chậm: " + t.late() + "; chưa báo cáo: "
                + t.missing() + (t.notYetDue() == 0 ? "" : "; chưa đến hạn: " + t.notYetDue()) + ".");
        for (String state : List.of("ON_TIME", "LATE", "MISSING", "NOT_YET_DUE")) {
            String names = r.timeliness().units().stream().filter(u -> u.state().equals(state))
                    .map(u -> state.equals("LATE") ? u.name() + " (" + u.daysLate() + " ngày)" : u.name()).collect(Collectors.joining(", "));
            if (!names.isEmpty()) {
                lines.add("- " + VietnameseFormat.reportState(state) + ": " + names + ".");
            }
        }
        return lines;
    }

    String childrenHeading() {
        return "III. KẾT QUẢ, HẠN CHẾ VÀ ĐỀ XUẤT CỦA CÁC ĐƠN VỊ";
    }

    /** One block per direct child: its name, then its sections, or that it has not reported. */
    record ChildBlock(String heading, List<String> lines) {
    }

    List<ChildBlock> children() {
        List<ChildBlock> blocks = new ArrayList<>();
        int n = 1;
        for (ConsolidatedReport.ChildNarrative c : r.children()) {
            List<String> lines = new ArrayList<>();
            section(lines, "Kết quả: ", c.results());
            section(lines, "Hạn chế, nguyên nhân: ", c.shortcomings());
            section(lines, "Đề xuất, kiến nghị: ", c.proposals());
            if (lines.isEmpty()) {
                lines.add("MISSING".equals(c.state()) || "NOT_YET_DUE".equals(c.state()) || c.state() == null ? "Chưa báo cáo." : "Không có nội dung.");
            }
            blocks.add(new ChildBlock(n++ + ". " + c.name(), lines));
        }
        return blocks;
    }

    private static void section(List<String> lines, String label, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(label + text.strip());
        }
    }

    /** Whether the plan ranks the units and the unit has units to rank. */
    boolean ranked() {
        return r.ranking() != null && !r.ranking().isEmpty();
    }

    String rankingHeading() {
        return "IV. XẾP LOẠI THI ĐUA CÁC ĐƠN VỊ";
    }

    /** One row per direct child, best first: place, name, score (82,5), late of expected reports (1/4), class. */
    List<List<String>> rankingRows() {
        return r.ranking().stream().map(u -> List.of(String.valueOf(u.rank()), u.name(), VietnameseFormat.number(u.score()),
                u.late() + "/" + u.expected(), u.rankClass() == null ? "" : u.rankClass())).toList();
    }

    List<String> recipients() {
        List<String> lines = new ArrayList<>();
        if (r.superior() != null) {
            lines.add("- Ban Thường vụ " + r.superior().name() + " (b/c);");
        }
        lines.add("- Lưu VP.");
        return lines;
    }

    private static String upper(String name) {
        return name.toUpperCase(VietnameseFormat.VI);
    }
}
