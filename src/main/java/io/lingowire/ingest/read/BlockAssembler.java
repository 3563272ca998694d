package io.lingowire.ingest.read;

import io.lingowire.article.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a stream of element events (from Tika's XHTML SAX output, a jsoup tree, or an XML DOM) into ordered
 * article blocks. HTML and NITF element names are understood alike, so every reader shares one notion of what a
 * heading, paragraph, quote, list and table are. Page furniture (navigation, asides, footers, forms, scripts) is
 * skipped.
 */
public final class BlockAssembler {

    private static final Set<String> SKIPPED = Set.of("script", "style", "nav", "aside", "footer", "form", "noscript",
            "template", "button", "select", "svg", "iframe", "head", "object", "embed", "menu", "figure",
            "media", "media-caption", "note", "fn", "tagline", "doc.copyright");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2");
    private static final Set<String> QUOTES = Set.of("blockquote", "bq");
    private static final Set<String> LISTS = Set.of("ul", "ol", "dl");
    private static final Set<String> ITEMS = Set.of("li", "dd", "dt");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> BLOCK_BOUNDARIES = Set.of("div", "section", "article", "main", "header",
            "body", "block", "body.content", "p", "pre", "address", "hr", "center");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r\\u00A0]*\\n");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2028\\u2029]+");

    private final List<Block> blocks = new ArrayList<>();
    private final int maxChars;
    private int chars;

    private int skipDepth;
    private int quoteDepth;
    private int listDepth;
    private String blockType;
    private final StringBuilder text = new StringBuilder();
    private List<String> items;
    private StringBuilder item;
    private List<List<String>> rows;
    private List<String> row;
    private StringBuilder cell;
    private int tableDepth;

    public BlockAssembler(int maxChars) {
        this.maxChars = maxChars;
    }

    public void open(String rawName) {
        String name = localName(rawName);
        if (skipDepth > 0 || SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        if (tableDepth > 0) {
            if (name.equals("table")) {
                tableDepth++;
            } else if (name.equals("tr")) {
                endCell();
                endRow();
                row = new ArrayList<>();
            } else if (CELLS.contains(name)) {
                endCell();
                if (row == null) {
                    row = new ArrayList<>();
                }
                cell = new StringBuilder();
            } else if (name.equals("br") || name.equals("p")) {
                append(" ");
            }
            return;
        }
        if (listDepth > 0) {
            if (LISTS.contains(name)) {
                listDepth++;
            } else if (ITEMS.contains(name)) {
                endItem();
                item = new StringBuilder();
            } else if (name.equals("br") || name.equals("p")) {
                append(" ");
            }
            return;
        }
        switch (name) {
            case "table" -> {
                flush();
                tableDepth = 1;
                rows = new ArrayList<>();
            }
            case "br" -> append("\n");
            // NITF's credit names who is quoted: it stays with the quote, marked as attribution
            case "credit" -> {
                start(Block.QUOTE);
                append("— ");
            }
            default -> {
                if (HEADINGS.contains(name)) {
                    start(Block.HEADING);
                } else if (QUOTES.contains(name)) {
                    flush();
                    quoteDepth++;
                } else if (LISTS.contains(name)) {
                    flush();
                    listDepth = 1;
                    items = new ArrayList<>();
                } else if (ITEMS.contains(name)) {
                    start(Block.PARAGRAPH);
                } else if (BLOCK_BOUNDARIES.contains(name)) {
                    flush();
                }
            }
        }
    }

    public void close(String rawName) {
        String name = localName(rawName);
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (tableDepth > 0) {
            if (name.equals("table") && --tableDepth == 0) {
                endCell();
                endRow();
                if (!rows.isEmpty()) {
                    add(Block.table(rows));
                }
                rows = null;
            } else if (CELLS.contains(name)) {
                endCell();
            } else if (name.equals("tr")) {
                endCell();
                endRow();
            }
            return;
        }
        if (listDepth > 0) {
            if (LISTS.contains(name) && --listDepth == 0) {
                endItem();
                if (!items.isEmpty()) {
                    add(Block.list(items));
                }
                items = null;
            } else if (ITEMS.contains(name)) {
                endItem();
            }
            return;
        }
        if (QUOTES.contains(name)) {
            flush();
            quoteDepth = Math.max(0, quoteDepth - 1);
        } else if (HEADINGS.contains(name) || BLOCK_BOUNDARIES.contains(name) || ITEMS.contains(name)
                || name.equals("credit")) {
            flush();
        }
    }

    public void text(CharSequence chunk) {
        if (skipDepth > 0 || chunk.isEmpty()) {
            return;
        }
        chars += chunk.length();
        if (chars > maxChars) {
            throw new TextLimitExceeded(maxChars);
        }
        append(chunk);
    }

    private void append(CharSequence chunk) {
        if (cell != null) {
            cell.append(chunk);
        } else if (tableDepth > 0) {
            return;
        } else if (item != null) {
            item.append(chunk);
        } else if (listDepth > 0) {
            return;
        } else {
            if (blockType == null) {
                blockType = quoteDepth > 0 ? Block.QUOTE : Block.PARAGRAPH;
            }
            text.append(chunk);
        }
    }

    private void start(String type) {
        flush();
        blockType = quoteDepth > 0 && !type.equals(Block.HEADING) ? Block.QUOTE : type;
    }

    /** Ends the open text block. A paragraph that holds blank lines (plain text inside one element) is split at them. */
    private void flush() {
        if (blockType != null && !text.isEmpty()) {
            if (blockType.equals(Block.HEADING)) {
                addText(Block.HEADING, text);
            } else {
                for (String part : BLANK_LINE.split(text)) {
                    addText(blockType, part);
                }
            }
        }
        text.setLength(0);
        blockType = null;
    }

    private void addText(String type, CharSequence raw) {
        String clean = normalise(raw);
        if (!clean.isEmpty()) {
            add(Block.of(type, clean));
        }
    }

    private void endItem() {
        if (item != null) {
            String clean = normalise(item);
            if (!clean.isEmpty()) {
                items.add(clean);
            }
            item = null;
        }
    }

    private void endCell() {
        if (cell != null) {
            row.add(normalise(cell));
            cell = null;
        }
    }

    private void endRow() {
        if (row != null) {
            if (row.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(row);
            }
            row = null;
        }
    }

    private void add(Block block) {
        blocks.add(block);
    }

    public List<Block> finish() {
        flush();
        if (tableDepth > 0) {
            endCell();
            endRow();
            if (!rows.isEmpty()) {
                add(Block.table(rows));
            }
            tableDepth = 0;
        }
        if (listDepth > 0) {
            endItem();
            if (!items.isEmpty()) {
                add(Block.list(items));
            }
            listDepth = 0;
        }
        return blocks;
    }

    public static String normalise(CharSequence raw) {
        return SPACES.matcher(raw).replaceAll(" ").strip();
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    /** A document whose text grows past the configured limit: a zip bomb or a runaway parser. */
    public static final class TextLimitExceeded extends RuntimeException {
        public final int limit;

        public TextLimitExceeded(int limit) {
            super("text exceeds " + limit + " characters", null, false, false);
            this.limit = limit;
        }
    }
}
