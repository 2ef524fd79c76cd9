package vn.doan.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The in-process Kafka broker and MongoDB wire server on free ports under {@code dataDir}, and every service on them. */
record StackRun(EmbeddedKafka kafka, EmbeddedMongo mongo, Services services) implements AutoCloseable {

    /** @param extraArgs further {@code --name=value} settings for every service */
    static StackRun start(Path dataDir, List<String> extraArgs) {
        EmbeddedKafka kafka = EmbeddedKafka.start(Services.freePort(), Services.freePort(), dataDir.resolve("kafka"));
        EmbeddedMongo mongo = EmbeddedMongo.start(Services.freePort(), dataDir.resolve("mongo.mv.db"));
        try {
            return new StackRun(kafka, mongo, Services.start(kafka.bootstrap(), mongo.uri(), Map.of(), extraArgs));
        } catch (RuntimeException e) {
            kafka.close();
            mongo.close();
            throw e;
        }
    }

    @Override
    public void close() {
        services.close();
        kafka.close();
        mongo.close();
    }
}
