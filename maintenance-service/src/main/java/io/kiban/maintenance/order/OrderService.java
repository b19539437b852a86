package io.kiban.maintenance.order;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.CustodyItemRepository;
import io.kiban.maintenance.custody.CustodyService;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.custody.ItemSource;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.support.AssetClient;
import io.kiban.maintenance.support.AssetGateway;
import io.kiban.maintenance.support.MediumKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sanitization orders at removal (R-RM-3 through R-MT-3…R-MT-5): the data-bearing media
 * asset-service lists for an environment or for listed hardware each get a custody chain. A medium
 * already tracked (removed in a repair, say) keeps its own chain and is reported as such.
 */
@ApplicationScoped
public class OrderService {

    public record OrderInput(
            @Size(max = 32) String environment,
            @Size(max = 500) List<@Size(max = 64) String> hardwareIds,
            @Size(max = 128) String organisation,
            @Size(max = 2000) String reason) {}

    public record OrderView(
            Long id,
            String organisation,
            String environment,
            List<String> hardwareIds,
            String reason,
            String createdBy,
            Instant createdAt,
            List<ItemView> items,
            List<String> alreadyTracked) {}

    private final OrderRepository orders;
    private final CustodyItemRepository items;
    private final CustodyService custody;
    private final AssetGateway asset;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;

    public OrderService(
            OrderRepository orders,
            CustodyItemRepository items,
            CustodyService custody,
            AssetGateway asset,
            AuditTrail audit,
            Access access,
            Clock clock) {
        this.orders = orders;
        this.items = items;
        this.custody = custody;
        this.asset = asset;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public OrderView create(OrderInput input) {
        boolean hasEnv = input.environment() != null && !input.environment().isBlank();
        List<String> hardware = input.hardwareIds() == null ? List.of() : input.hardwareIds();
        if (hasEnv == !hardware.isEmpty()) {
            throw ProblemException.badField(
                    "environment", "name either an environment or a list of hardwareIds");
        }
        String organisation = access.owningOrganisation(input.organisation());
        // a vendor opens orders only for hardware its organisation maintains (404 otherwise, as for
        // unknown hardware)
        if (hasEnv) {
            custody.requireMaintainedByCaller("of environment " + input.environment());
        } else {
            hardware.forEach(custody::requireMaintainedByCaller);
        }
        // fetch first: if asset-service is down, nothing is written (503)
        Map<String, AssetClient.Medium> media = new LinkedHashMap<>();
        if (hasEnv) {
            asset.media(input.environment(), null).forEach(m -> put(media, m));
        } else {
            for (String hw : hardware) {
                asset.media(null, hw).forEach(m -> put(media, m));
            }
        }
        SanitizationOrder order = new SanitizationOrder();
        order.organisation = organisation;
        order.environment = hasEnv ? input.environment() : null;
        order.hardwareIds = hardware.isEmpty() ? null : String.join(",", hardware);
        order.reason = input.reason();
        order.createdBy = access.actor();
        order.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        orders.persist(order);
        orders.flush();
        List<String> alreadyTracked = new ArrayList<>();
        for (AssetClient.Medium m : media.values()) {
            MediumKind kind = MediumKind.parse(m.kind());
            boolean dataBearing =
                    m.dataBearing() != null
                            ? m.dataBearing()
                            : kind.dataBearing() || kind == MediumKind.OTHER;
            if (!dataBearing) {
                continue;
            }
            if (items.bySerial(m.serial()).isPresent()) {
                alreadyTracked.add(m.serial());
                continue;
            }
            CustodyItem item = new CustodyItem();
            item.organisation = organisation;
            item.source = ItemSource.ORDER;
            item.orderId = order.id;
            item.hardwareId = m.hardwareId() == null ? null : String.valueOf(m.hardwareId());
            item.kind = kind;
            item.make = m.make();
            item.model = m.model();
            item.serial = m.serial();
            item.environment = m.environment() != null ? m.environment() : order.environment;
            item.status = CustodyStatus.REMOVED_ON_SITE;
            custody.track(item, null, "on site", "sanitization order " + order.id);
        }
        OrderView view = view(order, alreadyTracked);
        audit.append("create-sanitization-order", "sanitization-order", order.id, view);
        return view;
    }

    public OrderView get(long id) {
        SanitizationOrder order =
                access.visible(
                        orders.findByIdOptional(id), o -> o.organisation, "sanitization order", id);
        return view(order, List.of());
    }

    public Page<OrderView> list(PageRequest page) {
        var query =
                access.scope()
                        .map(org -> orders.find("organisation = ?1 order by id", org))
                        .orElseGet(() -> orders.find("order by id"))
                        .page(page.page(), page.size());
        List<SanitizationOrder> found = query.list();
        // #16 §3: the media of the whole page in one select (was one select per order)
        Map<Long, List<ItemView>> trackedBy =
                found.isEmpty()
                        ? Map.of()
                        : items
                                .list(
                                        "orderId in ?1 order by id",
                                        found.stream().map(o -> o.id).toList())
                                .stream()
                                .collect(
                                        Collectors.groupingBy(
                                                i -> i.orderId,
                                                Collectors.mapping(
                                                        ItemView::of, Collectors.toList())));
        return new Page<>(
                found.stream()
                        .map(o -> view(o, trackedBy.getOrDefault(o.id, List.of()), List.of()))
                        .toList(),
                query.count(),
                page);
    }

    private OrderView view(SanitizationOrder o, List<String> alreadyTracked) {
        return view(
                o,
                items.list("orderId = ?1 order by id", o.id).stream().map(ItemView::of).toList(),
                alreadyTracked);
    }

    private static OrderView view(
            SanitizationOrder o, List<ItemView> tracked, List<String> alreadyTracked) {
        return new OrderView(
                o.id,
                o.organisation,
                o.environment,
                o.hardwareIds == null ? List.of() : List.of(o.hardwareIds.split(",")),
                o.reason,
                o.createdBy,
                o.createdAt,
                tracked,
                alreadyTracked);
    }

    private static void put(Map<String, AssetClient.Medium> media, AssetClient.Medium m) {
        if (m != null && m.serial() != null && !m.serial().isBlank()) {
            media.putIfAbsent(m.serial().trim(), m);
        }
    }
}
