package vn.doan.authserver.user;

/**
 * One thing wrong with a user's data: the field ({@code email}) or, in an imported file, its row (1 = the first line
 * after the header) and column ({@code email}).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Problem(Integer row, String field, String detail, String detail_vi) {

    static Problem of(String field, String detail, String detailVi) {
        return new Problem(null, field, detail, detailVi);
    }

    Problem atRow(int row) {
        return new Problem(row, field, detail, detail_vi);
    }
}
