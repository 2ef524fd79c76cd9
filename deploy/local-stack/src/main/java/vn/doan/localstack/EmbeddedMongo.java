package vn.doan.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server), stored in an H2 file so data survives
 * a restart, every write on disk before it is acknowledged ({@link DurableH2Backend}). It has no transactions and no
 * change streams; the services need neither.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final int WORKER_THREADS_WHEN_DURABLE = 32;

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Stored in {@code file}, or in memory only if it is null. */
    public static EmbeddedMongo start(int port, Path file) {
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        MongoServer server = new MongoServer(file == null ? new MemoryBackend() : new DurableH2Backend(file.toAbsolutePath().toString()));
        // a write holds its connection's event-loop thread until its flush is done: more threads, more writes per flush
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, file == null ? 0 : WORKER_THREADS_WHEN_DURABLE);
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + port);
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
