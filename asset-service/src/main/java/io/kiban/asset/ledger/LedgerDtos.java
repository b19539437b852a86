package io.kiban.asset.ledger;

import io.kiban.asset.support.LedgerView;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Inputs and views of the flat ledger categories (sheets 3–8, 11, 12). */
final class LedgerDtos {

    private LedgerDtos() {}

    @Schema(
            example =
                    "{\"lineType\": \"専用線\", \"serviceName\": \"庁内閉域網接続回線\", \"carrier\": \"NTT東日本\", \"usedFrom\": \"2027-07-01\", \"usedUntil\": \"2030-12-31\", \"bandwidth\": \"10Gbps\"}")
    public record LineInput(
            @NotBlank @Size(max = 100) String lineType,
            @NotBlank @Size(max = 200) String serviceName,
            @Size(max = 200) String carrier,
            LocalDate usedFrom,
            LocalDate usedUntil,
            @Size(max = 64) String bandwidth) {}

    public record LineView(
            Long id,
            String lineType,
            String serviceName,
            String carrier,
            LocalDate usedFrom,
            LocalDate usedUntil,
            String bandwidth,
            long version)
            implements LedgerView {}

    @Schema(
            example =
                    "{\"name\": \"AI 基盤 管理画面\", \"dnsName\": \"ai-kiban.jpo.go.jp\", \"expiresOn\": \"2031-03-31\"}")
    public record DomainInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank
                    @Size(max = 253)
                    @Pattern(
                            regexp = "(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}\\.?",
                            message = "must be a DNS name")
                    String dnsName,
            LocalDate expiresOn) {}

    public record DomainView(
            Long id, String name, String dnsName, LocalDate expiresOn, long version)
            implements LedgerView {}

    /** Classification (格付): confidentiality 3/2/1, integrity 2/1, availability 2/1. */
    @Schema(
            example =
                    "{\"name\": \"特許出願書類（審査用写し）\", \"personalData\": true, \"confidentiality\": 3, \"integrity\": 2, \"availability\": 2}")
    public record InformationInput(
            @NotBlank @Size(max = 200) String name,
            @NotNull Boolean personalData,
            @NotNull @Min(1) @Max(3) Integer confidentiality,
            @NotNull @Min(1) @Max(2) Integer integrity,
            @NotNull @Min(1) @Max(2) Integer availability) {}

    public record InformationView(
            Long id,
            String name,
            boolean personalData,
            int confidentiality,
            int integrity,
            int availability,
            String classification,
            long version)
            implements LedgerView {}

    @Schema(
            example =
                    "{\"name\": \"endoflife.date\", \"usageForm\": \"サポート期限情報の参照（オフライン取込み）\", \"usedFrom\": \"2027-07-01\", \"usedUntil\": \"2030-12-31\"}")
    public record ExternalServiceInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String usageForm,
            LocalDate usedFrom,
            LocalDate usedUntil) {}

    public record ExternalServiceView(
            Long id,
            String name,
            String usageForm,
            LocalDate usedFrom,
            LocalDate usedUntil,
            long version)
            implements LedgerView {}

    @Schema(
            example =
                    "{\"name\": \"特許庁 第2サーバ室\", \"form\": \"庁舎内サーバ室\", \"address\": \"東京都千代田区霞が関3-4-3\", \"durability\": \"耐震・非常用電源あり\", \"rackCount\": 4, \"racks\": \"R01-R04\", \"zones\": \"本番環境ゾーン / 検証環境ゾーン\"}")
    public record FacilityInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String form,
            @Size(max = 300) String address,
            @Size(max = 200) String durability,
            @PositiveOrZero Integer rackCount,
            @Size(max = 1000) String racks,
            @Size(max = 500) String zones) {}

    public record FacilityView(
            Long id,
            String name,
            String form,
            String address,
            String durability,
            Integer rackCount,
            String racks,
            String zones,
            long version)
            implements LedgerView {}

    @Schema(
            example =
                    "{\"code\": \"5)\", \"requirement\": \"情報セキュリティインシデント発生時の報告体制を整備すること\", \"status\": \"IMPLEMENTED\", \"note\": \"体制図を令和9年7月1日に提出済み\"}")
    public record SecurityRequirementInput(
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Size(max = 1000) String requirement,
            @NotNull ComplianceStatus status,
            @Size(max = 1000) String note) {}

    public record SecurityRequirementView(
            Long id,
            String code,
            String requirement,
            ComplianceStatus status,
            String note,
            long version)
            implements LedgerView {}

    @Schema(
            example =
                    "{\"kind\": \"WORK\", \"recordedOn\": \"2026-11-27\", \"title\": \"検証環境 GPU ドライバ更新\", \"description\": \"NVIDIA ドライバを 550.90 へ更新、動作確認済み\", \"owner\": \"受注者 運用担当\", \"state\": \"完了\"}")
    public record WorkRecordInput(
            @NotNull WorkKind kind,
            @NotNull LocalDate recordedOn,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String description,
            @Size(max = 200) String owner,
            @Size(max = 32) String state,
            LocalDate dueOn) {}

    public record WorkRecordView(
            Long id,
            WorkKind kind,
            LocalDate recordedOn,
            String title,
            String description,
            String owner,
            String state,
            LocalDate dueOn,
            long version)
            implements LedgerView {}

    @Schema(
            example =
                    "{\"task\": \"本サーバー式の構築・導入\", \"plannedStart\": \"2027-04-01\", \"plannedEnd\": \"2027-06-30\", \"actualStart\": \"2027-04-01\", \"plannedEffort\": 120.0, \"actualEffort\": 0}")
    public record ScheduleItemInput(
            @NotBlank @Size(max = 200) String task,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            LocalDate actualStart,
            LocalDate actualEnd,
            @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal plannedEffort,
            @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal actualEffort) {}

    public record ScheduleItemView(
            Long id,
            String task,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            LocalDate actualStart,
            LocalDate actualEnd,
            BigDecimal plannedEffort,
            BigDecimal actualEffort,
            long version)
            implements LedgerView {}
}
