package vn.doan.gateway;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import vn.doan.web.Problem;

/**
 * What Tomcat itself refuses before any filter runs (a {@code %00} or an encoded {@code /} in the path, a
 * malformed request line) is answered as problem+json too, not as Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new Problem(status, "Bad Request", "request.rejected", "The request was refused before it reached any service.",
                        "Yêu cầu không hợp lệ và đã bị từ chối.").toJson());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to say
        }
    }
}
