package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * The MongoDB round trips a submission waits for, counted on the wire by the driver's command listener: a new report is
 * one write (the report with its idempotency key and its event) besides the reads of the plan and the unit it is checked
 * against, and the audit entry of the request. A batch and a sheet cost the same per request, whatever their size.
 */
class SubmitRoundTripsTest extends ThoXuanCommunes {

    private static final Map<String, Integer> ONE_WRITE = Map.of("find plans", 1, "find units", 1, "insert reports", 1, "insert audit", 1);

    @Test
    void aReportSentOnItsOwnIsOneWriteAndItsRetryNone() {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        HttpJson secretary = admin.as(TestTokens.cadre("rt-tholap", thoLap));
        List<Integer> statuses = new ArrayList<>();
        statuses.add(earlierReport());

        Map<String, Integer> sent = MongoCommands.sentByRequestsDuring(
                () -> statuses.add(secretary.post("/api/reports", report(thoLap, 19), key("rt-tholap-" + planId)).status()));
        Map<String, Integer> retried = MongoCommands.sentByRequestsDuring(
                () -> statuses.add(secretary.post("/api/reports", report(thoLap, 19), key("rt-tholap-" + planId)).status()));

        assertThat(statuses).containsExactly(201, 201, 200);
        assertThat(sent).isEqualTo(ONE_WRITE);
        assertThat(retried).as("the failed insert, then the report holding the key")
                .isEqualTo(Map.of("find plans", 1, "find units", 1, "insert reports", 1, "find reports", 1, "insert audit", 1));
    }

    /** Thọ Lập's key sent again with Xuân Hòa's report, alone and in a batch: refused as reused, nothing stored for Xuân Hòa. */
    @Test
    void aKeyAnotherUnitsReportHoldsIsRefused() {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        String xuanHoa = communes.get("Đoàn xã Xuân Hòa");
        String xuanLai = communes.get("Đoàn xã Xuân Lai");
        String thoLapKey = "rt-tholap-" + planId;
        assertThat(admin.as(TestTokens.cadre("rt-tholap", thoLap)).post("/api/reports", report(thoLap, 19), key(thoLapKey)).status())
                .isEqualTo(201);

        HttpJson.Response alone = admin.as(TestTokens.cadre("rt-xuanhoa", xuanHoa)).post("/api/reports", report(xuanHoa, 17), key(thoLapKey));
        HttpJson.Response inBatch = admin.as(TestTokens.cadre("rt-huyendoan-thoxuan", thoXuan)).post("/api/reports/batch", Map.of("reports",
                List.of(Map.of("idempotencyKey", thoLapKey, "planId", planId, "unitId", xuanHoa, "periodId", "2016", "values", values(17)),
                        Map.of("idempotencyKey", "rt-xuanlai-" + planId, "planId", planId, "unitId", xuanLai, "periodId", "2016", "values", values(16)))));

        assertThat(alone.status()).as(alone.body().toString()).isEqualTo(422);
        assertThat(alone.body().get("rule").asString()).isEqualTo("report.idempotency-key-reused");
        List<String> answers = new ArrayList<>();
        inBatch.body().get("reports").values().forEach(r -> answers.add(r.get("status").asInt() + " "
                + (r.get("problem").isNull() ? r.get("outcome").asString() : r.get("problem").get("rule").asString())));
        assertThat(answers).containsExactly("422 report.idempotency-key-reused", "201 CREATED");
        assertThat(mongo.getCollection("reports").countDocuments(new org.bson.Document("planId", planId).append("unitId", xuanHoa))).isZero();
    }

    /**
     * Xuân Hòa's report, sent before the one measured: report-service reads a plan whole the first time it checks a report
     * against it, then only its version and state.
     */
    private int earlierReport() {
        String xuanHoa = communes.get("Đoàn xã Xuân Hòa");
        return admin.as(TestTokens.cadre("rt-xuanhoa", xuanHoa)).post("/api/reports", report(xuanHoa, 17), key("rt-xuanhoa-" + planId)).status();
    }

    /** Twelve communes in one batch: the same commands as one report, so a twelfth of them each. */
    @Test
    void aBatchOfTwelveReportsIsOneWrite() {
        HttpJson district = admin.as(TestTokens.cadre("rt-huyendoan-thoxuan", thoXuan));
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i < COMMUNES.size(); i++) {
            if (i == 1) {
                continue;
            }
            reports.add(Map.of("idempotencyKey", "rt-" + i + "-" + planId, "planId", planId, "unitId", communes.get(COMMUNES.get(i)),
                    "periodId", "2016", "values", values(i + 8)));
        }
        List<String> created = new ArrayList<>();
        created.add(String.valueOf(earlierReport()));

        Map<String, Integer> sent = MongoCommands.sentByRequestsDuring(() -> created.add(counts(district.post("/api/reports/batch",
                Map.of("reports", reports)))));
        Map<String, Integer> retried = MongoCommands.sentByRequestsDuring(() -> created.add(counts(district.post("/api/reports/batch",
                Map.of("reports", reports)))));

        assertThat(created).containsExactly("201", "200 12/0/0", "200 0/12/0");
        assertThat(sent).isEqualTo(ONE_WRITE);
        assertThat(retried).isEqualTo(Map.of("find plans", 1, "find units", 1, "insert reports", 1, "find reports", 1, "insert audit", 1));
    }

    /** The sheet of Thọ Xuân with its thirteen communes filled, all or nothing: checked in one read, stored in one write. */
    @Test
    void aSheetOfThirteenCommunesIsOneReadAndOneWrite() throws IOException {
        HttpJson district = admin.as(TestTokens.cadre("rt-huyendoan-thoxuan", thoXuan));
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                district.download("/api/reports/sheet.xlsx?planId=" + planId + "&periodId=2016")))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0 && communes.containsValue(row.getCell(0).getStringCellValue())) {
                    row.createCell(2).setCellValue(row.getRowNum());
                    row.createCell(3).setCellValue(20);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            file = out.toByteArray();
        }
        List<String> answers = new ArrayList<>();

        Map<String, Integer> sent = MongoCommands.sentByRequestsDuring(() -> {
            HttpJson.Response uploaded = district.postChunked("/api/reports/sheet?mode=all-or-nothing", file,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            answers.add(uploaded.status() + " " + uploaded.body().get("created").asInt());
        });

        assertThat(answers).containsExactly("200 13");
        assertThat(sent).isEqualTo(Map.of("find plans", 3, "find units", 3, "find treeVersion", 1, "find reports", 1, "insert reports", 1,
                "insert audit", 1));
    }

    private static String counts(HttpJson.Response answer) {
        return answer.status() + " " + answer.body().get("created").asInt() + "/" + answer.body().get("repeated").asInt() + "/"
                + answer.body().get("refused").asInt();
    }
}
