package io.kiban.lifecycle.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.time.ClockProducer;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.delivery.DeliveryDtos.ExtensionInput;
import io.kiban.lifecycle.delivery.DeliveryDtos.ExtensionView;
import io.kiban.lifecycle.delivery.DeliveryDtos.Line;
import io.kiban.lifecycle.delivery.DeliveryDtos.LineStatus;
import io.kiban.lifecycle.delivery.DeliveryDtos.Status;
import io.kiban.lifecycle.support.AssetClient;
import io.kiban.lifecycle.support.AssetClient.HardwareFact;
import io.kiban.lifecycle.support.Environment;
import io.kiban.lifecycle.support.PagedList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Deliveries (R-LC-2) and item-level extensions (R-LC-3). The delivery facts live in asset-service
 * (hardware with status, deliveredOn, baselineItem); this service stores only the extensions and
 * derives the status per baseline line (environment × baseline item).
 */
@ApplicationScoped
public class DeliveryService {

    private final ExtensionSeals seals;
    private final ExtensionRepository extensions;
    private final ContractService contracts;
    private static final String ASSET = "asset-service";

    private final AssetClient asset;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public DeliveryService(
            ExtensionRepository extensions,
            ContractService contracts,
            @RestClient AssetClient asset,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            ExtensionSeals seals,
            ObjectMapper json) {
        this.json = json;
        this.seals = seals;
        this.extensions = extensions;
        this.contracts = contracts;
        this.asset = asset;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtensionView> list() {
        return extensions.list("order by id").stream().map(DeliveryService::view).toList();
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExtensionView get(long id) {
        return view(find(id));
    }

    /**
     * R-LC-3: a cause, an explanation, a new date after the deadline and no later than the
     * extension limit.
     */
    @Transactional
    public ExtensionView propose(ExtensionInput in) {
        contracts.requireContractedVendor("proposes delivery extensions");
        Environment env = in.environment();
        Contract c = contracts.contract();
        if (in.explanation() == null || in.explanation().isBlank()) {
            throw ProblemException.rule(
                    "R-LC-3",
                    "an extension needs the unavoidable cause explained to JPO (explanation)");
        }
        if (!in.newDate().isAfter(c.deliveryDeadline)) {
            throw ProblemException.rule(
                    "R-LC-3",
                    "an extension moves the date past the delivery deadline " + c.deliveryDeadline);
        }
        if (in.newDate().isAfter(c.extensionLimit)) {
            throw ProblemException.rule(
                    "R-LC-3",
                    "a delivery can be extended to " + c.extensionLimit + " at the latest");
        }
        requireBaselineLine(env, in.baselineItem());
        DeliveryExtension e = new DeliveryExtension();
        e.environment = env;
        e.baselineItem = in.baselineItem();
        e.cause = in.cause();
        e.explanation = in.explanation();
        e.newDate = in.newDate();
        e.status = DeliveryExtension.Status.PROPOSED;
        e.proposedBy = caller.name();
        e.proposedById = caller.id();
        e.proposedAt = clock.instant();
        extensions.persist(e);
        extensions.flush();
        ExtensionView view = view(e);
        audit.append("propose", "delivery-extension", e.id, view);
        return view;
    }

    /**
     * Approves or rejects a proposed extension. R-SEC-2: the version reviewed (If-Match, 428/412)
     * and never by the account that proposed it (403). R-LC-3: an approval counts only when
     * recorded (server time, JPO calendar) no later than the original deadline of the line (the
     * delivery deadline); recorded later → 422 and nothing changes.
     */
    @Transactional
    public ExtensionView decide(long id, boolean approve, String ifMatch) {
        DeliveryExtension e = find(id);
        ETags.check(ifMatch, e.version);
        if (e.status != DeliveryExtension.Status.PROPOSED) {
            throw ProblemException.rule(
                    "R-LC-3", "extension " + id + " was already decided (" + e.status + ")");
        }
        caller.requireNotSelf("R-SEC-2", e.proposedById, e.proposedBy, "proposed extension " + id);
        Contract c = contracts.contract();
        java.time.Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ClockProducer.JPO_ZONE);
        if (approve && today.isAfter(c.deliveryDeadline)) {
            throw ProblemException.rule(
                    "R-LC-3",
                    "an extension is approved before the original deadline "
                            + c.deliveryDeadline
                            + " of the line ("
                            + ReiwaDates.format(c.deliveryDeadline)
                            + "); an approval recorded on "
                            + today
                            + " does not permit the late delivery");
        }
        if (approve
                && extensions.count(
                                "environment = ?1 and baselineItem = ?2 and status = ?3",
                                e.environment,
                                e.baselineItem,
                                DeliveryExtension.Status.APPROVED)
                        > 0) {
            throw ProblemException.rule("R-LC-3", "this line already has an approved extension");
        }
        e.status = approve ? DeliveryExtension.Status.APPROVED : DeliveryExtension.Status.REJECTED;
        e.decidedBy = caller.name();
        e.decidedById = caller.id();
        e.decidedAt = now;
        e.auditMac = seals.seal(approve ? "approve" : "reject", e); // #15 item 7
        extensions.flush();
        return view(e);
    }

    /**
     * R-LC-3: an extension is for a line of the baseline, as asset-service holds it (service
     * token): an unknown line is 422 naming {@code baselineItem}; when asset-service cannot say,
     * 503 and nothing is written.
     */
    private void requireBaselineLine(Environment env, String item) {
        List<AssetClient.BaselineLine> lines;
        try {
            lines = baseline(env);
        } catch (Remote.Failure | RemoteList.Incomplete e) {
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "the baseline line could not be checked: "
                            + e.getMessage()
                            + "; nothing was recorded");
        }
        boolean known =
                lines != null
                        && lines.stream()
                                .anyMatch(
                                        l ->
                                                item.equals(l.itemCode())
                                                        && env.name().equals(l.environment()));
        if (!known) {
            String elsewhere =
                    lines == null
                            ? ""
                            : lines.stream()
                                    .filter(l -> item.equals(l.itemCode()))
                                    .map(l -> " (it is a line of " + l.environment() + ")")
                                    .findFirst()
                                    .orElse("");
            throw new ProblemException(
                    ProblemType.RULE_VIOLATION,
                    "R-LC-3: an extension is for a line of the "
                            + env
                            + " baseline; asset-service has no line "
                            + item
                            + elsewhere,
                    "R-LC-3",
                    List.of(
                            new Problem.FieldError(
                                    "baselineItem",
                                    "no baseline line " + item + " in " + env + elsewhere)),
                    null);
        }
    }

    /**
     * Per baseline line: on time, late, extended on time, extended late (or still pending); whether
     * R-LC-2 was met.
     */
    // #16 §3: a read writes nothing: no JTA transaction
    // (asset-service's answers are read, never stored, so no transaction spans the calls)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status() {
        try {
            return statusFromAssetFacts();
        } catch (Remote.Failure | RemoteList.Incomplete e) {
            // asset-service did not answer, or its pages did not add up: 503 naming it
            throw ProblemException.of(ProblemType.DEPENDENCY_UNAVAILABLE, e.getMessage());
        }
    }

    private Status statusFromAssetFacts() {
        Contract c = contracts.contract();
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        // R-LC-3: only an approval recorded by the original deadline permits the late delivery
        List<DeliveryExtension> approved =
                extensions.list("status", DeliveryExtension.Status.APPROVED).stream()
                        .filter(
                                x ->
                                        x.decidedAt != null
                                                && !LocalDate.ofInstant(
                                                                x.decidedAt, ClockProducer.JPO_ZONE)
                                                        .isAfter(c.deliveryDeadline))
                        .toList();
        List<Line> lines = new ArrayList<>();
        for (Environment env : Environment.values()) {
            Map<String, List<HardwareFact>> byItem = new TreeMap<>();
            Map<String, Integer> required = required(env);
            required.keySet().forEach(item -> byItem.put(item, new ArrayList<>()));
            for (HardwareFact h : hardware(env)) {
                if (h.baselineItem() != null) {
                    byItem.computeIfAbsent(h.baselineItem(), k -> new ArrayList<>()).add(h);
                }
            }
            for (var entry : byItem.entrySet()) {
                List<HardwareFact> items = entry.getValue();
                int needed = Math.max(required.getOrDefault(entry.getKey(), items.size()), 1);
                List<LocalDate> dates =
                        items.stream()
                                .filter(
                                        h ->
                                                h.deliveredOn() != null
                                                        && !"ORDERED".equals(h.status()))
                                .map(HardwareFact::deliveredOn)
                                .sorted()
                                .toList();
                // the line is delivered on the day its last required item arrived
                LocalDate deliveredOn = dates.size() >= needed ? dates.get(needed - 1) : null;
                Optional<DeliveryExtension> ext =
                        approved.stream()
                                .filter(
                                        x ->
                                                x.environment == env
                                                        && x.baselineItem.equals(entry.getKey()))
                                .findFirst();
                LocalDate deadline = ext.map(x -> x.newDate).orElse(c.deliveryDeadline);
                LineStatus status;
                if (deliveredOn != null) {
                    status =
                            !deliveredOn.isAfter(c.deliveryDeadline)
                                    ? LineStatus.ON_TIME
                                    : ext.isEmpty()
                                            ? LineStatus.LATE
                                            : deliveredOn.isAfter(deadline)
                                                    ? LineStatus.EXTENDED_LATE
                                                    : LineStatus.EXTENDED_ON_TIME;
                } else if (today.isAfter(deadline)) {
                    status = ext.isEmpty() ? LineStatus.LATE : LineStatus.EXTENDED_LATE;
                } else {
                    status = ext.isEmpty() ? LineStatus.PENDING : LineStatus.EXTENDED_PENDING;
                }
                lines.add(
                        new Line(
                                env,
                                entry.getKey(),
                                needed,
                                dates.size(),
                                deliveredOn,
                                deadline,
                                ReiwaDates.format(deadline),
                                ext.map(x -> x.id).orElse(null),
                                status));
            }
        }
        boolean met =
                !lines.isEmpty() && lines.stream().allMatch(l -> l.status() == LineStatus.ON_TIME);
        boolean metWithExtensions =
                !lines.isEmpty()
                        && lines.stream()
                                .allMatch(
                                        l ->
                                                l.status() == LineStatus.ON_TIME
                                                        || l.status()
                                                                == LineStatus.EXTENDED_ON_TIME);
        return new Status(c.deliveryDeadline, c.extensionLimit, met, metWithExtensions, lines);
    }

    /**
     * Required quantity per baseline line of this environment (asset-service conformance, R-AS-1).
     * The conformance of PRODUCTION or STAGING also shows the SHARED distribution board; it is
     * counted once, under SHARED, not invented as a line of each environment.
     */
    private Map<String, Integer> required(Environment env) {
        JsonNode conformance =
                Remote.call(
                        ASSET,
                        "GET /baseline/conformance?environment=" + env,
                        () -> asset.conformance(env.name()));
        Map<String, Integer> required = new TreeMap<>();
        if (conformance != null) {
            for (JsonNode line : conformance.path("lines")) {
                if (line.hasNonNull("itemCode")
                        && env.name().equals(line.path("environment").asText(env.name()))) {
                    required.put(line.get("itemCode").asText(), line.path("required").asInt(0));
                }
            }
        }
        return required;
    }

    /**
     * asset-service's paged baseline, read to the end ({@link PagedList}: fewer lines than {@code
     * X-Total-Count} announced is no answer, never a shorter baseline).
     */
    private List<AssetClient.BaselineLine> baseline(Environment env) {
        return PagedList.readAll(
                        ASSET,
                        "GET /baseline?environment=" + env,
                        p -> asset.baseline(env.name(), p, PagedList.PAGE_SIZE),
                        PagedList::array)
                .stream()
                .map(n -> json.convertValue(n, AssetClient.BaselineLine.class))
                .toList();
    }

    /**
     * asset-service's hardware of one environment, every page ({@link PagedList}: a list shorter
     * than announced is no answer, so no delivered item goes missing from the status).
     */
    private List<HardwareFact> hardware(Environment env) {
        return PagedList.readAll(
                        ASSET,
                        "GET /hardware?environment=" + env,
                        p -> asset.hardware(env.name(), p, PagedList.PAGE_SIZE),
                        PagedList::array)
                .stream()
                .map(n -> json.convertValue(n, HardwareFact.class))
                .toList();
    }

    private DeliveryExtension find(long id) {
        return extensions
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("delivery extension", id));
    }

    private static ExtensionView view(DeliveryExtension e) {
        return new ExtensionView(
                e.id,
                e.environment,
                e.baselineItem,
                e.cause,
                e.explanation,
                e.newDate,
                ReiwaDates.format(e.newDate),
                e.status,
                e.proposedBy,
                e.proposedAt,
                e.decidedBy,
                e.decidedAt,
                e.version);
    }
}
