package io.kiban.asset.ledger;

import io.kiban.asset.ledger.LedgerDtos.DomainInput;
import io.kiban.asset.ledger.LedgerDtos.DomainView;
import io.kiban.asset.ledger.LedgerDtos.InformationInput;
import io.kiban.asset.ledger.LedgerDtos.InformationView;
import io.kiban.asset.ledger.LedgerDtos.LineInput;
import io.kiban.asset.ledger.LedgerDtos.LineView;
import io.kiban.asset.support.SimpleLedger;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Sheets 3, 6 and 7: flat ledger categories. */
public final class LedgerServices {

    private LedgerServices() {
    }

    @ApplicationScoped
    public static class LineRepository implements PanacheRepository<NetworkLine> {
    }

    @ApplicationScoped
    public static class DomainRepository implements PanacheRepository<PublicDomain> {
    }

    @ApplicationScoped
    public static class InformationRepository implements PanacheRepository<HandledInformation> {
    }

    @ApplicationScoped
    public static class Lines extends SimpleLedger<NetworkLine, LineInput, LineView> {
        public Lines(LineRepository repository, AuditTrail audit) {
            super(repository, audit, "line");
        }

        @Override
        protected NetworkLine create() {
            return new NetworkLine();
        }

        @Override
        protected void apply(NetworkLine l, LineInput in) {
            if (in.usedFrom() != null && in.usedUntil() != null && in.usedUntil().isBefore(in.usedFrom())) {
                throw ProblemException.badField("usedUntil", "is before usedFrom");
            }
            l.lineType = in.lineType();
            l.serviceName = in.serviceName();
            l.carrier = in.carrier();
            l.usedFrom = in.usedFrom();
            l.usedUntil = in.usedUntil();
            l.bandwidth = in.bandwidth();
        }

        @Override
        protected LineView view(NetworkLine l) {
            return new LineView(l.id, l.lineType, l.serviceName, l.carrier, l.usedFrom, l.usedUntil, l.bandwidth,
                    l.version);
        }

        @Override
        protected Long id(NetworkLine l) {
            return l.id;
        }

        @Override
        protected long version(NetworkLine l) {
            return l.version;
        }
    }

    @ApplicationScoped
    public static class Domains extends SimpleLedger<PublicDomain, DomainInput, DomainView> {
        public Domains(DomainRepository repository, AuditTrail audit) {
            super(repository, audit, "public-domain");
        }

        @Override
        protected PublicDomain create() {
            return new PublicDomain();
        }

        @Override
        protected void apply(PublicDomain d, DomainInput in) {
            d.name = in.name();
            d.dnsName = in.dnsName().toLowerCase();
            d.expiresOn = in.expiresOn();
        }

        @Override
        protected DomainView view(PublicDomain d) {
            return new DomainView(d.id, d.name, d.dnsName, d.expiresOn, d.version);
        }

        @Override
        protected Long id(PublicDomain d) {
            return d.id;
        }

        @Override
        protected long version(PublicDomain d) {
            return d.version;
        }
    }

    @ApplicationScoped
    public static class Information extends SimpleLedger<HandledInformation, InformationInput, InformationView> {
        public Information(InformationRepository repository, AuditTrail audit) {
            super(repository, audit, "handled-information");
        }

        @Override
        protected HandledInformation create() {
            return new HandledInformation();
        }

        @Override
        protected void apply(HandledInformation i, InformationInput in) {
            i.name = in.name();
            i.personalData = in.personalData();
            i.confidentiality = in.confidentiality();
            i.integrity = in.integrity();
            i.availability = in.availability();
        }

        @Override
        protected InformationView view(HandledInformation i) {
            return new InformationView(i.id, i.name, i.personalData, i.confidentiality, i.integrity, i.availability,
                    classification(i), i.version);
        }

        static String classification(HandledInformation i) {
            return "機密性" + i.confidentiality + " 完全性" + i.integrity + " 可用性" + i.availability;
        }

        @Override
        protected Long id(HandledInformation i) {
            return i.id;
        }

        @Override
        protected long version(HandledInformation i) {
            return i.version;
        }
    }
}
