package io.lingowire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.lingowire.article.Block;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.ingest.read.ExtractedItem;
import io.lingowire.ingest.read.Limits;
import io.lingowire.ingest.read.NinjsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A correction written as JSON blocks, the shape the article API answers with:
 * {@code {"title": "…", "byline": "…", "blocks": [{"type": "paragraph", "text": "…"}, {"type": "list", "items": […]}]}}.
 * Any other body is a document to read as ingest reads it.
 */
final class CorrectionBlocks {

    private static final Set<String> TYPES = Set.of(Block.PARAGRAPH, Block.HEADING, Block.QUOTE, Block.LIST,
            Block.TABLE);

    private CorrectionBlocks() {
    }

    /** The correction's item when the body is JSON blocks ({@code application/json} with "blocks"), else null. */
    static ExtractedItem read(byte[] bytes, String declaredType, Limits limits) {
        if (declaredType == null || !declaredType.toLowerCase(Locale.ROOT).startsWith(IngestService.JSON_BLOCKS)) {
            return null;
        }
        JsonNode root = NinjsReader.parse(bytes, limits);
        if (root == null || !root.isObject() || !root.has("blocks")) {
            return null; // JSON of another kind (ninjs): read as a document
        }
        JsonNode blocks = root.get("blocks");
        if (!blocks.isArray() || blocks.isEmpty()) {
            throw ApiProblem.badRequest("invalid-blocks", "'blocks' must be a non-empty array of {type, text}");
        }
        limits.checkItems(blocks.size());
        ExtractedItem item = new ExtractedItem();
        item.title = text(root, "title");
        item.byline = text(root, "byline");
        int chars = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = block(blocks.get(i), i);
            chars += block.items() != null ? block.items().stream().mapToInt(String::length).sum()
                    : block.rows() != null ? block.rows().stream().flatMap(List::stream).mapToInt(String::length).sum()
                    : block.text().length();
            item.blocks.add(block);
        }
        if (chars > limits.maxChars()) {
            throw ApiProblem.unreadable("too-much-text", "The blocks hold " + chars + " characters; at most "
                    + limits.maxChars() + " are accepted");
        }
        return item;
    }

    private static Block block(JsonNode node, int index) {
        String where = "blocks[" + index + "]";
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("invalid-blocks", where + " must be an object {type, text}");
        }
        String type = node.hasNonNull("type") ? node.get("type").asText().toLowerCase(Locale.ROOT) : Block.PARAGRAPH;
        if (!TYPES.contains(type)) {
            throw ApiProblem.badRequest("invalid-blocks", where + ".type '" + type + "' is not one of " + TYPES);
        }
        if (type.equals(Block.LIST)) {
            return Block.list(strings(node.get("items"), where + ".items"));
        }
        if (type.equals(Block.TABLE)) {
            JsonNode rows = node.get("rows");
            if (rows == null || !rows.isArray() || rows.isEmpty()) {
                throw ApiProblem.badRequest("invalid-blocks", where + ".rows must be a non-empty array of arrays");
            }
            List<List<String>> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                out.add(strings(rows.get(r), where + ".rows[" + r + "]"));
            }
            return Block.table(out);
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ApiProblem.badRequest("invalid-blocks", where + ".text must be a non-empty string");
        }
        return Block.of(type, text.asText().strip());
    }

    private static List<String> strings(JsonNode array, String where) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw ApiProblem.badRequest("invalid-blocks", where + " must be a non-empty array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw ApiProblem.badRequest("invalid-blocks", where + " must hold strings only");
            }
            out.add(value.asText().strip());
        }
        return out;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.badRequest("invalid-blocks", "'" + field + "' must be a string");
        }
        return node.asText().isBlank() ? null : node.asText().strip();
    }
}
