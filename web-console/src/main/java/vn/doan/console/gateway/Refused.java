package vn.doan.console.gateway;

/**
 * A service said no with a problem+json: its status, the field at fault (a JSON path such as
 * {@code values[0].numerator}) and the Vietnamese message to show beside it.
 */
public class Refused extends RuntimeException {

    private final int status;
    private final String field;
    private final String detailVi;
    private final java.util.List<java.util.Map<String, Object>> errors;

    public Refused(int status, String field, String detail, String detailVi, java.util.List<java.util.Map<String, Object>> errors) {
        super(detail);
        this.status = status;
        this.field = field;
        this.detailVi = detailVi;
        this.errors = errors == null ? java.util.List.of() : errors;
    }

    public Refused(int status, String field, String detail, String detailVi) {
        this(status, field, detail, detailVi, null);
    }

    /** The problem's {@code errors} list where it has one, e.g. an import's errors by row and column. */
    public java.util.List<java.util.Map<String, Object>> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** What to show the person: the Vietnamese detail, or the service's own where it gave none. */
    public String toShow() {
        return detailVi != null ? detailVi : getMessage();
    }

    public String detailVi() {
        return detailVi;
    }

    /** 403: the page says "Không có quyền" instead. */
    public boolean forbidden() {
        return status == 403;
    }
}
