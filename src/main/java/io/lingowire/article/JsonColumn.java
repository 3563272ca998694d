package io.lingowire.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** Structured columns stored as JSON text, portable between H2 and MySQL (CLOB / LONGTEXT). */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final TypeReference<T> type;

    protected JsonColumn(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column", e);
        }
    }

    @Converter
    public static class Blocks extends JsonColumn<List<Block>> {
        public Blocks() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Chain extends JsonColumn<List<SourceRef>> {
        public Chain() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Strings extends JsonColumn<List<String>> {
        public Strings() {
            super(new TypeReference<>() {
            });
        }
    }
}
