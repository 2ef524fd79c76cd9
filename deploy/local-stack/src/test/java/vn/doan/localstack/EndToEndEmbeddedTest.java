package vn.doan.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** On the local stack's own in-process Kafka broker (KRaft) and file-backed MongoDB wire server. */
class EndToEndEmbeddedTest extends EndToEndTests {

    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static EmbeddedMongo mongo;

    @BeforeAll
    static void start() throws IOException {
        kafka = EmbeddedKafka.start(freePort(), freePort(), dataDir.resolve("kafka"));
        mongo = EmbeddedMongo.start(freePort(), dataDir.resolve("mongo.mv.db"));
        startServices(kafka.bootstrap(), mongo.uri());
    }

    @AfterAll
    static void stop() {
        stopServices();
        services = null;
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
