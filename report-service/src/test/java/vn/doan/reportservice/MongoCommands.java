package vn.doan.reportservice;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the commands the service sends to MongoDB, by name and collection ("insert reports"), as the driver sends them;
 * apart, those sent on the threads that answer HTTP requests (the round trips a request waits for, not the relay's).
 */
@TestConfiguration
class MongoCommands {

    static final Map<String, AtomicInteger> SENT = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> SENT_BY_REQUESTS = new ConcurrentHashMap<>();

    @Bean
    MongoClientSettingsBuilderCustomizer countCommands() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue collection = event.getCommand().get(event.getCommandName());
                String name = event.getCommandName() + (collection != null && collection.isString() ? " " + collection.asString().getValue() : "");
                SENT.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                if (Thread.currentThread().getName().contains("-exec-")) {
                    SENT_BY_REQUESTS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
    }

    /** The commands HTTP requests sent while {@code requests} ran, by name and collection, sorted. */
    static Map<String, Integer> sentByRequestsDuring(Runnable requests) {
        Map<String, Integer> before = snapshot();
        requests.run();
        Map<String, Integer> sent = new TreeMap<>();
        snapshot().forEach((name, count) -> {
            int more = count - before.getOrDefault(name, 0);
            if (more > 0) {
                sent.put(name, more);
            }
        });
        return sent;
    }

    private static Map<String, Integer> snapshot() {
        Map<String, Integer> now = new TreeMap<>();
        SENT_BY_REQUESTS.forEach((name, count) -> now.put(name, count.get()));
        return now;
    }

    static int sent(String command) {
        AtomicInteger count = SENT.get(command);
        return count == null ? 0 : count.get();
    }
}

