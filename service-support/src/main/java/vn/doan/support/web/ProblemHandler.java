package vn.doan.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.doan.support.outbox.EventTooLarge;

/**
 * Every error leaves a service as problem+json: {@code detail} in English, {@code detail_vi} in
 * Vietnamese for the end user, {@code rule} as a stable code, {@code field} as the JSON path at fault.
 */
@AutoConfiguration
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem e) {
        return of(e);
    }

    private static ProblemDetail of(ApiProblem e) {
        ProblemDetail problem = problem(e.status(), e.rule(), e.field(), e.getMessage(), e.messageVi());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * The problem+json document of a refusal, as the members it is written with: for an answer that carries several,
     * such as one per item of a batch.
     */
    public static Map<String, Object> document(RuntimeException refusal) {
        ProblemDetail problem;
        if (refusal instanceof ApiProblem p) {
            problem = of(p);
        } else if (refusal instanceof EventTooLarge tooLarge) {
            problem = of(tooLarge);
        } else {
            throw new IllegalArgumentException("Not a refusal the user can act on: " + refusal, refusal);
        }
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("type", String.valueOf(problem.getType()));
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        document.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            document.putAll(problem.getProperties());
        }
        return document;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "rule", String.valueOf(f.getCode()),
                        "detail", f.getField() + " " + f.getDefaultMessage()))
                .toList();
        Map<String, String> first = errors.isEmpty() ? Map.of("field", "", "rule", "invalid") : errors.get(0);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "request." + first.get("rule"), first.get("field"),
                "Invalid request: " + errors.stream().map(m -> m.get("detail")).toList(),
                "Dữ liệu gửi lên không hợp lệ ở trường " + first.get("field") + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = jsonPath(e);
        return problem(HttpStatus.BAD_REQUEST, "request.unreadable", field,
                "The request body is not valid JSON of the expected shape" + (field == null ? "" : " at " + field) + ": " + rootMessage(e),
                "Nội dung yêu cầu không phải JSON hợp lệ theo mẫu quy định" + (field == null ? "." : " (trường " + field + ")."));
    }

    /** The JSON path of the unknown field or the value of the wrong type, e.g. {@code values[0].numerator}. */
    private static String jsonPath(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.header-missing", e.getHeaderName(),
                "Header " + e.getHeaderName() + " is required.",
                "Thiếu tiêu đề " + e.getHeaderName() + " trong yêu cầu.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "request.not-found", null, "No such endpoint: " + e.getResourcePath(),
                "Không tìm thấy địa chỉ yêu cầu.");
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", null, "The upload is larger than this service accepts.",
                "Tệp gửi lên vượt quá dung lượng cho phép.");
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedType(org.springframework.web.HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type", null,
                "Content type " + e.getContentType() + " is not accepted here; use " + e.getSupportedMediaTypes() + ".",
                "Định dạng nội dung gửi lên không được hỗ trợ.");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "duplicate", null, "This record already exists.",
                "Bản ghi này đã tồn tại.");
    }

    /** A change whose event the message broker would never take; nothing was written (see {@code Outbox}). */
    @ExceptionHandler(EventTooLarge.class)
    ProblemDetail eventTooLarge(EventTooLarge e) {
        return of(e);
    }

    private static ProblemDetail of(EventTooLarge e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "event.too-large", null,
                "This change cannot be published: its event would be " + e.bytes() + " bytes, more than the " + e.limit()
                        + " the message broker accepts. Shorten its texts; nothing was changed.",
                "Không thể lưu thay đổi này vì dữ liệu quá lớn để gửi đi (" + e.bytes() + " byte, tối đa " + e.limit()
                        + " byte). Hãy rút gọn nội dung; chưa có thay đổi nào được lưu.");
        problem.setProperty("eventBytes", e.bytes());
        problem.setProperty("maxEventBytes", e.limit());
        return problem;
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ProblemDetail databaseDown(DataAccessResourceFailureException e) {
        log.error("Database unavailable", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "storage.unavailable", null,
                "The database is unavailable; nothing was stored. Try again shortly.",
                "Cơ sở dữ liệu tạm thời không truy cập được; chưa có gì được lưu. Vui lòng thử lại sau.");
    }

    static ProblemDetail problem(HttpStatusCode status, String rule, String field, String detail, String detailVi) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:doan:problem:" + rule));
        problem.setProperty("rule", rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        problem.setProperty("detail_vi", detailVi);
        return problem;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
