package io.lingowire.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the real Apertium engine that {@link NeedsEngine} tests translate with is installed: the {@code apertium}
 * command on the PATH, the pairs' modes, and for APy its server. Where it is not, they are skipped (reported as
 * skipped, with the reason, before anything starts). {@code .ci/run} installs the engine and runs every tag; a run
 * without the group: {@code ./mvnw test -DexcludedGroups=engine}, or only the group: {@code -Dgroups=engine}. Tests
 * that need no engine translate with stubs, e.g. {@code ApyStub} as the self-hosted engine.
 */
public final class Engine implements ExecutionCondition {

    public static final String TAG = "engine";
    public static final Path MODES = Path.of("/usr/share/apertium/modes");
    public static final Path APY = Path.of("/usr/bin/apertium-apy");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<NeedsEngine> needs = AnnotationSupport.findAnnotation(context.getElement(), NeedsEngine.class);
        if (needs.isEmpty()) {
            return ConditionEvaluationResult.enabled("needs no engine");
        }
        List<String> missing = missing(needs.get().apy(), needs.get().value());
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the Apertium engine is installed");
        }
        String packages = Arrays.stream(needs.get().value()).map(p -> " apertium-" + p).collect(Collectors.joining())
                + (needs.get().apy() ? " apertium-apy" : "");
        return ConditionEvaluationResult.disabled("the Apertium engine is not installed here (missing: "
                + String.join(", ", missing) + "); apt-get install apertium" + packages
                + " (.ci/run installs it), or leave the group out: -DexcludedGroups=" + TAG);
    }

    /** What of the engine is not here: the command, a pair's mode, the APy server; empty when it is all here. */
    public static List<String> missing(boolean apy, String... pairs) {
        List<String> missing = new ArrayList<>();
        if (!onPath("apertium")) {
            missing.add("the apertium command");
        }
        for (String pair : pairs) {
            Path mode = MODES.resolve(pair + ".mode");
            if (!Files.exists(mode)) {
                missing.add(mode.toString());
            }
        }
        if (apy && !Files.isExecutable(APY)) {
            missing.add(APY.toString());
        }
        return missing;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
