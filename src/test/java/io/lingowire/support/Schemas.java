package io.lingowire.support;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official schemas the output formats are checked against, read from {@code ../shared/schemas} (system property
 * {@code lingowire.shared.dir} overrides the folder). Tests that need them skip, saying why, where they are absent.
 */
public final class Schemas {

    private static final Map<String, javax.xml.validation.Schema> XSD = new ConcurrentHashMap<>();
    private static volatile Schema ninjs;

    private Schemas() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("lingowire.shared.dir", "../shared"), "schemas");
    }

    public static void assumePresent() {
        assumeTrue(Files.isDirectory(dir().resolve("ninjs")), "The IPTC schemas are not at " + dir().toAbsolutePath()
                + " (set -Dlingowire.shared.dir); CI always has them");
    }

    /** ninjs 3.1 (JSON Schema 2020-12, format assertions on); GeoJSON's online $ref is served from the offline stub. */
    public static List<String> ninjsErrors(String json) {
        if (ninjs == null) {
            try {
                String stub = Files.readString(dir().resolve("ninjs/geojson-offline-stub.json"));
                String schema = Files.readString(dir().resolve("ninjs/ninjs-schema_3.1.json"));
                SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        b -> b.schemas(Map.of("https://geojson.org/schema/GeoJSON.json", stub))
                                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
                ninjs = registry.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"),
                        schema, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ninjs.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Validates XML against an XSD under the schemas folder, e.g. {@code nitf/nitf-3-6.xsd}; throws with the reason. */
    public static void assertValidXml(byte[] xml, String xsd) {
        javax.xml.validation.Schema schema = XSD.computeIfAbsent(xsd, path -> {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                return factory.newSchema(dir().resolve(path).toFile());
            } catch (SAXException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        });
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError(xsd + " rejects the document: " + e.getMessage() + "\n"
                    + new String(xml, StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
