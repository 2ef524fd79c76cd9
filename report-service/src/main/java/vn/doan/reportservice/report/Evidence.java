package vn.doan.reportservice.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.doan.support.web.ApiProblem;

/**
 * Photos and PDFs attached to a report as evidence ("báo cáo bằng hình ảnh"), stored in GridFS with
 * their SHA-256. The type is read from the file's first bytes, not trusted from the client.
 */
@Service
public class Evidence {

    private final GridFsTemplate files;
    private final ReportService reports;
    private final Clock clock;
    private final long maxBytes;

    Evidence(GridFsTemplate files, ReportService reports, Clock clock, @Value("${doan.reports.attachment-max-bytes:10485760}") long maxBytes) {
        this.files = files;
        this.reports = reports;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public Report.Attachment attach(String reportId, String filename, byte[] content) {
        reports.find(reportId);
        if (content.length > maxBytes) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "attachment.too-large", "file",
                    "The file is " + content.length + " bytes; at most " + maxBytes + " are accepted.",
                    "Tệp quá lớn: tối đa " + (maxBytes / 1024 / 1024) + " MB.");
        }
        String type = detectType(content);
        if (type == null) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type-not-allowed", "file",
                    "Only JPEG, PNG or WebP images and PDF documents are accepted.",
                    "Chỉ nhận ảnh JPEG, PNG, WebP hoặc tài liệu PDF.");
        }
        String sha256 = sha256(content);
        String name = filename == null || filename.isBlank() ? "minh-chung" : filename;
        ObjectId id = files.store(new ByteArrayInputStream(content), name, type,
                new Document("reportId", reportId).append("sha256", sha256));
        Report.Attachment attachment = new Report.Attachment(id.toHexString(), name, type, content.length, sha256, Instant.now(clock));
        try {
            reports.attach(reportId, attachment);
        } catch (RuntimeException e) {
            files.delete(Query.query(Criteria.where("_id").is(id)));
            throw e;
        }
        return attachment;
    }

    public GridFsResource read(String reportId, String attachmentId) {
        Report report = reports.find(reportId);
        if (report.attachments() == null || report.attachments().stream().noneMatch(a -> a.id().equals(attachmentId))) {
            throw ApiProblem.notFound("attachment.unknown", "attachmentId", "The report has no attachment " + attachmentId + ".",
                    "Báo cáo không có tệp minh chứng này.");
        }
        return files.getResource(files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(attachmentId)))));
    }

    static String detectType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
