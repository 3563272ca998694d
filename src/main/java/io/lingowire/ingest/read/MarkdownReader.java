package io.lingowire.ingest.read;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown (CommonMark), with the YAML title block pandoc and static-site generators put on top. */
public final class MarkdownReader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n(?:---|\\.\\.\\.)\\r?\\n",
            Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z_-]+):\\s*(.*)$", Pattern.MULTILINE);
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    private final HtmlReader html;

    public MarkdownReader(HtmlReader html) {
        this.html = html;
    }

    public ExtractedItem read(String markdown, Limits limits) {
        ExtractedItem item = new ExtractedItem();
        String body = markdown;
        Matcher front = FRONT_MATTER.matcher(markdown);
        if (front.find()) {
            body = markdown.substring(front.end());
            Matcher field = FIELD.matcher(front.group(1));
            while (field.find()) {
                String value = unquote(field.group(2));
                switch (field.group(1).toLowerCase()) {
                    case "title" -> item.title = value;
                    case "author", "byline" -> item.byline = value;
                    case "date" -> item.publishedAt = Dates.parse(value);
                    case "lang", "language" -> item.language = value;
                    case "keywords", "tags" -> {
                        for (String k : value.replaceAll("[\\[\\]]", "").split("\\s*,\\s*")) {
                            item.addKeyword(unquote(k));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        item.blocks = html.readFragment(RENDERER.render(PARSER.parse(body)), limits);
        return item;
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
