package vn.doan.benchmarks.national;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.localstack.Services.Service;

/**
 * Before the benchmark: the tree imported through plan-service (one CSV call for the centre, one per province) and
 * timed until every UnitCreated is on Kafka and each consuming service has read them; then the plan created and issued
 * and timed until every service has it.
 */
final class StackSetup {

    /** One unit as plan-service announced it. */
    record Known(String id, UnitLevel level, List<String> ancestorIds) {
    }

    /** @param units by the code the tree gave them */
    record Prepared(NationalResults.Setup setup, Map<String, Known> units, String planId) {
    }

    private final Api api;
    private final StackSampler admin;

    StackSetup(Api api, StackSampler admin) {
        this.api = api;
        this.admin = admin;
    }

    Prepared prepare(NationalTree tree) throws Exception {
        long start = System.nanoTime();
        api.importUnits(NationalTree.csv(List.of(tree.units().get(0))));
        for (NationalTree.Unit province : tree.ofLevel(UnitLevel.PROVINCE)) {
            api.importUnits(NationalTree.csv(tree.province(province.code())));
        }
        long imported = System.nanoTime();
        System.out.printf("Imported %,d units in %,d ms%n", tree.units().size(), (imported - start) / 1_000_000);
        while (topicSize(Topics.ORG_UNITS) < tree.units().size()) {
            Thread.sleep(500);
        }
        long published = System.nanoTime();
        System.out.printf("All UnitCreated on Kafka after %,d ms%n", (published - imported) / 1_000_000);
        Map<String, Long> consumed = new LinkedHashMap<>();
        for (String group : StackSampler.GROUPS) {
            while (admin.lag(group, Topics.ORG_UNITS) > 0) {
                Thread.sleep(1000);
            }
            consumed.put(group, (System.nanoTime() - published) / 1_000_000);
            System.out.printf("%s consumed the tree %,d ms after it was on Kafka%n", group, consumed.get(group));
        }
        Map<String, Known> units = readUnits();

        long planStart = System.nanoTime();
        String planId = issuePlan(units.get(NationalTree.CENTRE).id());
        long issued = System.nanoTime();
        while (topicSize(Topics.PLANS) < 1) {
            Thread.sleep(200);
        }
        for (String group : StackSampler.GROUPS) {
            while (admin.lag(group, Topics.PLANS) > 0) {
                Thread.sleep(200);
            }
        }
        long planConsumed = System.nanoTime();
        System.out.printf("Plan %s issued in %,d ms, consumed by all after %,d ms%n", planId, (issued - planStart) / 1_000_000,
                (planConsumed - issued) / 1_000_000);
        return new Prepared(new NationalResults.Setup(1 + tree.ofLevel(UnitLevel.PROVINCE).size(), (imported - start) / 1_000_000,
                (published - imported) / 1_000_000, consumed, (issued - planStart) / 1_000_000, (planConsumed - issued) / 1_000_000),
                units, planId);
    }

    private String issuePlan(String centreId) throws Exception {
        String plans = api.url(Service.PLAN) + "/api/plans";
        String planId = api.post(plans, Api.JSON.writeValueAsString(NationalPlan.content(centreId)), 201).get("id").asString();
        api.post(plans + "/" + planId + "/issue", "{}", 200);
        return planId;
    }

    private long topicSize(String topic) {
        try {
            return admin.size(topic);
        } catch (Exception notYet) {
            return 0;
        }
    }

    /** Unit ids and ancestors as plan-service published them, read from the start of its topic with a plain consumer. */
    private Map<String, Known> readUnits() throws Exception {
        Map<String, Known> byCode = new HashMap<>();
        long total = admin.size(Topics.ORG_UNITS);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) admin.bootstrap(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORG_UNITS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            while (read < total) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    EventCodec.data(EventCodec.fromJson(r.value())).filter(UnitCreated.class::isInstance).map(UnitCreated.class::cast)
                            .ifPresent(u -> byCode.put(u.code(), new Known(u.unitId(), u.level(), u.ancestorIds())));
                }
            }
        }
        return byCode;
    }
}
