package io.kiban.asset.software;

import io.kiban.asset.support.Environment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SoftwareDtos {

    private SoftwareDtos() {}

    @Schema(
            example =
                    "{\"name\": \"PostgreSQL\", \"edition\": \"Community\", \"version\": \"16.4\", \"softwareClass\": \"DATABASE\", \"contractForm\": \"賃貸借\", \"licenseForm\": \"オープンソース（PostgreSQL License）\", \"supportDeadline\": \"2028-11-09\", \"installedOn\": \"CLUSTER\", \"host\": \"ai-kiban-stg\", \"environment\": \"STAGING\", \"purl\": \"pkg:docker/postgres@16.4\", \"licenses\": \"PostgreSQL\"}")
    public record SoftwareInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String edition,
            @Size(max = 128) String version,
            @NotNull SoftwareClass softwareClass,
            @Size(max = 64) String contractForm,
            @Size(max = 64) String licenseForm,
            LocalDate supportDeadline,
            LocalDate activeSupportUntil,
            @NotNull InstalledOn installedOn,
            Long hardwareId,
            @Size(max = 200) String host,
            Environment environment,
            @Size(max = 512) String purl,
            @Size(max = 512) String cpe,
            @Size(max = 512) String licenses) {}

    public record SoftwareView(
            Long id,
            String name,
            String edition,
            String version,
            SoftwareClass softwareClass,
            String contractForm,
            String licenseForm,
            LocalDate supportDeadline,
            boolean supportEnded,
            LocalDate activeSupportUntil,
            String supportSource,
            LocalDate supportAsOf,
            InstalledOn installedOn,
            Long hardwareId,
            String host,
            Environment environment,
            String purl,
            String ecosystem,
            String cpe,
            String licenses,
            String sbomSubject,
            String supportConflict,
            long lockVersion) {

        public static SoftwareView of(Software s) {
            return new SoftwareView(
                    s.id,
                    s.name,
                    s.edition,
                    s.productVersion,
                    s.softwareClass,
                    s.contractForm,
                    s.licenseForm,
                    s.supportDeadline,
                    s.supportEnded,
                    s.activeSupportUntil,
                    s.supportSource,
                    s.supportAsOf,
                    s.installedOn,
                    s.hardwareId,
                    s.host,
                    s.environment,
                    s.purl,
                    s.ecosystem,
                    s.cpe,
                    s.licenses,
                    s.sbomSubject,
                    s.supportConflict,
                    s.version);
        }
    }

    public enum RiskLevel {
        /** support has ended */
        ENDED,
        /** ends within the warning horizon */
        WARNING,
        /** ends later, but before the contract ends */
        BEFORE_CONTRACT_END,
        /** no support deadline is known */
        UNKNOWN
    }

    /** R-AS-4: software whose support ends (or ended) before the contract does. */
    public record SupportRisk(
            Long softwareId,
            String name,
            String edition,
            String version,
            Environment environment,
            InstalledOn installedOn,
            Long hardwareId,
            String host,
            LocalDate supportDeadline,
            Long daysLeft,
            RiskLevel level,
            LocalDate contractEnd,
            String supportSource,
            java.time.Instant contractAsOf,
            boolean contractStale,
            String supportConflict) {}

    /** A product whose versions differ between PRODUCTION and STAGING. */
    public record Drift(
            String name, String edition, List<String> production, List<String> staging) {}
}
