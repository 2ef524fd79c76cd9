package vn.doan.reportservice.sheet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an uploaded sheet gave: its filled rows, how many reports were created now, were the same as before (the file
 * sent again), were refused; and each refused row's error.
 */
public record SheetAnswer(int rows, int created, int repeated, int refused, List<CellError> errors) {

    /** A wrong cell or row: its row number and column as Excel shows them, the column's header and the refusal. */
    public record CellError(int row, String column, String header, String unitId, String rule, String detail,
            @JsonProperty("detail_vi") String detailVi) {
    }
}
