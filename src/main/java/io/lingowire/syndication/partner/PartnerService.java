package io.lingowire.syndication.partner;

import io.lingowire.article.ArticleRevision;
import io.lingowire.locale.LanguageTags;
import io.lingowire.common.Hashing;
import io.lingowire.common.Ids;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.syndication.format.OutputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partners and their API keys. A key leaves the server once, when it is made; only its SHA-256 is stored. Rotation
 * adds a key and leaves the old one valid until it is revoked, so a partner can switch without a gap.
 */
@ApplicationScoped
@Transactional
public class PartnerService {

    public static final String KEY_PREFIX = "lwp_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final PartnerDirectory directory;

    PartnerService(PartnerDirectory directory) {
        this.directory = directory;
    }

    /** What an admin sends to create or change a partner; absent fields keep their value (or the default). */
    public record PartnerRequest(String name, List<String> languages, List<String> sources, List<String> formats,
                                 Boolean autoApprove, Boolean preEmbargo, Integer rateLimit, List<String> products) {
    }

    /** A partner with the clear key that was just made for it. */
    public record WithKey(Partner partner, PartnerKey key, String apiKey) {
    }

    public WithKey create(PartnerRequest request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ApiProblem.badRequest("missing-name", "A partner needs a 'name'");
        }
        Partner partner = new Partner();
        partner.id = Ids.newId();
        partner.autoApprove = true;
        partner.rateLimit = 600;
        partner.sources = List.of();
        partner.products = List.of();
        partner.formats = List.of();
        partner.createdAt = Instant.now();
        apply(partner, request);
        if (partner.languages == null || partner.languages.isEmpty()) {
            throw ApiProblem.badRequest("missing-languages", "A partner needs at least one entitled language in 'languages'");
        }
        partner.persist();
        return issueKey(partner);
    }

    public Partner update(String id, PartnerRequest request) {
        Partner partner = get(id);
        apply(partner, request);
        forget();
        return partner;
    }

    public void delete(String id) {
        Partner partner = get(id);
        forget();
        PartnerKey.delete("partnerId", id);
        partner.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner get(String id) {
        return Optional.ofNullable(Partner.<Partner>findById(id)).orElseThrow(() -> ApiProblem.notFound("Partner", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Partner> list() {
        return Partner.list("order by name");
    }

    /** A new key beside the existing ones. */
    public WithKey rotate(String id) {
        return issueKey(get(id));
    }

    public PartnerKey revoke(String partnerId, String keyId) {
        PartnerKey key = PartnerKey.<PartnerKey>find("id = ?1 and partnerId = ?2", keyId, partnerId).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("Key", keyId));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
        forget();
        return key;
    }

    /** The partner a live key belongs to (the database is asked at most every {@link PartnerDirectory#TRUST}). */
    /**
     * The language ranges that the partners entitled to a story take (its source and products among theirs), each
     * once, {@code *} left out: the languages worth translating it into.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> languagesTaken(ArticleRevision revision) {
        Set<String> out = new LinkedHashSet<>();
        for (Partner partner : Partner.<Partner>listAll()) {
            if (Audience.storyEntitled(partner, revision)) {
                partner.languages.stream().filter(range -> !range.equals("*")).forEach(out::add);
            }
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Partner> resolve(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(apiKey);
        String partnerId = directory.partnerOf(hash, () -> PartnerKey.<PartnerKey>find("keyHash", hash)
                .firstResultOptional().filter(k -> k.revokedAt == null).map(k -> k.partnerId).orElse(null));
        return partnerId == null ? Optional.empty() : current(partnerId);
    }

    /** The partner as this replica last read it (at most {@link PartnerDirectory#TRUST} ago). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Partner> current(String id) {
        return Optional.ofNullable(directory.partner(id, () -> Partner.findById(id)));
    }

    private void forget() {
        directory.forget();
    }

    private WithKey issueKey(Partner partner) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clear = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PartnerKey key = new PartnerKey();
        key.id = Ids.newId();
        key.partnerId = partner.id;
        key.keyHash = Hashing.sha256Hex(clear);
        key.hint = clear.substring(0, 8) + "…";
        key.createdAt = Instant.now();
        key.persist();
        return new WithKey(partner, key, clear);
    }

    private static void apply(Partner partner, PartnerRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest("missing-body", "Send the partner as JSON");
        }
        if (r.name() != null) {
            if (r.name().isBlank() || r.name().length() > 200) {
                throw ApiProblem.badRequest("invalid-name", "'name' must be 1 to 200 characters");
            }
            partner.name = r.name().strip();
        }
        if (r.languages() != null) {
            LinkedHashSet<String> tags = new LinkedHashSet<>();
            for (String language : r.languages()) {
                String tag = language == null ? "und" : LanguageTags.canonical(language);
                if (tag.equals("und")) {
                    throw ApiProblem.badRequest("invalid-language", "'" + language + "' is not a BCP47 language tag");
                }
                tags.add(tag);
            }
            partner.languages = new ArrayList<>(tags);
        }
        if (r.products() != null) {
            // products match without regard to case, so "Sports" and "sports" are one
            Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            partner.products = r.products().stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                    .filter(seen::add).toList();
        }
        if (r.sources() != null) {
            partner.sources = r.sources().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        }
        if (r.formats() != null) {
            partner.formats = r.formats().stream().map(f -> OutputFormat.byName(f).id).distinct().toList();
        }
        if (r.autoApprove() != null) {
            partner.autoApprove = r.autoApprove();
        }
        if (r.preEmbargo() != null) {
            partner.preEmbargo = r.preEmbargo();
        }
        if (r.rateLimit() != null) {
            if (r.rateLimit() < 1 || r.rateLimit() > 100_000_000) {
                throw ApiProblem.badRequest("invalid-rate-limit", "'rateLimit' is requests per minute, 1 to 100000000");
            }
            partner.rateLimit = r.rateLimit();
        }
        partner.updatedAt = Instant.now();
    }
}
