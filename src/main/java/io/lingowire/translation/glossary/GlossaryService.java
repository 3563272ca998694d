package io.lingowire.translation.glossary;

import io.lingowire.locale.LanguageTags;
import io.lingowire.common.Ids;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.Terminology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Glossaries per language pair, versioned: each added or removed term makes a new version. */
@ApplicationScoped
@Transactional
public class GlossaryService {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** What translation needs of a pair's glossary: its version and its terms (null translation = do not translate). */
    public record Snapshot(int version, Map<String, String> terms) {
        public static final Snapshot EMPTY = new Snapshot(0, Map.of());

        /** The glossary as an engine with native glossaries takes it: a do-not-translate term maps to itself. */
        public Terminology terminology() {
            Map<String, String> entries = new LinkedHashMap<>();
            terms.forEach((term, translation) -> entries.put(term, translation == null ? term : translation));
            return new Terminology(version, Map.copyOf(entries));
        }
    }

    public static LanguagePair pair(String source, String target) {
        String s = LanguageTags.primary(source);
        String t = LanguageTags.primary(target);
        if (s.equals("und") || t.equals("und") || s.equals(t)) {
            throw ApiProblem.badRequest("invalid-pair", "A glossary needs two different languages, got "
                    + source + " and " + target);
        }
        return new LanguagePair(s, t);
    }

    public Snapshot snapshot(LanguagePair pair) {
        Glossary glossary = Glossary.findById(pair.toString());
        if (glossary == null) {
            return Snapshot.EMPTY;
        }
        Map<String, String> terms = new LinkedHashMap<>();
        for (GlossaryTerm term : terms(pair)) {
            terms.put(term.term, term.translation);
        }
        return new Snapshot(glossary.version, terms);
    }

    public List<GlossaryTerm> terms(LanguagePair pair) {
        return GlossaryTerm.list("pair = ?1 order by term", pair.toString());
    }

    public int version(LanguagePair pair) {
        Glossary glossary = Glossary.findById(pair.toString());
        return glossary == null ? 0 : glossary.version;
    }

    public GlossaryTerm add(LanguagePair pair, String term, String translation) {
        if (term == null || term.isBlank() || term.length() > 200) {
            throw ApiProblem.badRequest("invalid-term", "A term is 1 to 200 characters");
        }
        if (CONTROL.matcher(term).find() || (translation != null && CONTROL.matcher(translation).find())) {
            // tabs and line breaks would break the TSV and CSV forms engines take glossaries in
            throw ApiProblem.badRequest("invalid-term", "A term and its translation are one line without tabs or "
                    + "control characters");
        }
        if (translation != null && translation.length() > 200) {
            throw ApiProblem.badRequest("invalid-term", "A translation is at most 200 characters");
        }
        if (GlossaryTerm.count("pair = ?1 and term = ?2", pair.toString(), term.strip()) > 0) {
            throw new ApiProblem(409, "term-exists", "Conflict", "'" + term.strip() + "' is already in the "
                    + pair + " glossary");
        }
        GlossaryTerm row = new GlossaryTerm();
        row.id = Ids.newId();
        row.pair = pair.toString();
        row.term = term.strip();
        row.translation = translation == null || translation.isBlank() ? null : translation.strip();
        row.createdAt = Instant.now();
        row.persist();
        bump(pair);
        return row;
    }

    public void remove(LanguagePair pair, String id) {
        if (GlossaryTerm.delete("pair = ?1 and id = ?2", pair.toString(), id) == 0) {
            throw ApiProblem.notFound("Glossary term", id);
        }
        bump(pair);
    }

    private void bump(LanguagePair pair) {
        Glossary glossary = Glossary.findById(pair.toString());
        if (glossary == null) {
            glossary = new Glossary();
            glossary.pair = pair.toString();
            glossary.version = 0;
        }
        glossary.version++;
        glossary.updatedAt = Instant.now();
        glossary.persist();
    }
}
