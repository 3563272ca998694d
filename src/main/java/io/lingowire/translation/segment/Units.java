package io.lingowire.translation.segment;

import io.lingowire.article.Block;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The translatable units of an article — its title, then each paragraph, list item and table cell — split into
 * sentences, and the way back: sentences translated one by one are joined into units and the units into blocks of
 * the source's shapes. Pure: machine translation and post-editing both use it.
 */
public final class Units {

    private static final Segmenter SEGMENTER = new Segmenter();

    private Units() {
    }

    /** One unit: its block ({@code -1} for the title), its part in the block, its text and its sentences. */
    public record Unit(int block, int part, String text, List<Segmenter.Sentence> sentences) {
    }

    /** A language version reassembled: the title, one block per source block, and each sentence pair. */
    public record Assembled(String title, List<Block> blocks, List<String> sourceSentences,
                            List<String> outputSentences) {
    }

    /** The units of a title and blocks in {@code language}, in reading order. */
    public static List<Unit> of(String title, List<Block> blocks, String language) {
        List<Unit> units = new ArrayList<>();
        String t = title == null ? "" : title;
        units.add(new Unit(-1, -1, t, SEGMENTER.sentences(t, language)));
        for (int b = 0; b < blocks.size(); b++) {
            List<String> parts = parts(blocks.get(b));
            for (int p = 0; p < parts.size(); p++) {
                units.add(new Unit(b, p, parts.get(p), SEGMENTER.sentences(parts.get(p), language)));
            }
        }
        return units;
    }

    /** A block's translatable parts: its items, its cells row by row, or its text. */
    public static List<String> parts(Block block) {
        return block.items() != null ? block.items()
                : block.rows() != null ? block.rows().stream().flatMap(List::stream).toList()
                : List.of(block.text() == null ? "" : block.text());
    }

    /**
     * Puts a language version together: each source sentence is replaced by {@code translate}'s answer, sentences
     * are joined as they were, and each block keeps its source's shape (paragraph, list, table) in {@code language}.
     */
    public static Assembled reassemble(List<Unit> units, List<Block> sourceBlocks, String language,
                                       Function<String, String> translate) {
        List<String> sourceSentences = new ArrayList<>();
        List<String> outputSentences = new ArrayList<>();
        Map<Integer, List<String>> parts = new LinkedHashMap<>();
        String title = null;
        for (Unit unit : units) {
            List<String> sentences = new ArrayList<>();
            for (Segmenter.Sentence sentence : unit.sentences()) {
                String out = translate.apply(sentence.text());
                sentences.add(out);
                sourceSentences.add(sentence.text());
                outputSentences.add(out);
            }
            String text = Segmenter.join(sentences, unit.sentences());
            if (unit.block() < 0) {
                title = text;
            } else {
                parts.computeIfAbsent(unit.block(), k -> new ArrayList<>()).add(text);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < sourceBlocks.size(); b++) {
            Block source = sourceBlocks.get(b);
            List<String> p = parts.getOrDefault(b, List.of(""));
            if (source.items() != null) {
                blocks.add(Block.list(p).withLanguage(language, null));
            } else if (source.rows() != null) {
                List<List<String>> rows = new ArrayList<>();
                int i = 0;
                for (List<String> row : source.rows()) {
                    rows.add(new ArrayList<>(p.subList(i, i + row.size())));
                    i += row.size();
                }
                blocks.add(Block.table(rows).withLanguage(language, null));
            } else {
                blocks.add(new Block(source.type(), p.get(0), null, null, language, null));
            }
        }
        return new Assembled(title, blocks, sourceSentences, outputSentences);
    }
}
