package io.kccommunity.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.kccommunity.support.Causes;
import java.util.List;

/**
 * Why Jackson refused a body, said in terms of the JSON that was sent: the path of the field and the
 * kind of value it takes. Jackson's own messages name Java classes and settings, so none is passed on.
 */
final class JsonErrors {

    private static final int MAX_NAME = 40;

    private JsonErrors() {
    }

    static String describe(JacksonException e, JavaType root, String rootName) {
        if (find(e, StreamConstraintsException.class) != null) {
            return "The request body is nested more than " + JsonBody.MAX_DEPTH + " levels deep or holds a number of more than "
                    + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits";
        }
        StreamReadException syntax = find(e, StreamReadException.class);
        if (syntax != null && !(syntax instanceof InputCoercionException)) {
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return syntax instanceof JsonEOFException
                    ? "The request body ends before its JSON value does" + where
                    : "The request body is not valid JSON" + where;
        }
        if (e instanceof InvalidDefinitionException) {
            // a type of ours Jackson cannot build: our bug, not the caller's
            throw new IllegalStateException(e);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(rootName, unknown.getPath()) + "'";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<Reference> path = mapping.getPath();
            String what = path.get(path.size() - 1).getFieldName() != null ? "Field" : "Item";
            return what + " '" + path(rootName, path) + "' must be " + kind(typeAt(root, path));
        }
        return "The request body must be " + kind(root);
    }

    /** What a value of {@code type} is in JSON: "a string", "an array of strings", "an object", ... */
    static String kind(JavaType type) {
        return kind(type, false);
    }

    private static String kind(JavaType type, boolean plural) {
        if (type == null) {
            return plural ? "values of another kind" : "a value of another kind";
        }
        Class<?> raw = type.getRawClass();
        if (CharSequence.class.isAssignableFrom(raw)) {
            return plural ? "strings" : "a string";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == Integer.class || raw == int.class) {
            return (plural ? "whole numbers" : "a whole number") + " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (raw == Long.class || raw == long.class) {
            return (plural ? "whole numbers" : "a whole number") + " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return plural ? "numbers" : "a number";
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return (plural ? "arrays of " : "an array of ") + kind(type.getContentType(), true);
        }
        if (type.isMapLikeType()) {
            return (plural ? "objects" : "an object") + " whose values are " + kind(type.getContentType(), true);
        }
        return plural ? "objects" : "an object";
    }

    /** The declared type at {@code path} below {@code root}, with its generics; null when the path leaves our types. */
    private static JavaType typeAt(JavaType root, List<Reference> path) {
        JavaType type = root;
        for (Reference step : path) {
            if (type == null) {
                return null;
            }
            if (type.isContainerType()) {
                type = type.getContentType();
            } else if (step.getFieldName() != null) {
                type = JsonBody.MAPPER.getDeserializationConfig().introspect(type).findProperties().stream()
                        .filter(p -> p.getName().equals(step.getFieldName()))
                        .map(BeanPropertyDefinition::getPrimaryType)
                        .findFirst().orElse(null);
            } else {
                return null;
            }
        }
        return type;
    }

    /** {@code roles.guru.promotion}, {@code events[3].reason}; names the caller chose are shortened. */
    private static String path(String rootName, List<Reference> path) {
        StringBuilder out = new StringBuilder(rootName);
        for (Reference step : path) {
            if (step.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(printable(step.getFieldName()));
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * A field name as the caller sent it, shortened, with control characters and lone surrogates
     * (which an escape can put in a name) replaced: the error is itself written as JSON.
     */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_NAME).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c));
        return name.codePointCount(0, name.length()) > MAX_NAME ? out + "..." : out.toString();
    }

    private static <X extends Throwable> X find(Throwable failure, Class<X> kind) {
        return Causes.of(failure).stream().filter(kind::isInstance).map(kind::cast).findFirst().orElse(null);
    }
}
