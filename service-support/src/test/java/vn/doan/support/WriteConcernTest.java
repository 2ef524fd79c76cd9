package vn.doan.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

/** What the services ask MongoDB to promise before it acknowledges a write. */
class WriteConcernTest {

    @Test
    void withoutAWordInTheConnectionStringWritesWaitForAMajoritysJournal() {
        assertThat(writeConcern("mongodb://mongo-1,mongo-2,mongo-3/?replicaSet=rs0")).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(writeConcern("")).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }

    @Test
    void aConnectionStringThatNamesAWriteConcernKeepsIt() {
        assertThat(writeConcern("mongodb://mongo-1/?w=2&journal=true")).isEqualTo(new WriteConcern(2).withJournal(true));
    }

    private static WriteConcern writeConcern(String uri) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        if (!uri.isBlank()) {
            builder.applyConnectionString(new com.mongodb.ConnectionString(uri));
        }
        new ServiceConfig().majorityJournaledWrites(uri).customize(builder);
        return builder.build().getWriteConcern();
    }
}
