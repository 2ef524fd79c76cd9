package vn.doan.support.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user can act on: an HTTP status, a stable rule code, the field at fault, and the
 * message in English and Vietnamese. Rendered as RFC 9457 problem+json by {@link ProblemHandler}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;
    private final String messageVi;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String rule, String field, String messageEn, String messageVi) {
        super(messageEn);
        this.status = status;
        this.rule = rule;
        this.field = field;
        this.messageVi = messageVi;
    }

    public static ApiProblem invalid(String rule, String field, String messageEn, String messageVi) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, rule, field, messageEn, messageVi);
    }

    public static ApiProblem notFound(String rule, String field, String messageEn, String messageVi) {
        return new ApiProblem(HttpStatus.NOT_FOUND, rule, field, messageEn, messageVi);
    }

    public static ApiProblem conflict(String rule, String field, String messageEn, String messageVi) {
        return new ApiProblem(HttpStatus.CONFLICT, rule, field, messageEn, messageVi);
    }

    /** Adds a property to the problem document, e.g. the id of the existing record or the list of bad rows. */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public String messageVi() {
        return messageVi;
    }
}
