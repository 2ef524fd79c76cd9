package vn.doan.gateway;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

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
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:doan:problem:request.rejected\",\"title\":\"Bad Request\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached any service.\",\"rule\":\"request.rejected\","
                        + "\"detail_vi\":\"Yêu cầu không hợp lệ và đã bị từ chối.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to say
        }
    }
}
