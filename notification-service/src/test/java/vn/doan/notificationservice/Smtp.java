package vn.doan.notificationservice;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a fixed local port, so a test can stop it and start it again on the same port. */
final class Smtp {

    /** One received email, decoded. */
    record Mail(String to, String subject, String body, String deliveryId) {

        String toAndSubject() {
            return to + " → " + subject;
        }
    }

    final int port = freePort();
    private GreenMail server;

    synchronized Smtp start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return this;
    }

    synchronized void stop() {
        server.stop();
    }

    /** Everything this server received since it was (re)started, to addresses containing {@code marker}. */
    synchronized List<Mail> received(String marker) {
        return Arrays.stream(server.getReceivedMessages()).map(Smtp::mail).filter(m -> m.to().contains(marker)).toList();
    }

    /** Everything this server received for exactly this address. */
    synchronized List<Mail> receivedBy(String address) {
        return received(address).stream().filter(m -> m.to().equals(address)).toList();
    }

    private static Mail mail(MimeMessage m) {
        try {
            return new Mail(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(), String.valueOf(m.getContent()).replace("\r\n", "\n").strip(),
                    m.getHeader("X-Doan-Delivery-Id", null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
