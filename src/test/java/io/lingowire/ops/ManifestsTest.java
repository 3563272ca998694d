package io.lingowire.ops;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders each overlay of {@code k8s/} with {@code kubectl kustomize}, reads every object into the Kubernetes API's
 * own types (fabric8's models, generated from the API's OpenAPI schemas), refuses kinds the API does not have and
 * any field those types do not know, then checks what ops rely on: probes, limits, non-root, read-only root, the
 * drain window, replicas, the HPA, the PDB, the NetworkPolicy and the Ingress.
 */
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");

    @BeforeAll
    static void kubectlInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || Files.isExecutable(Path.of("/usr/local/bin/kubectl")),
                "kubectl is not installed here (apt-get install kubectl); .ci/run installs it");
    }

    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(false).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + overlay + ": " + err);
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(out));
        List<HasMetadata> objects = parsed instanceof List<?> list ? list.stream().map(HasMetadata.class::cast).toList()
                : List.of((HasMetadata) parsed);
        List<String> problems = new ArrayList<>();
        for (HasMetadata o : objects) {
            String where = o.getKind() + "/" + o.getMetadata().getName();
            if (o instanceof GenericKubernetesResource) {
                problems.add(where + ": " + o.getApiVersion() + " " + o.getKind() + " is not a Kubernetes API type");
            }
            unknownFields(o, where, problems);
        }
        assertTrue(problems.isEmpty(), overlay + ": " + String.join("\n", problems));
        return objects;
    }

    /** Every field the API's types did not take lands in a model's additional properties: each is an error. */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                || value instanceof GenericKubernetesResource || value.getClass().isEnum()) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(field, path + "." + Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4), problems);
            }
        }
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind, String name) {
        return all(objects, kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    @Test
    void alertRulesAreValidPromQlAndFireWhenTheyShould() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")),
                "promtool is not installed here (apt-get install prometheus); .ci/run installs it");
        for (List<String> command : List.of(
                List.of("promtool", "check", "rules", "k8s/monitoring/lingowire.rules.yml"),
                List.of("promtool", "test", "rules", "k8s/monitoring/lingowire.rules.test.yml"))) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
            assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        }
    }

    @Test
    void unknownFieldsAreCaught() {
        List<String> problems = new ArrayList<>();
        Deployment typo = Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    spec:
                      containers:
                        - {name: c, image: i, readinessprobe: {}}
                """, Deployment.class);
        unknownFields(typo, "Deployment/x", problems);
        assertEquals(List.of("Deployment/x.spec.template.spec.containers[0]: unknown field(s) [readinessprobe]"),
                problems);
    }

    @Test
    void everyOverlayRendersToValidObjectsThatRunSafely() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            List<HasMetadata> objects = render(overlay);
            for (Deployment d : all(objects, Deployment.class)) {
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                String name = overlay + " " + d.getMetadata().getName();
                assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + " runs as non-root");
                assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name + " mounts no token");
                for (Container c : pod.getContainers()) {
                    assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), name);
                    assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), name);
                    assertTrue(c.getSecurityContext().getCapabilities().getDrop().contains("ALL"), name);
                    assertNotNull(c.getResources().getRequests().get("cpu"), name + " requests CPU");
                    assertNotNull(c.getResources().getLimits().get("memory"), name + " has a memory limit");
                    assertNotNull(c.getReadinessProbe(), name + " has a readiness probe");
                    assertNotNull(c.getLivenessProbe(), name + " has a liveness probe");
                    assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                            name + " has a writable /tmp");
                }
            }
            Deployment gateway = one(objects, Deployment.class, "lingowire");
            PodSpec pod = gateway.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertNotNull(container.getStartupProbe(), "the gateway has a startup probe");
            assertEquals(185L, pod.getSecurityContext().getRunAsUser());
            // readiness down 5 s + requests 10 s + jobs 20 s (application.properties, JobConfig.drain)
            assertTrue(pod.getTerminationGracePeriodSeconds() >= 5 + 10 + 20,
                    "the grace period covers the drain: " + pod.getTerminationGracePeriodSeconds());
            assertEquals(2, pod.getTopologySpreadConstraints().size());
            ServiceAccount account = one(objects, ServiceAccount.class, pod.getServiceAccountName());
            assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken());
            one(objects, Service.class, "lingowire");
            one(objects, Service.class, "apertium-apy");
            one(objects, Deployment.class, "apertium-apy");
            ConfigMap config = all(objects, ConfigMap.class).stream()
                    .filter(c -> c.getMetadata().getName().startsWith("lingowire-config")).findFirst().orElseThrow();
            assertEquals("apertium-apy", config.getData().get("LINGOWIRE_TRANSLATION_PROVIDERS"));
            assertEquals("http://apertium-apy:2737", config.getData().get("LINGOWIRE_PROVIDERS_APERTIUM_APY_URL"));
            NetworkPolicy policy = one(objects, NetworkPolicy.class, "lingowire");
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
            assertTrue(policy.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).toList().containsAll(List.of(53, 3306, 2737, 443)));
            one(objects, NetworkPolicy.class, "apertium-apy");
            if (overlay.equals("dev")) {
                assertEquals(1, gateway.getSpec().getReplicas(), "H2 is one process's database");
                assertEquals("Recreate", gateway.getSpec().getStrategy().getType());
                assertTrue(all(objects, HorizontalPodAutoscaler.class).isEmpty(), "dev does not scale");
                String claim = one(objects, PersistentVolumeClaim.class, "lingowire-data").getMetadata().getName();
                assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getPersistentVolumeClaim() != null
                        && v.getPersistentVolumeClaim().getClaimName().equals(claim)));
                assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("LINGOWIRE_DATA_DIR")));
            } else {
                assertTrue(gateway.getSpec().getReplicas() >= 2);
                HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class, "lingowire");
                assertEquals("autoscaling/v2", hpa.getApiVersion());
                assertTrue(hpa.getSpec().getMinReplicas() >= 2);
                assertEquals("lingowire", hpa.getSpec().getScaleTargetRef().getName());
                one(objects, PodDisruptionBudget.class, "lingowire");
                assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL")
                        && e.getValueFrom().getSecretKeyRef() != null), "the database comes from a secret");
                Ingress ingress = one(objects, Ingress.class, "lingowire");
                assertFalse(ingress.getSpec().getTls().isEmpty(), "the Ingress terminates TLS");
                assertTrue(all(objects, ConfigMap.class).stream().anyMatch(c -> c.getMetadata().getName()
                        .equals("lingowire-alert-rules")), "prod ships the alert rules");
                assertTrue(all(objects, ConfigMap.class).stream().anyMatch(c -> c.getMetadata().getName()
                        .equals("lingowire-grafana-dashboard")), "prod ships the dashboard");
            }
        }
    }
}
