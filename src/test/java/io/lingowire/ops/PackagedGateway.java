package io.lingowire.ops;

import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an operator gives the packaged jar on top of its defaults: the admin password, the key that encrypts webhook
 * secrets (required on MySQL) and, on the embedded database, a data folder of its own. The database itself comes
 * from the environment ({@code QUARKUS_DATASOURCE_*}), as in production: unset, the jar runs on H2.
 */
public class PackagedGateway implements QuarkusTestResourceLifecycleManager {

    static final String WEBHOOK_KEY = "gV0aJxOo8yJBKz3I+uyUjVEggClCCLkGRYJ8pAksm3I=";

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory(Path.of("target"), "it-data-");
            return Map.of(
                    "lingowire.admin.password", Api.ADMIN_PASSWORD,
                    "lingowire.webhooks.secret-key", WEBHOOK_KEY,
                    "lingowire.data-dir", data.toAbsolutePath().toString(),
                    // a budget, so that the budget gauge the alerts read is exported (Apertium costs nothing)
                    "lingowire.routing.limits.apertium.monthly-budget", "100");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
