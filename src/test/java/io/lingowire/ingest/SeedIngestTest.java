package io.lingowire.ingest;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SeedIngestTest {

    static final String SEED = """
            date 2024-11-09 (MENAFN- Khaama Press) Reuters has reported that Qatar, at the request of the United States, has asked Hamas leaders to leave the country.

            According to a senior U.S. official, the request came after Hamas repeatedly rejected proposals for a ceasefire and the release of hostages in recent weeks.

            The U.S. instructed Qatar to expel Hamas leaders, citing the group's unwillingness to negotiate or engage in peace efforts.
            """;

    @Test
    void seedShapedTextYieldsDatelineAttributionAndBody() {
        Api.asAdmin().contentType("text/plain; charset=utf-8").body(SEED.getBytes(StandardCharsets.UTF_8))
                .queryParam("filename", "000_seed.txt")
                .post("/api/v1/articles")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/articles/"))
                .body("version", equalTo(1))
                .body("dateline.date", equalTo("2024-11-09"))
                .body("source.name", equalTo("MENAFN"))
                .body("source.chain.name", hasItems("MENAFN", "Khaama Press", "Reuters"))
                .body("source.chain.find { it.name == 'MENAFN' }.role", equalTo("distributor"))
                .body("source.chain.find { it.name == 'Khaama Press' }.role", equalTo("originator"))
                .body("source.chain.find { it.name == 'Reuters' }.role", equalTo("cited"))
                .body("blocks[0].text", startsWith("Reuters has reported that Qatar"))
                .body("blocks.text", not(hasItems(containsString("MENAFN"))))
                .body("language", equalTo("en"))
                .body("publishedAt", startsWith("2024-11-09"))
                .body("original.filename", equalTo("000_seed.txt"))
                .body("original.mediaType", equalTo("text/plain; charset=utf-8"));
    }
}
