package vn.doan.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.Backends;

/**
 * A service started as Spring Boot starts it, on the MongoDB wire server: a level is stored as its code, a document stored
 * when levels were an enum reads as the same level, and queries by level (criteria and derived queries) match.
 */
class UnitLevelConversionsTest {

    private static final UnitLevel LIEN_CHI_DOAN = UnitLevel.of("LIEN_CHI_DOAN");
    private static final UnitLevel PHAN_DOAN = UnitLevel.of("PHAN_DOAN");

    @Configuration
    @AutoConfigurationPackage
    static class Application {
    }

    @Test
    void aLevelIsStoredAsItsCodeReadBackAndFoundByLevel() {
        String database = "unit_levels_" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create(Backends.embedded().mongoUri())) {
            // as plan-service stored a district before levels were data
            client.getDatabase(database).getCollection("unit_level_test_units").insertOne(new Document("_id", "hd-dongphu")
                    .append("name", "Huyện đoàn Đồng Phú").append("level", "DISTRICT").append("reportingLevels", List.of("GRASSROOTS")));

            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
                            DataMongoRepositoriesAutoConfiguration.class, UnitLevelConversions.class))
                    .withUserConfiguration(Application.class)
                    .withPropertyValues("spring.mongodb.uri=" + Backends.embedded().mongoUri(), "spring.mongodb.database=" + database)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(MongoCustomConversions.class);
                        MongoTemplate mongo = context.getBean(MongoTemplate.class);
                        LevelledUnits units = context.getBean(LevelledUnits.class);
                        units.saveAll(List.of(
                                new LevelledUnit("lcd-bvdk", "Liên chi đoàn Bệnh viện đa khoa tỉnh", LIEN_CHI_DOAN, List.of(LIEN_CHI_DOAN, UnitLevel.BRANCH)),
                                new LevelledUnit("cd-khoanoi", "Chi đoàn Khoa Nội", UnitLevel.BRANCH, List.of(UnitLevel.BRANCH)),
                                new LevelledUnit("pd-dieuduong", "Phân đoàn Điều dưỡng", PHAN_DOAN, List.of())));

                        Document stored = client.getDatabase(database).getCollection("unit_level_test_units")
                                .find(new Document("_id", "lcd-bvdk")).first();
                        assertThat(stored.get("level")).isEqualTo("LIEN_CHI_DOAN");
                        assertThat(stored.getList("reportingLevels", Object.class)).containsExactly("LIEN_CHI_DOAN", "BRANCH");

                        LevelledUnit old = units.findById("hd-dongphu").orElseThrow();
                        assertThat(old.level()).isSameAs(UnitLevel.DISTRICT);
                        assertThat(old.reportingLevels()).containsExactly(UnitLevel.GRASSROOTS);
                        assertThat(units.findById("lcd-bvdk").orElseThrow())
                                .isEqualTo(new LevelledUnit("lcd-bvdk", "Liên chi đoàn Bệnh viện đa khoa tỉnh", LIEN_CHI_DOAN,
                                        List.of(LIEN_CHI_DOAN, UnitLevel.BRANCH)));

                        assertThat(mongo.find(Query.query(Criteria.where("level").in(List.of(LIEN_CHI_DOAN, UnitLevel.DISTRICT))),
                                LevelledUnit.class)).extracting(LevelledUnit::id).containsExactlyInAnyOrder("lcd-bvdk", "hd-dongphu");
                        assertThat(mongo.find(Query.query(Criteria.where("reportingLevels").is(UnitLevel.BRANCH)), LevelledUnit.class))
                                .extracting(LevelledUnit::id).containsExactlyInAnyOrder("lcd-bvdk", "cd-khoanoi");
                        assertThat(units.findByLevelOrderById(PHAN_DOAN)).extracting(LevelledUnit::id).containsExactly("pd-dieuduong");
                        assertThat(units.findByLevelOrderById(UnitLevel.DISTRICT)).extracting(LevelledUnit::id).containsExactly("hd-dongphu");
                        assertThat(units.findByLevelInOrderById(List.of(UnitLevel.BRANCH, PHAN_DOAN))).extracting(LevelledUnit::id)
                                .containsExactly("cd-khoanoi", "pd-dieuduong");
                        assertThat(units.findByLevelOrderById(UnitLevel.of("DOAN_KHOI"))).isEmpty();
                    });
        }
    }
}
