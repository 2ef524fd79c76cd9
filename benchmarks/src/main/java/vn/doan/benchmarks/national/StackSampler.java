package vn.doan.benchmarks.national;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Once a second: every consumer group's lag (committed offset vs end offset, summed over its partitions)
 * and this JVM's CPU load and heap — those of the whole stack when everything runs in this one JVM. Also
 * answers the set-up's questions about topics and lag.
 */
final class StackSampler implements AutoCloseable {

    /** The consumer groups of the services that consume reports, the tree and plans. */
    static final List<String> GROUPS = List.of("report-service", "indicator-service", "notification-service");

    record Sample(double atSeconds, Map<String, Long> lagByGroup, double processCpu, double systemCpu, long heapUsedMib) {
    }

    private final Admin admin;
    private final String bootstrap;
    private final long origin;
    private final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Runnable everySample = () -> { };
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-sampler"));

    /** @param originNanos the {@code System.nanoTime()} samples count their seconds from */
    StackSampler(String bootstrap, long originNanos) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.bootstrap = bootstrap;
        this.origin = originNanos;
    }

    /** Also runs {@code update} at every sample, e.g. to sum the CPU of each part of the stack. */
    void track(Runnable update) {
        this.everySample = update;
    }

    void start() {
        timer.scheduleAtFixedRate(() -> {
            try {
                samples.add(sample());
            } catch (Exception e) {
                System.err.println("sampler: " + e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    Sample sample() throws Exception {
        everySample.run();
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : GROUPS) {
            lags.put(group, lag(group));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        return new Sample((System.nanoTime() - origin) / 1e9, lags, os.getProcessCpuLoad(), os.getCpuLoad(), heap);
    }

    /** Records not yet consumed by {@code group}, over every partition it has committed. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var e : committed.entrySet()) {
            long end = ends.get(e.getKey()).offset();
            lag += Math.max(0, end - (e.getValue() == null ? 0 : e.getValue().offset()));
        }
        return lag;
    }

    /** Lag of {@code group} on one topic, counting partitions it has not committed yet from offset 0. */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /** Members of {@code group} that hold partitions of {@code topic}: the consumers doing its work. */
    long consumers(String group, String topic) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .filter(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic))).count();
    }

    /** Records in a topic (sum of its partitions' end offsets). */
    long size(String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    String bootstrap() {
        return bootstrap;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
