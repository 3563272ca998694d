package io.lingowire.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Appends to the event log; callers must already be in the transaction of the change (MANDATORY). */
@ApplicationScoped
public class EventLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public Event append(String type, String articleId, int version, String language) {
        Event event = new Event();
        event.type = type;
        event.articleId = articleId;
        event.version = version;
        event.language = language;
        event.createdAt = Instant.now();
        event.persist();
        return event;
    }
}
