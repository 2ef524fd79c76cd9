package vn.doan.reportservice;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the commands the service sends to MongoDB, by name and collection ("insert reports"), as the driver sends them. */
@TestConfiguration
class MongoCommands {

    static final Map<String, AtomicInteger> SENT = new ConcurrentHashMap<>();

    @Bean
    MongoClientSettingsBuilderCustomizer countCommands() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue collection = event.getCommand().get(event.getCommandName());
                String name = event.getCommandName() + (collection != null && collection.isString() ? " " + collection.asString().getValue() : "");
                SENT.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    static int sent(String command) {
        AtomicInteger count = SENT.get(command);
        return count == null ? 0 : count.get();
    }
}

