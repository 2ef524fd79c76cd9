package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process MongoDB store acknowledges a write only once it is in the file. */
class DurableH2BackendTest {

    @Test
    void whatTheServerAcknowledgedIsInTheFileAtThatMoment(@TempDir Path dir) throws Exception {
        int port = Services.freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dir.resolve("mongo.mv.db"));
                MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> reports = client.getDatabase("doan_report").getCollection("reports");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "BC-THOLAP-" + i;
                writes.add(pool.submit(() -> {
                    reports.insertOne(new Document("_id", id).append("unit", "Đoàn xã Thọ Lập").append("numerator", 18));
                    reports.updateOne(Filters.eq("_id", id), Updates.inc("numerator", 1));
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pool.shutdown();
            // the file as a crash at this instant would leave it, the server still running
            Files.copy(dir.resolve("mongo.mv.db"), dir.resolve("crash-image.mv.db"));
        }
        H2Backend image = new H2Backend(dir.resolve("crash-image.mv.db").toString());
        MongoServer server = new MongoServer(image);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> reports = client.getDatabase("doan_report").getCollection("reports");
            assertThat(reports.countDocuments()).isEqualTo(40);
            assertThat(reports.find(Filters.eq("_id", "BC-THOLAP-39")).first()).containsEntry("numerator", 19)
                    .containsEntry("unit", "Đoàn xã Thọ Lập");
            assertThat(reports.countDocuments(Filters.eq("numerator", 19))).isEqualTo(40);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void writesArrivingDuringAFlushShareTheNextOneAndEachReturnsOnlyOnceCovered() throws Exception {
        AtomicLong applied = new AtomicLong();
        AtomicLong durableUpTo = new AtomicLong();
        AtomicInteger flushes = new AtomicInteger();
        DurableH2Backend.GroupCommit commits = new DurableH2Backend.GroupCommit(() -> {
            long upTo = applied.get();
            sleep(2);
            durableUpTo.accumulateAndGet(upTo, Math::max);
            flushes.incrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            writes.add(pool.submit(() -> {
                long mine = applied.incrementAndGet();
                commits.awaitDurable();
                return durableUpTo.get() >= mine;
            }));
        }
        for (Future<Boolean> write : writes) {
            assertThat(write.get()).as("a write returned before a flush covered it").isTrue();
        }
        pool.shutdown();
        assertThat(flushes.get()).as("flushes for 400 writes from 8 threads").isBetween(1, 399);
    }

    @Test
    void aFailedFlushFailsTheWriteAndTheNextWriteFlushesAgain() {
        AtomicInteger calls = new AtomicInteger();
        DurableH2Backend.GroupCommit commits = new DurableH2Backend.GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("No space left on device");
            }
        });

        assertThatThrownBy(commits::awaitDurable).hasMessage("No space left on device");
        commits.awaitDurable();

        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void writeCommandsAreToldFromReads() {
        assertThat(DurableH2Backend.isWrite("insert", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(DurableH2Backend.isWrite("findAndModify", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(DurableH2Backend.isWrite("find", new de.bwaldvogel.mongo.bson.Document())).isFalse();
        assertThat(DurableH2Backend.isWrite("aggregate", new de.bwaldvogel.mongo.bson.Document("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document()))))).isFalse();
        assertThat(DurableH2Backend.isWrite("aggregate", new de.bwaldvogel.mongo.bson.Document("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$merge", "totals"))))).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
