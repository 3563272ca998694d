package io.lingowire.syndication.partner;

import io.lingowire.article.ArticleRevision;
import io.lingowire.translation.routing.Takers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/** Answers routing rules that name partners: only the partners named are read, and {@link Audience} decides. */
@ApplicationScoped
class PartnerTakers implements Takers {

    @Override
    public boolean anyTakes(List<String> partners, ArticleRevision revision, String language) {
        List<String> lower = partners.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<Partner> named = QuarkusTransaction.joiningExisting().call(() -> Partner.<Partner>list(
                "id in ?1 or lower(name) in ?2", partners, lower));
        return named.stream().anyMatch(p -> takes(p, partners, revision, language));
    }

    /** Whether {@code partner} is one of those named and is entitled to the story in the language. */
    static boolean takes(Partner partner, List<String> names, ArticleRevision revision, String language) {
        boolean isNamed = names.stream().anyMatch(n -> n.equals(partner.id) || n.equalsIgnoreCase(partner.name));
        return isNamed && Audience.languageEntitled(partner, language) && Audience.storyEntitled(partner, revision);
    }
}
