package io.lingowire.ingest.read;

import io.lingowire.article.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text: paragraphs are separated by blank lines. Text with no blank lines at all (one paragraph per line, as
 * many wire terminals send it) is read a line to a paragraph.
 */
public final class TextReader {

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t\\u00A0]*\\r?\\n");
    private static final Pattern LINE = Pattern.compile("\\r?\\n");

    public ExtractedItem read(String text, Limits limits) {
        if (text.length() > limits.maxChars()) {
            throw new BlockAssembler.TextLimitExceeded(limits.maxChars());
        }
        ExtractedItem item = new ExtractedItem();
        item.blocks = blocks(text);
        return item;
    }

    public List<Block> blocks(String text) {
        String body = text.replace('\u000C', '\n');
        Pattern separator = BLANK_LINE.matcher(body).find() ? BLANK_LINE : LINE;
        List<Block> blocks = new ArrayList<>();
        for (String part : separator.split(body)) {
            String clean = BlockAssembler.normalise(part);
            if (!clean.isEmpty()) {
                blocks.add(Block.of(Block.PARAGRAPH, clean));
            }
        }
        return blocks;
    }
}
