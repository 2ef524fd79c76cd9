package vn.doan.reportservice;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of the MongoDB wire server, message by message, that can swallow the reply to the next insert into
 * one collection: the server has stored the write, the driver never hears so and times out — a lost acknowledgement, as
 * a server too busy to answer in time gives.
 */
final class StallingProxy implements AutoCloseable {

    private static final byte[] INSERT = "insert\0".getBytes(StandardCharsets.UTF_8);

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile byte[] collection;

    StallingProxy(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The reply to the next insert into {@code collection} is swallowed; every other message passes. */
    void swallowReplyToNextInsertInto(String collection) {
        this.collection = (collection + "\0").getBytes(StandardCharsets.UTF_8);
        armed.set(true);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                AtomicBoolean swallowNextReply = new AtomicBoolean();
                start(() -> pump(client, server, swallowNextReply, true));
                start(() -> pump(server, client, swallowNextReply, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies whole wire messages (each starts with its length, little-endian) from one socket to the other. */
    private void pump(Socket from, Socket to, AtomicBoolean swallowNextReply, boolean requests) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            DataInputStream messages = new DataInputStream(in);
            while (true) {
                byte[] length = new byte[4];
                messages.readFully(length);
                int size = (length[0] & 0xff) | (length[1] & 0xff) << 8 | (length[2] & 0xff) << 16 | (length[3] & 0xff) << 24;
                byte[] message = new byte[size];
                System.arraycopy(length, 0, message, 0, 4);
                messages.readFully(message, 4, size - 4);
                if (requests && armed.get() && isInsertInto(message) && armed.compareAndSet(true, false)) {
                    swallowNextReply.set(true);
                }
                if (!requests && swallowNextReply.compareAndSet(true, false)) {
                    continue;
                }
                out.write(message);
                out.flush();
            }
        } catch (IOException closed) {
            close(from);
            close(to);
        }
    }

    /** Whether the command is {@code insert: "<collection>"}: the name, its string's 4-byte length, the collection. */
    private boolean isInsertInto(byte[] message) {
        for (int at = 0; at + INSERT.length + 4 + collection.length <= message.length; at++) {
            if (matches(message, at, INSERT) && matches(message, at + INSERT.length + 4, collection)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] message, int at, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (message[at + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work, "stalling-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the other side
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
