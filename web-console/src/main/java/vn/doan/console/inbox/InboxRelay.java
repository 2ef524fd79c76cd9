package vn.doan.console.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.doan.console.gateway.Gateway;

/**
 * Live inbox: the browser holds one Server-Sent Events stream to the console, and the console holds notification-service's
 * stream ({@code /api/inbox/stream}, through the gateway with the user's token) for each person linked to the login. Each
 * notice that arrives there becomes a {@code notification} event here, on which the page reloads its list (htmx's SSE
 * extension). When the service's stream ends the browser's ends too, and the browser reconnects by itself. A comment every
 * 20 s finds tabs that were closed, so their streams to the service are closed too. Each open inbox holds one thread per
 * linked person while it is open. Stopping the console ends every stream, so that its graceful shutdown is not held for
 * its whole timeout by requests that never end; the browsers reconnect, to another instance during a rolling restart.
 */
@Controller
class InboxRelay {

    private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);

    /** One open browser stream and the service streams it relays. */
    private record Relay(SseEmitter browser, List<InputStream> upstreams) {

        void close() {
            upstreams.forEach(InboxRelay::closeQuietly);
            browser.complete();
        }
    }

    private final Gateway gateway;
    private final Recipients recipients;
    private final Set<Relay> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "inbox-relay");
        t.setDaemon(true);
        return t;
    });

    InboxRelay(Gateway gateway, Recipients recipients) {
        this.gateway = gateway;
        this.recipients = recipients;
    }

    @GetMapping(path = "/hop-thu/truc-tiep", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        SseEmitter browser = new SseEmitter(Duration.ofHours(1).toMillis());
        List<InputStream> upstreams = new ArrayList<>();
        try {
            for (String id : recipients.ofCurrentUser()) {
                upstreams.add(gateway.events("/api/inbox/stream?recipientId={r}", id));
            }
        } catch (RuntimeException e) {
            upstreams.forEach(InboxRelay::closeQuietly);
            throw e;
        }
        Relay relay = new Relay(browser, upstreams);
        open.add(relay);
        Runnable end = () -> {
            open.remove(relay);
            upstreams.forEach(InboxRelay::closeQuietly);
        };
        browser.onCompletion(end);
        browser.onTimeout(end);
        browser.onError(e -> end.run());
        upstreams.forEach(upstream -> readers.execute(() -> relay(upstream, relay)));
        return browser;
    }

    /** Reads one service stream line by line and tells the browser of each notice; the end of it ends the browser's. */
    private void relay(InputStream upstream, Relay relay) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.replace(" ", "").equals("event:notification")) {
                    relay.browser().send(SseEmitter.event().name("notification").data("new"));
                }
            }
        } catch (IOException | IllegalStateException closed) {
            log.debug("Inbox relay ended: {}", closed.toString());
        }
        open.remove(relay);
        relay.close();
    }

    @Scheduled(fixedDelay = 20_000)
    void keepAlive() {
        for (Relay relay : open) {
            try {
                relay.browser().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                open.remove(relay);
                relay.close();
            }
        }
    }

    /** Runs before the web server's graceful shutdown starts waiting for the requests in progress. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        for (Relay relay : open) {
            open.remove(relay);
            relay.close();
        }
    }

    private static void closeQuietly(InputStream upstream) {
        try {
            upstream.close();
        } catch (IOException ignored) {
            // already closed by the other side
        }
    }
}
