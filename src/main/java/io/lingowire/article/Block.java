package io.lingowire.article;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One unit of article content, in reading order. {@code text} is always filled (list items and table rows are
 * joined by newlines, cells by tabs) so a consumer that only knows paragraphs still gets everything; {@code items}
 * and {@code rows} keep the structure for those that do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Block(String type, String text, List<String> items, List<List<String>> rows, String language,
                   Double languageConfidence) {

    public static final String HEADING = "heading";
    public static final String PARAGRAPH = "paragraph";
    public static final String QUOTE = "quote";
    public static final String LIST = "list";
    public static final String TABLE = "table";

    public static Block of(String type, String text) {
        return new Block(type, text, null, null, null, null);
    }

    public static Block list(List<String> items) {
        return new Block(LIST, String.join("\n", items), List.copyOf(items), null, null, null);
    }

    public static Block table(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(String.join("\t", row));
        }
        return new Block(TABLE, text.toString(), null, rows.stream().map(List::copyOf).toList(), null, null);
    }

    public Block withText(String newText) {
        return new Block(type, newText, items, rows, language, languageConfidence);
    }

    public Block withLanguage(String tag, Double confidence) {
        return new Block(type, text, items, rows, tag, confidence);
    }
}
