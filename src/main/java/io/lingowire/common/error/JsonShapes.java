package io.lingowire.common.error;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request bodies of the wrong shape: a {@code null} inside a list is refused while reading (never a
 * NullPointerException later), and a value of the wrong JSON type is described by the field it is in.
 */
@Singleton
public class JsonShapes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        JsonSetter.Value noNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        for (Class<?> type : List.of(List.class, Set.class, Collection.class, Map.class)) {
            mapper.configOverride(type).setSetterInfo(noNullElements);
        }
    }

    /** The JSON path of the value that did not fit, e.g. {@code formats[0]}; empty for the whole body. */
    static String field(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What was wrong, in the words of the API: "'languages' must be an array". */
    static String detail(MismatchedInputException e) {
        String field = field(e);
        if (e instanceof InvalidNullException) {
            return "'" + field + "' must not be null";
        }
        String expected = expected(e.getTargetType());
        return field.isEmpty() ? "The request body must be " + expected : "'" + field + "' must be " + expected;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
