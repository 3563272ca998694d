package io.lingowire.translation.provider.amazon;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.EN_ES;
import static io.lingowire.translation.provider.ProviderTesting.SEGMENTS;
import static io.lingowire.translation.provider.ProviderTesting.TIMEOUT;
import static io.lingowire.translation.provider.ProviderTesting.TRANSLATED;
import static io.lingowire.translation.provider.ProviderTesting.fails;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;
import static io.lingowire.translation.provider.ProviderTesting.wireMock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Amazon provider against a stub of the AWS JSON 1.1 protocol (botocore's service-2.json, PROVIDERS.md): one
 * {@code POST /} routed by {@code X-Amz-Target}, {@code __type} errors; SigV4 checked against AWS's published vectors
 * and, on every stubbed call, recomputed from the request that arrived.
 */
class AmazonProviderTest {

    @RegisterExtension
    static final WireMockExtension amazon = wireMock();

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
    private static final String PREFIX = "AWSShineFrontendService_20170701.";
    private static final String TRANSLATE_TEXT = PREFIX + "TranslateText";
    private static final String LIST_LANGUAGES = "AWSShineFrontendService_20170701.ListLanguages";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/translate/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target(;x-amz-security-token)?, "
            + "Signature=[0-9a-f]{64}";

    record Config(Optional<String> accessKeyId, Optional<String> secretAccessKey, Optional<String> sessionToken,
                  Optional<String> region, Optional<String> url, Duration timeout, Duration pairsTtl)
            implements AmazonConfig {
    }

    private static AmazonProvider provider(Optional<String> sessionToken) {
        return new AmazonProvider(new Config(Optional.of(ACCESS_KEY_ID), Optional.of(SECRET), sessionToken,
                Optional.of("eu-west-1"), Optional.of(amazon.baseUrl()), TIMEOUT, Duration.ofHours(1)),
                Clock.systemUTC());
    }

    private static AmazonProvider provider() {
        return provider(Optional.empty());
    }

    private static String error(String type, String message) {
        return toJson(Map.of("__type", type, "message", message));
    }

    /** Every request that reached the stub carries the signature of exactly what arrived. */
    private static void assertSignedAsSent() {
        List<LoggedRequest> requests = amazon.findAll(postRequestedFor(urlEqualTo("/")));
        assertTrue(!requests.isEmpty(), "no request reached the stub");
        for (LoggedRequest request : requests) {
            Map<String, String> headers = new LinkedHashMap<>();
            String authorization = request.getHeader("Authorization");
            String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
            for (String name : signedHeaders.split(";")) {
                headers.put(name, request.getHeader(name));
            }
            assertEquals(new SigV4(ACCESS_KEY_ID, SECRET, "eu-west-1", "translate")
                    .authorization("POST", "/", "", headers, request.getBody()), authorization);
        }
    }

    @Test
    void signsAwsPublishedExampleRequestsToTheirPublishedSignatures() {
        // AWS General Reference, "Signature Version 4 signing process" example: IAM ListUsers
        Map<String, String> iam = new LinkedHashMap<>();
        iam.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        iam.put("Host", "iam.amazonaws.com");
        iam.put("X-Amz-Date", "20150830T123600Z");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
                new SigV4(ACCESS_KEY_ID, SECRET, "us-east-1", "iam")
                        .authorization("GET", "/", "Action=ListUsers&Version=2010-05-08", iam, new byte[0]));
        // aws-sig-v4-test-suite, post-vanilla
        Map<String, String> vanilla = Map.of("Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
                new SigV4(ACCESS_KEY_ID, SECRET, "us-east-1", "service")
                        .authorization("POST", "/", "", vanilla, new byte[0]));
    }

    @Test
    void translatesEachDistinctSegmentWithASignedTranslateText() throws Exception {
        for (int i = 0; i < SEGMENTS.size(); i++) {
            amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TRANSLATE_TEXT))
                    .withRequestBody(matchingJsonPath("$.Text", equalTo(SEGMENTS.get(i))))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody(toJson(Map.of("TranslatedText", TRANSLATED.get(i), "SourceLanguageCode", "en",
                                    "TargetLanguageCode", "es")))));
        }
        List<String> segments = new ArrayList<>(SEGMENTS);
        segments.add(SEGMENTS.get(1));
        List<String> expected = new ArrayList<>(TRANSLATED);
        expected.add(TRANSLATED.get(1));
        assertEquals(expected, provider().translate(EN_ES, segments));
        amazon.verify(SEGMENTS.size(), postRequestedFor(urlEqualTo("/")));
        amazon.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("X-Amz-Target", equalTo(TRANSLATE_TEXT))
                .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
                .withHeader("X-Amz-Security-Token", absent())
                .withHeader("Authorization", matching(AUTHORIZATION))
                .withRequestBody(equalToJson(toJson(Map.of("Text", SEGMENTS.get(1), "SourceLanguageCode", "en",
                        "TargetLanguageCode", "es")))));
        assertSignedAsSent();
    }

    @Test
    void pairsComeFromListLanguagesAcrossPages() {
        amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(LIST_LANGUAGES)).atPriority(5)
                .willReturn(json(200, "{\"Languages\":[{\"LanguageName\":\"English\",\"LanguageCode\":\"en\"},"
                        + "{\"LanguageName\":\"Spanish\",\"LanguageCode\":\"es\"}],\"NextToken\":\"page-2\"}")));
        amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(LIST_LANGUAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .willReturn(json(200, "{\"Languages\":[{\"LanguageName\":\"Pashto\",\"LanguageCode\":\"ps\"}]}")));
        Set<LanguagePair> pairs = provider().pairs();
        assertTrue(pairs.containsAll(Set.of(EN_ES, new LanguagePair("es", "en"), new LanguagePair("en", "ps"),
                new LanguagePair("ps", "es"))), pairs.toString());
        amazon.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(LIST_LANGUAGES))
                .withHeader("Authorization", matching(AUTHORIZATION)));
        assertSignedAsSent();
    }

    @Test
    void throttlingSlowsDownForRetryAfterAndTemporaryCredentialsSignTheirToken() {
        amazon.stubFor(post("/").willReturn(json(400, error("ThrottlingException", "Rate exceeded"))
                .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")
                .withHeader("Retry-After", "3")));
        ProviderException e = fails(ProviderException.Kind.RATE_LIMITED,
                () -> provider(Optional.of(SESSION_TOKEN)).translate(EN_ES, SEGMENTS), SECRET, SESSION_TOKEN);
        assertEquals(Duration.ofSeconds(3), e.retryAfter);
        amazon.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Security-Token", equalTo(SESSION_TOKEN))
                .withHeader("Authorization", matching(".*SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;"
                        + "x-amz-target,.*")));
        assertSignedAsSent();

        amazon.stubFor(post("/").willReturn(json(400, error("com.amazonaws.translate#TooManyRequestsException",
                "You have made too many requests within a short period of time."))));
        fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), SECRET);
    }

    @Test
    void anExceededLimitIsTheQuota() {
        amazon.stubFor(post("/").willReturn(json(400, error("LimitExceededException",
                "The specified limit has been exceeded."))));
        fails(ProviderException.Kind.QUOTA_EXHAUSTED, () -> provider().translate(EN_ES, SEGMENTS), SECRET);
    }

    @Test
    void badCredentialsAreRejectedWithoutShowingThemOrTheCanonicalRequest() {
        amazon.stubFor(post("/").willReturn(json(400, error("UnrecognizedClientException",
                "The security token included in the request is invalid."))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), SECRET);

        amazon.stubFor(post("/").willReturn(json(403, error("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided.\n\n"
                        + "The Canonical String for this request should have been\n'POST\n/\n\n"
                        + "x-amz-security-token:" + SESSION_TOKEN + "\n'"))));
        fails(ProviderException.Kind.REJECTED, () -> provider(Optional.of(SESSION_TOKEN)).translate(EN_ES, SEGMENTS),
                SECRET, SESSION_TOKEN);
    }

    @Test
    void anUnsupportedPairAndServiceErrorsAreToldApart() {
        amazon.stubFor(post("/").willReturn(json(400, error("UnsupportedLanguagePairException",
                "Unsupported language pair: en to xx"))));
        fails(ProviderException.Kind.UNSUPPORTED, () -> provider().translate(EN_ES, SEGMENTS), SECRET);
        amazon.stubFor(post("/").willReturn(json(503, error("ServiceUnavailableException",
                "The Amazon Translate service is temporarily unavailable."))));
        fails(ProviderException.Kind.TRANSIENT, () -> provider().translate(EN_ES, SEGMENTS), SECRET);
    }

    @Test
    void missingCredentialsStopTheStartUpNamingTheVariable() {
        AmazonProvider unconfigured = new AmazonProvider(new Config(Optional.of(ACCESS_KEY_ID), Optional.empty(),
                Optional.empty(), Optional.of("eu-west-1"), Optional.empty(), TIMEOUT, Duration.ofHours(1)),
                Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class, unconfigured::checkConfigured);
        assertTrue(e.getMessage().contains("LINGOWIRE_PROVIDERS_AMAZON_SECRET_ACCESS_KEY"), e.getMessage());
    }

    @Test
    void theGlossaryIsImportedOnceAsCustomTerminologyAndNamedInEachRequest() throws Exception {
        amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(PREFIX + "ImportTerminology"))
                .willReturn(json(200, "{\"TerminologyProperties\":{\"Name\":\"lingowire-en-es-v4\","
                        + "\"SourceLanguageCode\":\"en\",\"TargetLanguageCodes\":[\"es\"],\"TermCount\":2,"
                        + "\"Directionality\":\"UNI\",\"Format\":\"CSV\"}}")));
        amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(PREFIX + "ListTerminologies"))
                .willReturn(json(200, "{\"TerminologyPropertiesList\":[{\"Name\":\"lingowire-en-es-v2\"},"
                        + "{\"Name\":\"lingowire-en-es-v3\"},{\"Name\":\"lingowire-en-es-v4\"},"
                        + "{\"Name\":\"lingowire-en-fr-v1\"},{\"Name\":\"legal-terms\"}]}")));
        amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(PREFIX + "DeleteTerminology"))
                .willReturn(json(200, "{}")));
        amazon.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TRANSLATE_TEXT))
                .willReturn(json(200, toJson(Map.of("TranslatedText", "Reabre el mercado de Kabul",
                        "SourceLanguageCode", "en", "TargetLanguageCode", "es", "AppliedTerminologies",
                        List.of(Map.of("Name", "lingowire-en-es-v4", "Terms", List.of(Map.of("SourceText", "market",
                                "TargetText", "mercado")))))))));
        Terminology terms = new Terminology(4, new java.util.TreeMap<>(Map.of("Kabul", "Kabul", "market",
                "mercado, el", "Khaama \"Press\"", "Khaama Press")));
        AmazonProvider provider = provider();
        assertTrue(provider.nativeGlossary(EN_ES));
        assertEquals(List.of("Reabre el mercado de Kabul"), provider.translate(EN_ES, List.of("Kabul market reopens"),
                terms));
        assertEquals(List.of("Reabre el mercado de Kabul"), provider.translate(EN_ES, List.of("Kabul market closes"),
                terms));

        List<LoggedRequest> imports = amazon.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(PREFIX + "ImportTerminology")));
        assertEquals(1, imports.size(), "imported once per version");
        com.fasterxml.jackson.databind.JsonNode body = io.lingowire.translation.provider.HttpProviders.JSON
                .readTree(imports.get(0).getBodyAsString());
        assertEquals("lingowire-en-es-v4", body.path("Name").asText());
        assertEquals("OVERWRITE", body.path("MergeStrategy").asText());
        assertEquals("CSV", body.path("TerminologyData").path("Format").asText());
        assertEquals("UNI", body.path("TerminologyData").path("Directionality").asText());
        assertEquals("en,es\nKabul,Kabul\n\"Khaama \"\"Press\"\"\",Khaama Press\nmarket,\"mercado, el\"\n",
                new String(java.util.Base64.getDecoder().decode(body.path("TerminologyData").path("File").asText()),
                        java.nio.charset.StandardCharsets.UTF_8));
        amazon.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TRANSLATE_TEXT))
                .withRequestBody(matchingJsonPath("$.TerminologyNames[0]", equalTo("lingowire-en-es-v4"))));
        // v2 is outdated; v3 may still be in use on another replica; other pairs and other teams' lists stay
        List<String> deleted = amazon.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(PREFIX + "DeleteTerminology"))).stream()
                .map(r -> r.getBodyAsString()).toList();
        assertEquals(List.of("{\"Name\":\"lingowire-en-es-v2\"}"), deleted);
        assertSignedAsSent();
    }
}
