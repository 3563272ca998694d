package io.lingowire.syndication.partner;

import io.lingowire.article.ArticleRevision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A routing rule's partner criterion: named by id or name, and entitled to the story's language and source. */
class PartnerTakersTest {

    private static ArticleRevision revision(String source) {
        ArticleRevision r = new ArticleRevision();
        r.language = "en";
        r.sourceName = source;
        r.sourceChain = List.of();
        return r;
    }

    @Test
    void aNamedPartnerTakesWhatItIsEntitledTo() {
        Partner partner = new Partner();
        partner.id = "p-1";
        partner.name = "kabul daily";
        partner.languages = List.of("fa", "es");
        partner.sources = List.of("Pajhwok");
        List<String> byName = List.of("Kabul Daily");
        assertTrue(PartnerTakers.takes(partner, byName, revision("pajhwok"), "es-419"));
        assertFalse(PartnerTakers.takes(partner, byName, revision("pajhwok"), "fr"), "language");
        assertFalse(PartnerTakers.takes(partner, byName, revision("other"), "es"), "source");
        assertTrue(PartnerTakers.takes(partner, List.of("p-1"), revision("pajhwok"), "fa"), "by id");
        assertFalse(PartnerTakers.takes(partner, List.of("Herat Times"), revision("pajhwok"), "fa"), "not named");
    }
}
