package io.lingowire.ingest.read;

import io.lingowire.article.Block;
import io.lingowire.common.error.ApiProblem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text in right-to-left scripts (Arabic, Persian, Urdu, Pashto, Hebrew, ...) as documents give it back. */
final class RightToLeft {

    private static final Map<Integer, Integer> MIRRORED = Map.of((int) '(', (int) ')', (int) ')', (int) '(',
            (int) '[', (int) ']', (int) ']', (int) '[', (int) '{', (int) '}', (int) '}', (int) '{',
            (int) '«', (int) '»', (int) '»', (int) '«');

    private RightToLeft() {
    }

    /** Whether most letters of the blocks are of right-to-left scripts. */
    static boolean mostly(List<Block> blocks) {
        long rtl = 0;
        long letters = 0;
        for (Block block : blocks) {
            for (int i = 0; i < block.text().length(); ) {
                int cp = block.text().codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    letters++;
                    byte direction = Character.getDirectionality(cp);
                    if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                            || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                        rtl++;
                    }
                }
            }
        }
        return letters > 0 && rtl * 2 > letters;
    }

    /**
     * The paragraphs of a right-to-left PDF in logical order. Its glyphs are laid out in visual order, with runs of
     * digits and Latin words apart; read by position, PDFBox puts each line back in logical order. Its lines are
     * right-aligned, so their ragged left edges say nothing: only the gap between lines marks a new paragraph
     * (so paragraphs set apart by a first-line indent alone are read as one).
     * Brackets come back facing the wrong way and are turned round.
     */
    static List<Block> pdfBlocks(byte[] bytes, Limits limits) {
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setIndentThreshold(1000f);
            // a paragraph's lines sit 1.15 lines apart and paragraphs about 1.9 (the default, 2.5, joins them)
            stripper.setDropThreshold(1.5f);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart("");
            stripper.setParagraphEnd("\n\n");
            text = stripper.getText(document);
        } catch (IOException e) {
            throw ApiProblem.unreadable("corrupt-document", "The PDF could not be read: it is damaged or truncated");
        }
        if (text.length() > limits.maxChars()) {
            throw ApiProblem.unreadable("text-limit-exceeded", "The PDF expands to more than " + limits.maxChars()
                    + " characters of text; split it or raise lingowire.ingest.max-text-chars");
        }
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            String joined = BlockAssembler.normalise(paragraph.replace('\n', ' '));
            if (!joined.isBlank()) {
                blocks.add(Block.of(Block.PARAGRAPH, joined));
            }
        }
        return mirrorBrackets(blocks);
    }

    /**
     * Brackets read in visual order face the wrong way in right-to-left text ({@code )MENAFN- وكالة(}): where a
     * block's first bracket is a closing one, every bracket of the block is turned round.
     */
    private static List<Block> mirrorBrackets(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            out.add(opensWithCloser(block.text()) ? mirrored(block) : block);
        }
        return out;
    }

    private static Block mirrored(Block block) {
        if (block.items() != null) {
            return Block.list(block.items().stream().map(RightToLeft::mirror).toList());
        }
        if (block.rows() != null) {
            return Block.table(block.rows().stream().map(r -> r.stream().map(RightToLeft::mirror).toList()).toList());
        }
        return block.withText(mirror(block.text()));
    }

    private static boolean opensWithCloser(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{' || c == '«') {
                return false;
            }
            if (c == ')' || c == ']' || c == '}' || c == '»') {
                return true;
            }
        }
        return false;
    }

    private static String mirror(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(MIRRORED.getOrDefault(cp, cp)));
        return out.toString();
    }
}
