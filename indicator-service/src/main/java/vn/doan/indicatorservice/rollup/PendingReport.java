package vn.doan.indicatorservice.rollup;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.report.ReportSubmitted;

/** A report whose plan or unit has not arrived yet, kept until it can be applied. */
@Document("pending_reports")
record PendingReport(@Id String id, ReportSubmitted report, String waitingFor, Instant since) {

    static String key(ReportSubmitted report) {
        return report.reportId() + "|" + report.version();
    }
}
