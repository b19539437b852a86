package io.kiban.asset.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Parsing helpers for imported files: every problem is a 400 naming the first bad place (a JSON
 * path).
 */
public final class ImportProblems {

    private ImportProblems() {}

    public static JsonNode read(ObjectMapper json, InputStream body) {
        if (body == null) {
            throw ProblemException.of(ProblemType.BAD_REQUEST, "the file is empty");
        }
        JsonParser parser = null;
        try {
            parser = json.createParser(body);
            JsonNode root = json.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw ProblemException.of(ProblemType.MALFORMED_JSON, "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            // limits (nesting depth, number length) throw without a location: the parser still
            // knows where it is
            JsonLocation loc =
                    e.getLocation() != null
                            ? e.getLocation()
                            : parser == null ? null : parser.currentLocation();
            String where =
                    loc == null
                            ? ""
                            : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw ProblemException.of(
                    ProblemType.MALFORMED_JSON,
                    "the file is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.BAD_REQUEST, "the file could not be read: " + e.getMessage());
        }
    }

    public static ProblemException bad(String path, String message) {
        return new ProblemException(
                ProblemType.VALIDATION,
                path + ": " + message,
                null,
                List.of(new Problem.FieldError(path, message)),
                null);
    }

    /**
     * The longest version string an import accepts (issue 15 item 10): longer → 400 naming its JSON
     * path.
     */
    public static final int MAX_VERSION = 128;

    public static String text(
            JsonNode node, String field, String path, boolean required, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(path + "." + field, "is required");
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw bad(path + "." + field, "must be a string");
        }
        String s = v.asText();
        if (required && s.isBlank()) {
            throw bad(path + "." + field, "must not be blank");
        }
        if (s.length() > maxLength) {
            throw bad(path + "." + field, "is longer than " + maxLength + " characters");
        }
        return s.isBlank() ? null : s;
    }

    public static LocalDate date(JsonNode v, String path) {
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw bad(path, "must be a date (YYYY-MM-DD) or a boolean, got " + v);
        }
    }
}
