package dev.dragoman.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import dev.dragoman.provider.Dialects;
import dev.dragoman.provider.ProviderOption;

/**
 * The Kubernetes files (deploy/kubernetes) as {@code kubectl kustomize} renders them, base and example overlay, held
 * to the code: probe paths under the health path Camel serves, ports the configuration listens on, a grace period
 * longer than a text's deadline, properties that Dragoman or Camel read, every secret a property reads present in the
 * Secret; the KEDA scaler on the stream's own topic and group; and the Dockerfile's image.
 */
class KubernetesFilesTest {

    private static final Path DEPLOY = Path.of("deploy", "kubernetes");
    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Z0-9_]+)(?::[^}]*)?}}");

    @Test
    void the_probes_ports_and_properties_of_base_and_overlay_are_the_real_ones() throws Exception {
        Properties shipped = properties(Files.readString(Path.of("application.properties")));
        String health = shipped.getProperty("camel.management.health-path");
        for (String kustomization : List.of("base", "overlays/example")) {
            List<Map<String, Object>> resources = render(DEPLOY.resolve(kustomization));
            Properties config = configuration(resources);
            Map<String, Object> pod = map(map(only(resources, "Deployment"), "spec"), "template");
            Map<String, Object> container = map(list(map(pod, "spec"), "containers").get(0));

            assertThat(list(container, "env")).as("DRAGOMAN_CONFIG names the ConfigMap's folder")
                    .contains(Map.of("name", "DRAGOMAN_CONFIG", "value", configMount(pod, container)));

            assertThat(ports(container)).as(kustomization).containsEntry("http",
                    Integer.valueOf(config.getProperty("camel.server.port")))
                    .containsEntry("management", Integer.valueOf(config.getProperty("camel.management.port")));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(map(container, probe), "httpGet");
                assertThat(get.get("port")).as(probe).isEqualTo("management");
                assertThat((String) get.get("path")).as(probe)
                        .isEqualTo(health + (probe.equals("readinessProbe") ? "/ready" : "/live"));
            }
            int grace = (Integer) map(pod, "spec").get("terminationGracePeriodSeconds");
            assertThat(grace).as("longer than Camel's shutdown, longer than a text's deadline")
                    .isGreaterThan(Integer.parseInt(config.getProperty("camel.main.shutdown-timeout")))
                    .isGreaterThan(Integer.parseInt(shipped.getProperty("dragoman.deadline").replace("s", "")));
            assertThat(map(map(pod, "spec"), "securityContext")).containsEntry("runAsNonRoot", true);
            assertThat(unknown(config.stringPropertyNames(), declared())).as("properties nothing reads").isEmpty();
            Set<String> secrets = map(only(resources, "Secret"), "stringData").keySet();
            assertThat(secrets).as("the secrets the properties read").containsAll(envReferences(config));
            Map<String, Object> service = map(only(resources, "Service"), "spec");
            assertThat(ports(container)).containsKey((String) map(list(service, "ports").get(0)).get("targetPort"));
        }
    }

    @Test
    void the_kafka_scaler_watches_the_stream_s_own_topic_and_group() throws Exception {
        List<Map<String, Object>> resources = render(DEPLOY.resolve("overlays/example"));
        Properties config = configuration(resources);

        Map<String, Object> trigger = map(list(map(only(resources, "ScaledObject"), "spec"), "triggers").get(0));

        assertThat(map(trigger, "metadata")).containsEntry("topic", config.getProperty("dragoman.kafka.input"))
                .containsEntry("consumerGroup", config.getProperty("dragoman.kafka.group"))
                .containsEntry("bootstrapServers", config.getProperty("dragoman.kafka.brokers"));
        assertThat(resources).as("KEDA alone sets the replicas").noneMatch(r -> "HorizontalPodAutoscaler"
                .equals(r.get("kind")));
    }

    @Test
    void the_overlay_adds_a_file_of_its_own_and_repeats_nothing_of_the_base() throws Exception {
        Map<String, Object> base = map(only(render(DEPLOY.resolve("base")), "ConfigMap"), "data");
        Map<String, Object> overlay = map(only(render(DEPLOY.resolve("overlays/example")), "ConfigMap"), "data");

        assertThat(overlay).containsAllEntriesOf(base).hasSizeGreaterThan(base.size());
        Properties said = configuration(base);
        for (String file : overlay.keySet()) {
            if (!base.containsKey(file)) {
                properties((String) overlay.get(file)).forEach((name, value) -> assertThat(said.get(name))
                        .as(file + " repeats " + name).isNotEqualTo(value));
            }
        }
    }

    @Test
    void the_image_is_built_in_two_stages_and_runs_the_jar_as_a_user_without_rights() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));

        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).hasSize(2);
        assertThat(lines).contains("USER 10001:10001", "ENV MALLOC_ARENA_MAX=2",
                "ENTRYPOINT [\"java\", \"@/app/jvm.options\", \"-jar\", \"/app/dragoman.jar\"]");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>dragoman</finalName>");
        assertThat(lines).filteredOn(line -> line.startsWith("EXPOSE ")).singleElement().asString()
                .contains("8080", "9876");
    }

    /** The names application.properties sets or shows commented out ({@code # dragoman.kafka.brokers = …}). */
    private static Set<String> declared() throws IOException {
        Pattern line = Pattern.compile("^#?\\s*([a-z][\\w.-]+)\\s*=");
        return Files.readAllLines(Path.of("application.properties")).stream().map(line::matcher)
                .filter(Matcher::find).map(found -> found.group(1)).collect(Collectors.toSet());
    }

    /** Property names neither application.properties, a provider option nor Camel Main's own options have. */
    private static Set<String> unknown(Set<String> names, Set<String> declared) {
        Set<String> options = Dialects.options().stream().map(ProviderOption::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            String[] parts = name.split("\\.");
            boolean known = declared.contains(name)
                    || name.startsWith("dragoman.provider.") && parts.length == 4 && options.contains(parts[3])
                    || name.startsWith("camel.main.") && camelMainOption(name.substring("camel.main.".length()));
            if (!known) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static boolean camelMainOption(String kebab) {
        String setter = "set" + Arrays.stream(kebab.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1)).collect(Collectors.joining());
        return Arrays.stream(MainConfigurationProperties.class.getMethods())
                .anyMatch(method -> method.getName().equals(setter));
    }

    private static Set<String> envReferences(Properties config) {
        Set<String> names = new TreeSet<>();
        for (String name : config.stringPropertyNames()) {
            Matcher reference = ENV.matcher(config.getProperty(name));
            while (reference.find()) {
                names.add(reference.group(1));
            }
        }
        return names;
    }

    private static Map<String, Integer> ports(Map<String, Object> container) {
        return list(container, "ports").stream().map(KubernetesFilesTest::map)
                .collect(Collectors.toMap(port -> (String) port.get("name"), port -> (Integer) port.get("containerPort")));
    }

    /** The resources {@code kubectl kustomize} renders from a kustomization folder (bin/test-setup installs kubectl). */
    private static List<Map<String, Object>> render(Path kustomization) throws Exception {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize " + kustomization).isZero();
        List<Map<String, Object>> resources = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(resource -> resources.add(map(resource)));
        return resources;
    }

    /** The properties Dragoman reads from the ConfigMap's folder: its *.properties keys in name order, later wins. */
    private static Properties configuration(List<Map<String, Object>> resources) throws IOException {
        return configuration(map(only(resources, "ConfigMap"), "data"));
    }

    private static Properties configuration(Map<String, Object> data) throws IOException {
        Properties config = new Properties();
        for (String file : new TreeSet<>(data.keySet())) {
            if (file.endsWith(".properties")) {
                config.putAll(properties((String) data.get(file)));
            }
        }
        return config;
    }

    /** Where the container mounts the ConfigMap. */
    private static String configMount(Map<String, Object> pod, Map<String, Object> container) {
        String volume = list(map(pod, "spec"), "volumes").stream().map(KubernetesFilesTest::map)
                .filter(v -> v.containsKey("configMap")).map(v -> (String) v.get("name")).findFirst().orElseThrow();
        return list(container, "volumeMounts").stream().map(KubernetesFilesTest::map)
                .filter(mount -> volume.equals(mount.get("name"))).map(mount -> (String) mount.get("mountPath"))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> only(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> ofKind = resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        assertThat(ofKind).as(kind).hasSize(1);
        return ofKind.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Object>) parent.get(key);
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
