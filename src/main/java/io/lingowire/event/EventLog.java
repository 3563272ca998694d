package io.lingowire.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Appends to the event log; callers must already be in the transaction of the change (MANDATORY). After the
 * transaction commits, waiting feed readers in this replica are woken ({@link EventSignal}).
 */
@ApplicationScoped
public class EventLog {

    private final jakarta.enterprise.event.Event<Appended> appended;

    EventLog(jakarta.enterprise.event.Event<Appended> appended) {
        this.appended = appended;
    }

    /** Fired for every appended event; observed after commit. */
    public record Appended(long seq) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoryEvent append(String type, String articleId, int version, String language, Instant embargoUntil,
                        boolean approved) {
        StoryEvent event = new StoryEvent();
        event.type = type;
        event.articleId = articleId;
        event.version = version;
        event.language = language;
        event.createdAt = Instant.now();
        event.embargoUntil = embargoUntil;
        event.approved = approved;
        event.persist(); // identity column: the row is inserted and seq known here
        appended.fire(new Appended(event.seq));
        return event;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoryEvent append(String type, String articleId, int version, String language, Instant embargoUntil) {
        return append(type, articleId, version, language, embargoUntil, false);
    }

    /** Latest sequence number in the log (0 when empty). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latest() {
        Long max = StoryEvent.getEntityManager().createQuery("select max(e.seq) from StoryEvent e", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }
}
