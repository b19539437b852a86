package io.kiban.asset.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public final class LedgerDtos {

    private LedgerDtos() {
    }

    public record LineInput(@NotBlank @Size(max = 100) String lineType, @NotBlank @Size(max = 200) String serviceName,
            @Size(max = 200) String carrier, LocalDate usedFrom, LocalDate usedUntil, @Size(max = 64) String bandwidth) {
    }

    public record LineView(Long id, String lineType, String serviceName, String carrier, LocalDate usedFrom,
            LocalDate usedUntil, String bandwidth, long version) {
    }

    public record DomainInput(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 253) @Pattern(regexp = "(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}\\.?",
                    message = "must be a DNS name") String dnsName,
            LocalDate expiresOn) {
    }

    public record DomainView(Long id, String name, String dnsName, LocalDate expiresOn, long version) {
    }

    /** Classification (格付): confidentiality 3/2/1, integrity 2/1, availability 2/1. */
    public record InformationInput(@NotBlank @Size(max = 200) String name, @NotNull Boolean personalData,
            @NotNull @Min(1) @Max(3) Integer confidentiality, @NotNull @Min(1) @Max(2) Integer integrity,
            @NotNull @Min(1) @Max(2) Integer availability) {
    }

    public record InformationView(Long id, String name, boolean personalData, int confidentiality, int integrity,
            int availability, String classification, long version) {
    }
}
