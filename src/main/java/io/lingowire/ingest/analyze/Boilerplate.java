package io.lingowire.ingest.analyze;

import io.lingowire.article.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that belong to the page or the distributor, not to the story: page numbers, sharing prompts, newsletter
 * pitches, copyright and legal notices (MENAFN's "Legal Disclaimer" among them). They are dropped wherever they stand;
 * everything after a legal disclaimer is dropped with it.
 */
final class Boilerplate {

    private static final Pattern LINE = Pattern.compile("(?iu)^\\s*(?:"
            + "share (?:this|on)\\b.*|follow us\\b.*|subscribe\\b.*|sign up\\b.*|click here\\b.*|read more\\b.*"
            + "|related(?: articles| stories| news)?:?\\s*$|advertisement\\s*$|all rights reserved\\.?\\s*$"
            + "|(?:©|\\(c\\)|copyright)\\s*(?:\\d{4})?.{0,120}$|tags?:\\s.{0,200}$"
            + "|compartir\\b.{0,60}$|síguenos\\b.*|suscríbete\\b.*|partager\\b.{0,60}$|suivez-nous\\b.*"
            // a page number (a PDF's footer), in any script's digits, with or without "page"/"- n -"
            + "|(?:page\\s+|p\\.\\s*|-\\s*)?\\p{Nd}{1,4}(?:\\s*-|\\s*/\\s*\\p{Nd}{1,4})?\\s*"
            + ")$");
    private static final Pattern DISCLAIMER = Pattern.compile("(?iu)^\\s*(?:legal disclaimer|disclaimer)\\s*:?");

    private Boilerplate() {
    }

    static List<Block> strip(List<Block> blocks) {
        List<Block> kept = new ArrayList<>();
        for (Block block : blocks) {
            if (DISCLAIMER.matcher(block.text()).find()) {
                break;
            }
            boolean shortLine = block.text().length() < 240;
            if (!(shortLine && LINE.matcher(block.text()).matches())) {
                kept.add(block);
            }
        }
        return kept;
    }
}
