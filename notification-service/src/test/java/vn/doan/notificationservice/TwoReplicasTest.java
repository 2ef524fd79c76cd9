package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doan.notificationservice.NotificationServiceIntegrationTests.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.notificationservice.delivery.DeliverySweep;
import vn.doan.notificationservice.reminder.ReminderSweep;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TestTokens;
import vn.doan.support.test.MutableClock;

/**
 * Two instances of notification-service at once, as two replicas would run: one Kafka consumer group, one
 * MongoDB database, one SMTP server, their own schedulers sweeping every 300 ms and the test sweeping both
 * at the same moment on top. The mailbox shows each reminder once; an SMTP outage is ridden out by retries.
 */
class TwoReplicasTest {

    static final MutableClock CLOCK = new MutableClock("2026-05-01T09:00");
    static final Smtp SMTP = new Smtp().start();
    static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    static KafkaTestClient kafka;
    static HttpJson http;
    static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        Backends backends = Backends.embedded();
        INSTANCES.add(instance(backends));
        INSTANCES.add(instance(backends));
        kafka = new KafkaTestClient(backends.kafkaBootstrap(), "/plan-service");
        http = new HttpJson("http://localhost:" + INSTANCES.get(0).getEnvironment().getProperty("local.server.port"));
        mongo = INSTANCES.get(1).getBean(MongoTemplate.class);
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        kafka.close();
        SMTP.stop();
    }

    static ConfigurableApplicationContext instance(Backends backends, String... more) {
        String group = "notification-replicas-test";
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(context -> {
                    ((GenericApplicationContext) context).registerBean("clock", Clock.class, () -> CLOCK);
                    context.getBeanFactory().registerSingleton("skipOtherTestsConfigurations", new SkipTestConfigurations());
                })
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        "--spring.config.name=" + NotificationServiceApplication.CONFIG_NAME, "--server.port=0",
                        "--spring.cloud.stream.kafka.binder.brokers=" + backends.kafkaBootstrap(),
                        "--spring.mongodb.uri=" + backends.mongoUri(), "--spring.mongodb.database=notification_replicas_test", "--doan.outbox.sweep-interval=1h",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                        "--spring.cloud.stream.bindings.onUnitEvent-in-0.group=" + group,
                        "--spring.cloud.stream.bindings.onPlanEvent-in-0.group=" + group,
                        "--spring.cloud.stream.bindings.onReportEvent-in-0.group=" + group,
                        "--spring.cloud.stream.bindings.onAlertEvent-in-0.group=" + group,
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.port,
                        "--doan.reminders.interval=300ms", "--doan.deliveries.interval=300ms", "--doan.deliveries.first-retry=30s",
                        "--doan.digest.at=20:59"), java.util.stream.Stream.of(more)).toArray(String[]::new));
    }

    /** The other test classes' {@code @TestConfiguration}s sit in the scanned package; a plain application must not pick them up. */
    static final class SkipTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SkipTestConfigurations;
        }

        @Override
        public int hashCode() {
            return SkipTestConfigurations.class.hashCode();
        }
    }

    /** Both instances sweep reminders and deliveries at the same moment, twice each. */
    static void sweepTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sweeps = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(INSTANCES.get(0), INSTANCES.get(1), INSTANCES.get(0), INSTANCES.get(1))) {
            sweeps.add(pool.submit(() -> {
                go.await();
                instance.getBean(ReminderSweep.class).sweep();
                return instance.getBean(DeliverySweep.class).sweep();
            }));
        }
        go.countDown();
        for (Future<?> sweep : sweeps) {
            sweep.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    /** A fresh tree, made while no rule is in force (the schedulers sweep all the time). */
    ThoXuan thoXuan() {
        CLOCK.set("2026-05-01T09:00");
        ThoXuan t = new ThoXuan().units(kafka);
        // the two instances share the topics' partitions: a plan may otherwise reach one before the other has stored the units
        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", new Document("$in",
                List.of(t.district, t.thoLap, t.xuanHoa, t.school)))) == 4);
        kafka.publish(t.plan(LocalDate.of(2026, 5, 15), null), t.district);
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", t.plan)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", t.school)) == 1);
        await(() -> t.planToldToEachUnit(mongo));
        t.people(http);
        return t;
    }

    long deliveries(ThoXuan t, String channel, String state, int attempts) {
        return mongo.getCollection("deliveries").countDocuments(new Document("notificationId", new Document("$regex", "^reminder\\|" + t.plan))
                .append("channel", channel).append("state", state).append("attempts", attempts));
    }

    /**
     * The events about the tree's units, as "type deliveryId eventId", repeats removed: with two replicas the outbox
     * relay (at least once) may put a record on Kafka twice, always with the same event id for consumers to skip.
     */
    List<String> sentEvents(ThoXuan t, int atLeast) {
        List<String> units = List.of(t.thoLap, t.xuanHoa, t.school, t.district);
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>, List<String>> sent = records -> records
                .stream().map(KafkaTestClient::envelope).filter(e -> units.contains(e.subject()))
                .map(e -> e.type().substring(e.type().lastIndexOf('.') + 1) + " " + e.data().get("deliveryId").asString() + " " + e.id())
                .distinct().toList();
        kafka.read(Topics.NOTIFICATION_DELIVERIES, Duration.ofSeconds(20), records -> sent.apply(records).size() >= atLeast);
        return sent.apply(kafka.readToEnd(Topics.NOTIFICATION_DELIVERIES));
    }

    /**
     * An idle inbox stream carries a keep-alive comment, so that proxies do not cut it. A replica stopped for a rolling
     * restart ends its open streams at once: the client sees a complete response (and reconnects, to the other replica),
     * and the web server's graceful shutdown completes rather than waiting for its timeout and then cutting them.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aReplicaThatStopsEndsItsLiveStreamsSoItsShutdownIsNotHeld(CapturedOutput output) throws Exception {
        ConfigurableApplicationContext third = instance(Backends.embedded(), "--doan.inbox.keep-alive=200ms");
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + third.getEnvironment().getProperty("local.server.port") + "/api/inbox/stream?recipientId=rolling-restart"))
                .header("Authorization", "Bearer " + TestTokens.admin()).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        await(() -> lines.contains("event:connected"));
        await(() -> lines.contains(":keep-alive"));

        third.close();
        reading.get(60, TimeUnit.SECONDS);
        assertThat(output).as("the stream was ended, not cut").contains("Graceful shutdown complete")
                .doesNotContain("Graceful shutdown aborted");
    }

    @Test
    void twoInstancesSendEachReminderOnce() throws Exception {
        ThoXuan t = thoXuan();

        CLOCK.set("2026-05-08T09:00");
        sweepTogether();
        await(() -> SMTP.received(t.s).size() >= 4 && deliveries(t, "INBOX", "SENT", 1) == 1);
        sweepTogether();
        assertThat(SMTP.received(t.s)).extracting(Smtp.Mail::to).containsExactlyInAnyOrder(
                t.email("bt-tholap"), t.email("pbt-tholap"), t.email("bt-xuanhoa"), t.email("bt-thpt4"));

        CLOCK.set("2026-05-16T08:00");
        sweepTogether();
        await(() -> SMTP.received(t.s).size() >= 11);
        sweepTogether();
        List<Smtp.Mail> mails = SMTP.received(t.s);
        assertThat(mails).as("7 more: each secretary and Thọ Lập's deputy, and the district office once per late unit").hasSize(11);
        assertThat(mails.stream().map(Smtp.Mail::deliveryId).distinct()).hasSize(11);
        assertThat(mails.stream().filter(m -> m.to().equals(t.email("vp-thoxuan"))).map(Smtp.Mail::subject)).containsExactlyInAnyOrder(
                "Đơn vị chậm báo cáo: Đoàn xã Thọ Lập", "Đơn vị chậm báo cáo: Đoàn xã Xuân Hòa", "Đơn vị chậm báo cáo: Đoàn trường THPT Thọ Xuân 4");
        assertThat(mongo.getCollection("reminders").countDocuments(new Document("planId", t.plan))).isEqualTo(6);
        assertThat(deliveries(t, "EMAIL", "SENT", 1)).isEqualTo(11);
        assertThat(http.get("/api/inbox?recipientId=" + t.person("bt-tholap")).body().size()).isEqualTo(2);
        List<String> events = sentEvents(t, 13);
        assertThat(events).as("11 emails and 2 inbox items, each announced by one event").hasSize(13)
                .allMatch(e -> e.startsWith("NotificationSent "));
    }

    @Test
    void anSmtpOutageIsRiddenOutWithRetriesNothingLostNothingDoubled() throws Exception {
        ThoXuan t = thoXuan();
        SMTP.stop();
        try {
            CLOCK.set("2026-05-14T09:00");
            sweepTogether();
            await(() -> deliveries(t, "EMAIL", "RETRYING", 1) == 4);
            assertThat(deliveries(t, "INBOX", "SENT", 1)).as("the inbox does not need SMTP").isEqualTo(1);

            CLOCK.set("2026-05-14T09:00:30");
            sweepTogether();
            await(() -> deliveries(t, "EMAIL", "RETRYING", 2) == 4);
            sweepTogether();
            assertThat(deliveries(t, "EMAIL", "RETRYING", 2)).as("the next try waits 60 s").isEqualTo(4);
        } finally {
            SMTP.start();
        }
        CLOCK.set("2026-05-14T09:01:30");
        sweepTogether();
        await(() -> deliveries(t, "EMAIL", "SENT", 3) == 4);
        CLOCK.set("2026-05-14T10:00");
        sweepTogether();

        assertThat(SMTP.received(t.s)).extracting(Smtp.Mail::to).containsExactlyInAnyOrder(
                t.email("bt-tholap"), t.email("pbt-tholap"), t.email("bt-xuanhoa"), t.email("bt-thpt4"));
        assertThat(SMTP.receivedBy(t.email("bt-xuanhoa")).get(0).body()).isEqualTo(
                "Nhắc hạn báo cáo: Đoàn xã Xuân Hòa chưa nộp Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN, hạn nộp 15/05/2026 (còn 1 ngày).");
        assertThat(sentEvents(t, 5)).hasSize(5).allMatch(e -> e.startsWith("NotificationSent "));
    }
}
