package vn.doan.events.analyst;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.indicator.ProgressUpdated;

/**
 * An analyst's export: the latest progress of every unit, plan and period, read from the beginning of the compacted topic
 * {@value Topics#PROGRESS} up to its end at the start, written as CSV (UTF-8), one row per unit, plan, period and indicator.
 * It joins no consumer group and commits nothing (see event-contracts/README.md for a feed that keeps its place). Until the
 * log cleaner has run a key may have several records: the last one read wins (one key is on one partition, in order).
 * <p>
 * {@code java -cp … vn.doan.events.analyst.ProgressCsv <bootstrap servers> <file.csv>}
 */
public final class ProgressCsv {

    static final String HEADER = "unitId,unitName,planId,periodId,rev,computedAt,reportsSubmitted,reportsOnTime,reportsLate,"
            + "indicator,numerator,denominator,reportingUnits,value,target,status,unitsMet,unitsBelow,unitsWithin,unitsAbove,"
            + "milestonesOnTime,milestonesLate,reportsReturned,unitsExpected,unitsMissing";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(EventCodec.ZONE);
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private ProgressCsv() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProgressCsv <bootstrap servers> <file.csv>");
            System.exit(2);
        }
        List<ProgressUpdated> latest = read(args[0]);
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            write(latest, out);
        }
        System.out.println(latest.size() + " units, plans and periods written to " + args[1]);
    }

    /** The latest ProgressUpdated of every key on the topic as it stands now, in key order. */
    static List<ProgressUpdated> read(String bootstrapServers) {
        Map<String, ProgressUpdated> latest = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROGRESS).stream()
                    .map(p -> new TopicPartition(Topics.PROGRESS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + LONGEST.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + Topics.PROGRESS + " to its end within " + LONGEST);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        EventCodec.data(EventCodec.fromJson(record.value())).filter(ProgressUpdated.class::isInstance)
                                .ifPresent(event -> latest.put(record.key(), (ProgressUpdated) event));
                    }
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    static void write(List<ProgressUpdated> progress, Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (ProgressUpdated p : progress) {
            for (ProgressUpdated.Indicator i : p.indicators()) {
                out.write(Stream.of(p.unitId(), p.unitName(), p.planId(), p.periodId(), p.rev(), TIME.format(p.computedAt()), p.reportsSubmitted(),
                        p.reportsOnTime(), p.reportsLate(), i.code(), i.numerator(), i.denominator(), i.reportingUnits(), plain(i.value()),
                        plain(i.target()), i.status(), i.unitsMet(), i.unitsBelow(), i.unitsWithin(), i.unitsAbove(), i.milestonesOnTime(),
                        i.milestonesLate(), p.reportsReturned(), p.unitsExpected(), p.unitsMissing()).map(ProgressCsv::field).collect(Collectors.joining(",")) + "\n");
            }
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; empty for none. */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
