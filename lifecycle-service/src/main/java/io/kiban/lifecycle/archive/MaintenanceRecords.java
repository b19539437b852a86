package io.kiban.lifecycle.archive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * R-RM-4: what the archive reads in maintenance-service's records ({@code GET
 * /exports/records.json}, from the copy saved while it was zipped), with a streaming parser: the
 * evidence files to fetch and check, and the media whose destruction evidence was accepted. Records
 * that are not what they should be fail the archive (503).
 */
@ApplicationScoped
class MaintenanceRecords {

    private static final Logger LOG = Logger.getLogger(MaintenanceRecords.class);

    /**
     * The service whose records list evidence files ({@code evidence[].files[].sha256}) and serves
     * them by SHA-256.
     */
    static final String SERVICE = "maintenance";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ObjectMapper mapper;

    MaintenanceRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The SHA-256 of every evidence file in maintenance-service's records ({@code
     * evidence[].files[].sha256}), read with a streaming parser from the copy of the records.
     */
    SortedSet<String> evidenceFiles(String service, Path records) {
        SortedSet<String> shas = new TreeSet<>();
        try (JsonParser p = mapper.getFactory().createParser(records.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME || !"sha256".equals(p.currentName())) {
                    continue;
                }
                // evidence (root field) → [ ] → { files } → [ ] → { sha256 }
                JsonStreamContext file = p.getParsingContext();
                JsonStreamContext evidence =
                        file.getParent() == null ? null : file.getParent().getParent();
                JsonStreamContext root =
                        evidence == null || evidence.getParent() == null
                                ? null
                                : evidence.getParent().getParent();
                if (!"files".equals(evidence == null ? null : evidence.getCurrentName())
                        || root == null
                        || root.getParent() == null
                        || !root.getParent().inRoot()
                        || !"evidence".equals(root.getCurrentName())) {
                    continue;
                }
                String sha = p.nextTextValue();
                if (sha == null || !SHA256.matcher(sha).matches()) {
                    throw ProblemException.of(
                            ProblemType.DEPENDENCY_UNAVAILABLE,
                            service
                                    + " listed an evidence file without a valid SHA-256 in its records; no archive was made");
                }
                shas.add(sha);
            }
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    service + " answered records that are not JSON; no archive was made");
        }
        return shas;
    }

    /**
     * The serials of the custody items that were EVIDENCE_ACCEPTED in maintenance-service's records
     * ({@code custodyItems[].serial/status}): the media whose destruction proof this archive holds
     * (R-RM-4).
     */
    SortedSet<String> acceptedMedia(String service, Path records) {
        SortedSet<String> serials = new TreeSet<>();
        try (JsonParser p = mapper.getFactory().createParser(records.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return serials;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"custodyItems".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                ObjectReader reader =
                        mapper.readerFor(JsonNode.class)
                                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode item = reader.readValue(p);
                    if ("EVIDENCE_ACCEPTED".equals(item.path("status").asText())
                            && item.hasNonNull("serial")) {
                        serials.add(item.get("serial").asText());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf(
                    "R-RM-4: %s's records could not be read for the accepted media: %s",
                    service, e.toString());
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    service
                            + " answered records that are not JSON (custodyItems); no archive was made");
        }
        return serials;
    }
}
