package io.kiban.asset.ledger;

import io.kiban.asset.ledger.MoreLedgerDtos.*;
import io.kiban.asset.support.SimpleLedger;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** Sheets 4, 5, 8, 11 and 12: flat ledger categories. */
public final class MoreLedgerServices {

    private MoreLedgerServices() {
    }

    static void period(LocalDate from, LocalDate until, String field) {
        if (from != null && until != null && until.isBefore(from)) {
            throw ProblemException.badField(field, "is before the start");
        }
    }

    static void check(Object in) {
        if (in instanceof ExternalServiceInput e) {
            period(e.usedFrom(), e.usedUntil(), "usedUntil");
        } else if (in instanceof ScheduleItemInput s) {
            period(s.plannedStart(), s.plannedEnd(), "plannedEnd");
            period(s.actualStart(), s.actualEnd(), "actualEnd");
        } else if (in instanceof SecurityRequirementInput r && r.status() != ComplianceStatus.IMPLEMENTED
                && (r.note() == null || r.note().isBlank())) {
            throw ProblemException.badField("note", "a reason is required when the status is " + r.status());
        }
    }

    @ApplicationScoped
    public static class ExternalServiceRepository implements PanacheRepository<ExternalService> {
    }

    @ApplicationScoped
    public static class ExternalServices extends SimpleLedger<ExternalService, ExternalServiceInput, ExternalServiceView> {
        protected ExternalServices() {
        }

        @Inject
        public ExternalServices(ExternalServiceRepository repository, AuditTrail audit) {
            super(repository, audit, "external-service");
        }

        @Override
        protected ExternalService create() {
            return new ExternalService();
        }

        @Override
        protected void apply(ExternalService e, ExternalServiceInput in) {
            check(in);
            e.name = in.name();
            e.usageForm = in.usageForm();
            e.usedFrom = in.usedFrom();
            e.usedUntil = in.usedUntil();
        }

        @Override
        protected ExternalServiceView view(ExternalService e) {
            return new ExternalServiceView(e.id, e.name, e.usageForm, e.usedFrom, e.usedUntil, e.version);
        }

        @Override
        protected Long id(ExternalService e) {
            return e.id;
        }

        @Override
        protected long version(ExternalService e) {
            return e.version;
        }
    }

    @ApplicationScoped
    public static class FacilityRepository implements PanacheRepository<Facility> {
    }

    @ApplicationScoped
    public static class Facilities extends SimpleLedger<Facility, FacilityInput, FacilityView> {
        protected Facilities() {
        }

        @Inject
        public Facilities(FacilityRepository repository, AuditTrail audit) {
            super(repository, audit, "facility");
        }

        @Override
        protected Facility create() {
            return new Facility();
        }

        @Override
        protected void apply(Facility e, FacilityInput in) {
            check(in);
            e.name = in.name();
            e.form = in.form();
            e.address = in.address();
            e.durability = in.durability();
            e.rackCount = in.rackCount();
            e.racks = in.racks();
            e.zones = in.zones();
        }

        @Override
        protected FacilityView view(Facility e) {
            return new FacilityView(e.id, e.name, e.form, e.address, e.durability, e.rackCount, e.racks, e.zones, e.version);
        }

        @Override
        protected Long id(Facility e) {
            return e.id;
        }

        @Override
        protected long version(Facility e) {
            return e.version;
        }
    }

    @ApplicationScoped
    public static class SecurityRequirementRepository implements PanacheRepository<SecurityRequirement> {
    }

    @ApplicationScoped
    public static class SecurityRequirements extends SimpleLedger<SecurityRequirement, SecurityRequirementInput, SecurityRequirementView> {
        protected SecurityRequirements() {
        }

        @Inject
        public SecurityRequirements(SecurityRequirementRepository repository, AuditTrail audit) {
            super(repository, audit, "security-requirement");
        }

        @Override
        protected SecurityRequirement create() {
            return new SecurityRequirement();
        }

        @Override
        protected void apply(SecurityRequirement e, SecurityRequirementInput in) {
            check(in);
            e.code = in.code();
            e.requirement = in.requirement();
            e.status = in.status();
            e.note = in.note();
        }

        @Override
        protected SecurityRequirementView view(SecurityRequirement e) {
            return new SecurityRequirementView(e.id, e.code, e.requirement, e.status, e.note, e.version);
        }

        @Override
        protected Long id(SecurityRequirement e) {
            return e.id;
        }

        @Override
        protected long version(SecurityRequirement e) {
            return e.version;
        }
    }

    @ApplicationScoped
    public static class WorkRecordRepository implements PanacheRepository<WorkRecord> {
    }

    @ApplicationScoped
    public static class WorkRecords extends SimpleLedger<WorkRecord, WorkRecordInput, WorkRecordView> {
        protected WorkRecords() {
        }

        @Inject
        public WorkRecords(WorkRecordRepository repository, AuditTrail audit) {
            super(repository, audit, "work-record");
        }

        @Override
        protected WorkRecord create() {
            return new WorkRecord();
        }

        @Override
        protected void apply(WorkRecord e, WorkRecordInput in) {
            check(in);
            e.kind = in.kind();
            e.recordedOn = in.recordedOn();
            e.title = in.title();
            e.description = in.description();
            e.owner = in.owner();
            e.state = in.state();
            e.dueOn = in.dueOn();
        }

        @Override
        protected WorkRecordView view(WorkRecord e) {
            return new WorkRecordView(e.id, e.kind, e.recordedOn, e.title, e.description, e.owner, e.state, e.dueOn, e.version);
        }

        @Override
        protected Long id(WorkRecord e) {
            return e.id;
        }

        @Override
        protected long version(WorkRecord e) {
            return e.version;
        }
    }

    @ApplicationScoped
    public static class ScheduleItemRepository implements PanacheRepository<ScheduleItem> {
    }

    @ApplicationScoped
    public static class ScheduleItems extends SimpleLedger<ScheduleItem, ScheduleItemInput, ScheduleItemView> {
        protected ScheduleItems() {
        }

        @Inject
        public ScheduleItems(ScheduleItemRepository repository, AuditTrail audit) {
            super(repository, audit, "schedule-item");
        }

        @Override
        protected ScheduleItem create() {
            return new ScheduleItem();
        }

        @Override
        protected void apply(ScheduleItem e, ScheduleItemInput in) {
            check(in);
            e.task = in.task();
            e.plannedStart = in.plannedStart();
            e.plannedEnd = in.plannedEnd();
            e.actualStart = in.actualStart();
            e.actualEnd = in.actualEnd();
            e.plannedEffort = in.plannedEffort();
            e.actualEffort = in.actualEffort();
        }

        @Override
        protected ScheduleItemView view(ScheduleItem e) {
            return new ScheduleItemView(e.id, e.task, e.plannedStart, e.plannedEnd, e.actualStart, e.actualEnd, e.plannedEffort, e.actualEffort, e.version);
        }

        @Override
        protected Long id(ScheduleItem e) {
            return e.id;
        }

        @Override
        protected long version(ScheduleItem e) {
            return e.version;
        }
    }
}
