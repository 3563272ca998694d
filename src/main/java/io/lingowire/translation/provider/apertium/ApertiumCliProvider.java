package io.lingowire.translation.provider.apertium;

import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Apertium through its command-line pipeline, for the quick start: one process per batch, in HTML mode so that
 * placeholders and segment boundaries pass through as markup, with {@code -u} so unknown words carry no marks.
 */
@ApplicationScoped
@Named("apertium")
public class ApertiumCliProvider implements TranslationProvider {

    private final ApertiumConfig config;
    private volatile Map<LanguagePair, String> modes;

    ApertiumCliProvider(ApertiumConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "apertium";
    }

    @Override
    public boolean selfHosted() {
        return true;
    }

    @Override
    public String model(LanguagePair pair) {
        return "apertium/" + modes().getOrDefault(pair, "?");
    }

    @Override
    public Set<LanguagePair> pairs() {
        return modes().keySet();
    }

    /** Installed modes, e.g. {@code eng-spa.mode} → en>es. Variants ({@code eng-cat_valencia}) are left out. */
    private Map<LanguagePair, String> modes() {
        Map<LanguagePair, String> found = modes;
        if (found == null) {
            found = new HashMap<>();
            Path dir = Path.of(config.modesDir());
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".mode")) {
                            String mode = name.substring(0, name.length() - ".mode".length());
                            Map<LanguagePair, String> into = found;
                            ApertiumFormat.pair(mode).ifPresent(pair -> into.put(pair, mode));
                        }
                    }
                } catch (IOException e) {
                    found = Map.of();
                }
            }
            modes = Map.copyOf(found);
        }
        return modes;
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        String mode = modes().get(pair);
        if (mode == null) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "Apertium has no installed pair " + pair);
        }
        return ApertiumFormat.unframe(run(mode, ApertiumFormat.frame(segments)), segments.size());
    }

    private String run(String mode, String input) throws ProviderException {
        Process process;
        Path errors;
        try {
            errors = Files.createTempFile("apertium", ".err");
            process = new ProcessBuilder(config.command(), "-u", "-f", "html", mode)
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "cannot start " + config.command() + ": "
                    + e.getMessage());
        }
        try {
            // written from another thread: a large batch would otherwise fill both pipes and block both processes
            var writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the exit status below reports the failure
                }
            });
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT, "Apertium timed out");
            }
            writer.join();
            if (process.exitValue() != 0) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT, "Apertium exited with "
                        + process.exitValue() + ": " + Files.readString(errors).strip());
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "Apertium I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
        } finally {
            process.destroyForcibly();
            try {
                Files.deleteIfExists(errors);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
