package vn.doan.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An in-process SMTP server (GreenMail) that keeps, in memory, every email notification-service sends, and an IMAP
 * server to read them: each address is a mailbox whose login and password are the address itself.
 */
final class EmbeddedMail implements AutoCloseable {

    private final GreenMail server;
    final int smtpPort;
    final int imapPort;

    private EmbeddedMail(GreenMail server, int smtpPort, int imapPort) {
        this.server = server;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    static EmbeddedMail start(int smtpPort, int imapPort) {
        GreenMail server = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        return new EmbeddedMail(server, smtpPort, imapPort);
    }

    /** notification-service's settings for this server. */
    java.util.List<String> springArgs() {
        return java.util.List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort);
    }

    @Override
    public void close() {
        server.stop();
    }
}
