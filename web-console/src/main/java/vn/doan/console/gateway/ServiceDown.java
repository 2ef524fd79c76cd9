package vn.doan.console.gateway;

/** The gateway or the service behind it did not answer, or answered 5xx: nothing was done, the user may retry. */
public class ServiceDown extends RuntimeException {

    public ServiceDown(String message, Throwable cause) {
        super(message, cause);
    }
}
