package io.lingowire.translation.job;

import io.lingowire.common.job.Job;
import io.lingowire.common.job.JobHandler;
import io.lingowire.common.job.RetryLater;
import io.lingowire.translation.TranslationRequests;
import io.lingowire.translation.TranslationRun;
import io.lingowire.translation.provider.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Runs queued translations. Payload: {@code "<articleId> <language>"}. */
@ApplicationScoped
public class TranslateJobHandler implements JobHandler {

    private final TranslationRun translations;

    TranslateJobHandler(TranslationRun translations) {
        this.translations = translations;
    }

    @Override
    public String kind() {
        return TranslationRequests.JOB_KIND;
    }

    @Override
    public void handle(Job job) throws Exception {
        String[] parts = job.payload.split(" ", 2);
        try {
            translations.translate(parts[0], parts[1]);
        } catch (ProviderException e) {
            if (e.kind == ProviderException.Kind.BUSY) {
                // nothing was sent: this replica's calls to the engine were all in use
                throw RetryLater.notAttempted(e.retryAfter != null ? e.retryAfter : Duration.ofSeconds(1),
                        e.getMessage());
            }
            boolean last = job.attempts >= job.maxAttempts;
            if (last || e.kind == ProviderException.Kind.UNSUPPORTED || e.kind == ProviderException.Kind.REJECTED) {
                translations.markFailed(parts[0], parts[1], e.kind + ": " + e.getMessage());
                if (!last) {
                    return;
                }
            }
            if (e.retryAfter != null) {
                throw new RetryLater(e.retryAfter, e.getMessage());
            }
            if (e.kind == ProviderException.Kind.QUOTA_EXHAUSTED) {
                throw new RetryLater(Duration.ofHours(1), e.getMessage());
            }
            throw e;
        }
    }
}
