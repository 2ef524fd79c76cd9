package vn.doan.reportservice.report;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoSocketWriteException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import vn.doan.support.web.ApiProblem;

/**
 * A write of reports whose acknowledgement never came: the request reached MongoDB, or may have, and the connection failed
 * or timed out before the answer. The reports may well be stored, so the client is told exactly that (503
 * {@code storage.outcome-unknown}) and to send the same request again with the same idempotency keys, which answers
 * what was stored as the same as before and stores nothing twice — never "nothing was stored".
 */
final class UnconfirmedWrite {

    private UnconfirmedWrite() {
    }

    /** The write's result; refused as {@code storage.outcome-unknown} when its acknowledgement was lost. */
    static <T> T truthfully(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (unconfirmed(e)) {
                throw outcomeUnknown();
            }
            throw e;
        }
    }

    /** Whether the request was sent (or partly) and its answer lost: read timeout, connection closed or failed while writing. */
    static boolean unconfirmed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketReadTimeoutException || cause instanceof MongoSocketReadException
                    || cause instanceof MongoSocketWriteException) {
                return true;
            }
        }
        return false;
    }

    static ApiProblem outcomeUnknown() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "storage.outcome-unknown", null,
                "The database did not confirm the write in time; the reports may have been stored. Send the same request again "
                        + "with the same Idempotency-Key(s): reports already stored are answered as before, none is stored twice.",
                "Cơ sở dữ liệu chưa xác nhận kịp; báo cáo có thể đã được lưu. Hãy gửi lại đúng yêu cầu này với cùng khóa "
                        + "Idempotency-Key: báo cáo đã lưu sẽ được trả lời như lần trước, không báo cáo nào bị lưu hai lần.");
    }
}
