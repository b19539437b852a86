package io.kiban.asset.ledger;

import io.kiban.asset.ledger.LedgerDtos.DomainInput;
import io.kiban.asset.ledger.LedgerDtos.DomainView;
import io.kiban.asset.ledger.LedgerDtos.ExternalServiceInput;
import io.kiban.asset.ledger.LedgerDtos.ExternalServiceView;
import io.kiban.asset.ledger.LedgerDtos.FacilityInput;
import io.kiban.asset.ledger.LedgerDtos.FacilityView;
import io.kiban.asset.ledger.LedgerDtos.InformationInput;
import io.kiban.asset.ledger.LedgerDtos.InformationView;
import io.kiban.asset.ledger.LedgerDtos.LineInput;
import io.kiban.asset.ledger.LedgerDtos.LineView;
import io.kiban.asset.ledger.LedgerDtos.ScheduleItemInput;
import io.kiban.asset.ledger.LedgerDtos.ScheduleItemView;
import io.kiban.asset.ledger.LedgerDtos.SecurityRequirementInput;
import io.kiban.asset.ledger.LedgerDtos.SecurityRequirementView;
import io.kiban.asset.ledger.LedgerDtos.WorkRecordInput;
import io.kiban.asset.ledger.LedgerDtos.WorkRecordView;
import io.kiban.asset.support.LedgerCategory;
import io.kiban.commons.problem.ProblemException;
import java.time.LocalDate;

/**
 * Sheets 3–8, 11 and 12: the flat ledger categories kept by {@link
 * io.kiban.asset.support.LedgerStore}. Each says how an input is applied (with the checks bean
 * validation cannot make) and how a record is shown.
 */
public final class LedgerCategories {

    public static final LedgerCategory<NetworkLine, LineInput, LineView> LINES =
            new LedgerCategory<>(
                    NetworkLine.class,
                    "line",
                    NetworkLine::new,
                    LedgerCategories::apply,
                    LedgerCategories::view);

    public static final LedgerCategory<PublicDomain, DomainInput, DomainView> DOMAINS =
            new LedgerCategory<>(
                    PublicDomain.class,
                    "public-domain",
                    PublicDomain::new,
                    LedgerCategories::apply,
                    LedgerCategories::view);

    public static final LedgerCategory<HandledInformation, InformationInput, InformationView>
            INFORMATION =
                    new LedgerCategory<>(
                            HandledInformation.class,
                            "handled-information",
                            HandledInformation::new,
                            LedgerCategories::apply,
                            LedgerCategories::view);

    public static final LedgerCategory<ExternalService, ExternalServiceInput, ExternalServiceView>
            EXTERNAL_SERVICES =
                    new LedgerCategory<>(
                            ExternalService.class,
                            "external-service",
                            ExternalService::new,
                            LedgerCategories::apply,
                            LedgerCategories::view);

    public static final LedgerCategory<Facility, FacilityInput, FacilityView> FACILITIES =
            new LedgerCategory<>(
                    Facility.class,
                    "facility",
                    Facility::new,
                    LedgerCategories::apply,
                    LedgerCategories::view);

    public static final LedgerCategory<
                    SecurityRequirement, SecurityRequirementInput, SecurityRequirementView>
            SECURITY_REQUIREMENTS =
                    new LedgerCategory<>(
                            SecurityRequirement.class,
                            "security-requirement",
                            SecurityRequirement::new,
                            LedgerCategories::apply,
                            LedgerCategories::view);

    public static final LedgerCategory<WorkRecord, WorkRecordInput, WorkRecordView> WORK_RECORDS =
            new LedgerCategory<>(
                    WorkRecord.class,
                    "work-record",
                    WorkRecord::new,
                    LedgerCategories::apply,
                    LedgerCategories::view);

    public static final LedgerCategory<ScheduleItem, ScheduleItemInput, ScheduleItemView> SCHEDULE =
            new LedgerCategory<>(
                    ScheduleItem.class,
                    "schedule-item",
                    ScheduleItem::new,
                    LedgerCategories::apply,
                    LedgerCategories::view);

    private LedgerCategories() {}

    static void period(LocalDate from, LocalDate until, String field) {
        if (from != null && until != null && until.isBefore(from)) {
            throw ProblemException.badField(field, "is before the start");
        }
    }

    static void apply(NetworkLine l, LineInput in) {
        if (in.usedFrom() != null
                && in.usedUntil() != null
                && in.usedUntil().isBefore(in.usedFrom())) {
            throw ProblemException.badField("usedUntil", "is before usedFrom");
        }
        l.lineType = in.lineType();
        l.serviceName = in.serviceName();
        l.carrier = in.carrier();
        l.usedFrom = in.usedFrom();
        l.usedUntil = in.usedUntil();
        l.bandwidth = in.bandwidth();
    }

    public static LineView view(NetworkLine l) {
        return new LineView(
                l.id,
                l.lineType,
                l.serviceName,
                l.carrier,
                l.usedFrom,
                l.usedUntil,
                l.bandwidth,
                l.version);
    }

    static void apply(PublicDomain d, DomainInput in) {
        d.name = in.name();
        d.dnsName = in.dnsName().toLowerCase();
        d.expiresOn = in.expiresOn();
    }

    public static DomainView view(PublicDomain d) {
        return new DomainView(d.id, d.name, d.dnsName, d.expiresOn, d.version);
    }

    static void apply(HandledInformation i, InformationInput in) {
        i.name = in.name();
        i.personalData = in.personalData();
        i.confidentiality = in.confidentiality();
        i.integrity = in.integrity();
        i.availability = in.availability();
    }

    public static InformationView view(HandledInformation i) {
        return new InformationView(
                i.id,
                i.name,
                i.personalData,
                i.confidentiality,
                i.integrity,
                i.availability,
                "機密性" + i.confidentiality + " 完全性" + i.integrity + " 可用性" + i.availability,
                i.version);
    }

    static void apply(ExternalService e, ExternalServiceInput in) {
        period(in.usedFrom(), in.usedUntil(), "usedUntil");
        e.name = in.name();
        e.usageForm = in.usageForm();
        e.usedFrom = in.usedFrom();
        e.usedUntil = in.usedUntil();
    }

    public static ExternalServiceView view(ExternalService e) {
        return new ExternalServiceView(
                e.id, e.name, e.usageForm, e.usedFrom, e.usedUntil, e.version);
    }

    static void apply(Facility f, FacilityInput in) {
        f.name = in.name();
        f.form = in.form();
        f.address = in.address();
        f.durability = in.durability();
        f.rackCount = in.rackCount();
        f.racks = in.racks();
        f.zones = in.zones();
    }

    public static FacilityView view(Facility f) {
        return new FacilityView(
                f.id,
                f.name,
                f.form,
                f.address,
                f.durability,
                f.rackCount,
                f.racks,
                f.zones,
                f.version);
    }

    static void apply(SecurityRequirement r, SecurityRequirementInput in) {
        if (in.status() != ComplianceStatus.IMPLEMENTED
                && (in.note() == null || in.note().isBlank())) {
            throw ProblemException.badField(
                    "note", "a reason is required when the status is " + in.status());
        }
        r.code = in.code();
        r.requirement = in.requirement();
        r.status = in.status();
        r.note = in.note();
    }

    public static SecurityRequirementView view(SecurityRequirement r) {
        return new SecurityRequirementView(
                r.id, r.code, r.requirement, r.status, r.note, r.version);
    }

    static void apply(WorkRecord w, WorkRecordInput in) {
        w.kind = in.kind();
        w.recordedOn = in.recordedOn();
        w.title = in.title();
        w.description = in.description();
        w.owner = in.owner();
        w.state = in.state();
        w.dueOn = in.dueOn();
    }

    public static WorkRecordView view(WorkRecord w) {
        return new WorkRecordView(
                w.id,
                w.kind,
                w.recordedOn,
                w.title,
                w.description,
                w.owner,
                w.state,
                w.dueOn,
                w.version);
    }

    static void apply(ScheduleItem s, ScheduleItemInput in) {
        period(in.plannedStart(), in.plannedEnd(), "plannedEnd");
        period(in.actualStart(), in.actualEnd(), "actualEnd");
        s.task = in.task();
        s.plannedStart = in.plannedStart();
        s.plannedEnd = in.plannedEnd();
        s.actualStart = in.actualStart();
        s.actualEnd = in.actualEnd();
        s.plannedEffort = in.plannedEffort();
        s.actualEffort = in.actualEffort();
    }

    public static ScheduleItemView view(ScheduleItem s) {
        return new ScheduleItemView(
                s.id,
                s.task,
                s.plannedStart,
                s.plannedEnd,
                s.actualStart,
                s.actualEnd,
                s.plannedEffort,
                s.actualEffort,
                s.version);
    }
}
