package io.lingowire.ops;

import io.lingowire.ingest.analyze.LanguageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to ingest until the language-detection models are loaded. */
@Readiness
@ApplicationScoped
public class LanguageModelsCheck implements HealthCheck {

    private final LanguageDetector detector;

    LanguageModelsCheck(LanguageDetector detector) {
        this.detector = detector;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Language detection models").status(detector.ready()).build();
    }
}
