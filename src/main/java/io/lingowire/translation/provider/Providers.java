package io.lingowire.translation.provider;

import io.lingowire.translation.TranslationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configured providers, found by name among the provider beans; a name that no provider answers to stops the
 * start-up with a message listing the names that exist. Their health (resting, circuits, budgets) is
 * {@code routing.ProviderGate}'s.
 */
@Startup
@ApplicationScoped
public class Providers {

    private final Map<String, TranslationProvider> configured = new LinkedHashMap<>();

    Providers(@Any Instance<TranslationProvider> all, TranslationConfig config) {
        Map<String, TranslationProvider> byName = new LinkedHashMap<>();
        all.forEach(p -> byName.put(p.name(), p));
        for (String name : config.providers()) {
            TranslationProvider provider = byName.get(name.strip());
            if (provider == null) {
                throw new IllegalStateException("lingowire.translation.providers names '" + name
                        + "', but the providers are " + new TreeSet<>(byName.keySet()));
            }
            provider.checkConfigured();
            configured.put(provider.name(), provider);
        }
    }

    public Optional<TranslationProvider> byName(String name) {
        return Optional.ofNullable(configured.get(name));
    }

    /** The languages (primary subtags) some configured provider translates {@code source} into, sorted. */
    public Set<String> targetsFrom(String source) {
        Set<String> out = new TreeSet<>();
        for (TranslationProvider provider : configured.values()) {
            provider.pairs().stream().filter(p -> p.source().equals(source)).forEach(p -> out.add(p.target()));
        }
        return out;
    }

    public List<TranslationProvider> all() {
        return List.copyOf(configured.values());
    }
}
