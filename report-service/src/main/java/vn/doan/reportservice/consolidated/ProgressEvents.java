package vn.doan.reportservice.consolidated;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.support.events.EventInput;

/** Inbound adapter for indicator-service's compacted progress topic: each record's figures go to {@link FiguresReplica}. */
@Configuration
class ProgressEvents {

    @Bean
    Consumer<List<byte[]>> onProgress(FiguresReplica figures) {
        return EventInput.handlers("Progress").on(ProgressUpdated.class, figures::apply);
    }
}
