package vn.doan.events.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.indicator.ProgressUpdated.Indicator;

/** The analysts' export, run as its main method against a real Kafka broker (KRaft, in this JVM). */
class ProgressCsvTest {

    static final Instant NOV_20 = Instant.parse("2016-11-20T02:00:00Z");
    final EventCodec codec = new EventCodec("/indicator-service", Clock.fixed(NOV_20, ZoneOffset.UTC));

    @Test
    void theLatestRecordOfEveryKeyBecomesOneRowPerIndicatorAndADeletedKeyNone(@TempDir Path dir) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.PROGRESS);
        broker.afterPropertiesSet();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
            publish(producer, progress("u-thoxuan", "Huyện đoàn Thọ Xuân", 6, 2, 2, 0,
                    new Indicator("CT1", 34, 38, 2, new BigDecimal("89.47"), new BigDecimal("100"), "AT_RISK")));
            publish(producer, progress("u-tholap", "Đoàn xã Thọ Lập, huyện Thọ Xuân", 3, 1, 1, 0,
                    new Indicator("CT1", 18, 20, 1, new BigDecimal("90.00"), new BigDecimal("100"), "ON_TRACK"),
                    new Indicator("CT3", 0, 0, 0, null, new BigDecimal("85"), "NO_DATA"),
                    new Indicator("CT15", 3, 0, 1, new BigDecimal("100.00"), new BigDecimal("100"), "ACHIEVED", 1, 0, 1, 0, null, null),
                    new Indicator("MC1", 1, 1, 1, new BigDecimal("0.00"), new BigDecimal("100"), "OFF_TRACK", null, null, null, null, 0, 1)));
            publish(producer, progress("u-xuanhoa", "Đoàn xã Xuân Hòa", 2, 1, 0, 1,
                    new Indicator("CT1", 16, 18, 1, new BigDecimal("88.89"), new BigDecimal("100"), "ON_TRACK")));
            // 5 communes had to report: 3 reports in force, 1 returned for revision, 1 missing
            publish(producer, new ProgressUpdated("p-54", "2016", "u-thoxuan", "Huyện đoàn Thọ Xuân", 7, NOV_20, 3, 2, 1,
                    List.of(new Indicator("CT1", 52, 57, 3, new BigDecimal("91.23"), new BigDecimal("100"), "ON_TRACK")), 1, 5, 1));
            producer.send(new ProducerRecord<>(Topics.PROGRESS, "u-xuanhoa|p-54|2016", null)).get();

            Path csv = dir.resolve("tien-do.csv");
            ProgressCsv.main(new String[] {broker.getBrokersAsString(), csv.toString()});

            assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).containsExactly(
                    ProgressCsv.HEADER,
                    "u-tholap,\"Đoàn xã Thọ Lập, huyện Thọ Xuân\",p-54,2016,3,20/11/2016 09:00:00,1,1,0,CT1,18,20,1,90.0,100,ON_TRACK,,,,,,,0,,",
                    "u-tholap,\"Đoàn xã Thọ Lập, huyện Thọ Xuân\",p-54,2016,3,20/11/2016 09:00:00,1,1,0,CT3,0,0,0,,85,NO_DATA,,,,,,,0,,",
                    "u-tholap,\"Đoàn xã Thọ Lập, huyện Thọ Xuân\",p-54,2016,3,20/11/2016 09:00:00,1,1,0,CT15,3,0,1,100.0,100,ACHIEVED,1,0,1,0,,,0,,",
                    "u-tholap,\"Đoàn xã Thọ Lập, huyện Thọ Xuân\",p-54,2016,3,20/11/2016 09:00:00,1,1,0,MC1,1,1,1,0.0,100,OFF_TRACK,,,,,0,1,0,,",
                    "u-thoxuan,Huyện đoàn Thọ Xuân,p-54,2016,7,20/11/2016 09:00:00,3,2,1,CT1,52,57,3,91.23,100,ON_TRACK,,,,,,,1,5,1");
        } finally {
            broker.destroy();
        }
    }

    private static ProgressUpdated progress(String unitId, String unitName, long rev, int submitted, int onTime, int late, Indicator... indicators) {
        return new ProgressUpdated("p-54", "2016", unitId, unitName, rev, NOV_20, submitted, onTime, late, List.of(indicators));
    }

    private void publish(KafkaProducer<String, String> producer, ProgressUpdated progress) throws Exception {
        producer.send(new ProducerRecord<>(Topics.PROGRESS, progress.key(), EventCodec.toJson(codec.wrap(progress, progress.unitId())))).get();
    }
}
