package vn.doan.notificationservice.inbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live inbox streams (Server-Sent Events) for web and mobile clients. Whichever instance delivered an
 * item, each instance polls the {@code inbox} collection for its own subscribers (no change streams on
 * the wire server), so a client connected to any replica sees every new item, once per connection.
 * A comment every {@code doan.inbox.keep-alive} keeps an idle stream open through proxies that cut silent
 * connections (an ingress commonly after 60 s) and finds the clients that went away, here and at the gateway,
 * which notices a departed client only when it has something to pass on. Streams end when the instance stops,
 * so that its graceful shutdown is not held for its whole timeout by requests that never end; the clients
 * reconnect, to another replica during a rolling restart.
 */
@Component
class InboxStream {

    private static final Duration OVERLAP = Duration.ofSeconds(2);

    private record Subscriber(SseEmitter emitter, Set<String> seen, Instant since) {
    }

    private final MongoTemplate mongo;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

    InboxStream(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    SseEmitter subscribe(String recipientId) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Subscriber subscriber = new Subscriber(emitter, ConcurrentHashMap.newKeySet(), Instant.now().minus(OVERLAP));
        subscribers.computeIfAbsent(recipientId, id -> new CopyOnWriteArrayList<>()).add(subscriber);
        Runnable remove = () -> subscribers.getOrDefault(recipientId, List.of()).remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("connected").data(recipientId));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    @Scheduled(fixedDelayString = "${doan.inbox.stream-poll:1s}")
    void push() {
        subscribers.forEach((recipientId, list) -> {
            if (list.isEmpty()) {
                return;
            }
            Instant since = list.stream().map(Subscriber::since).min(Instant::compareTo).orElseThrow();
            List<InboxItem> items = mongo.find(Query.query(Criteria.where("recipientId").is(recipientId).and("storedAt").gte(since))
                    .with(Sort.by("storedAt")), InboxItem.class);
            for (Subscriber s : list) {
                for (InboxItem item : items) {
                    if (!item.storedAt().isBefore(s.since()) && s.seen().add(item.id())) {
                        send(recipientId, s, item);
                    }
                }
            }
        });
    }

    @Scheduled(fixedDelayString = "${doan.inbox.keep-alive:15s}")
    void keepAlive() {
        subscribers.forEach((recipientId, list) -> list.forEach(s -> {
            try {
                s.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                list.remove(s);
            }
        }));
    }

    /** Runs before the web server's graceful shutdown starts waiting for the requests in progress. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter().complete()));
    }

    private void send(String recipientId, Subscriber s, InboxItem item) {
        try {
            s.emitter().send(SseEmitter.event().id(item.id()).name("notification").data(item, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            subscribers.getOrDefault(recipientId, List.of()).remove(s);
        }
    }
}
