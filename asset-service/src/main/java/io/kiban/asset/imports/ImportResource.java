package io.kiban.asset.imports;

import io.kiban.asset.endoflife.EolService;
import io.kiban.asset.endoflife.EolService.EolReport;
import io.kiban.asset.imports.SbomImportService.DependencyEdge;
import io.kiban.asset.imports.SbomImportService.SbomReport;
import io.kiban.asset.imports.SbomImportService.Target;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.support.Lists;
import io.kiban.asset.vulnerability.AdvisoryService;
import io.kiban.asset.vulnerability.AdvisoryService.OsvReport;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Offline imports: a user uploads a file; the service never calls out (closed network). */
@Path("/imports")
@Tag(
        name = "imports",
        description =
                "Offline imports: CycloneDX SBOM, OSV advisories, endoflife.date release data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({
    MediaType.APPLICATION_JSON,
    "application/vnd.cyclonedx+json",
    "application/vnd.cyclonedx+xml",
    MediaType.APPLICATION_XML,
    MediaType.TEXT_XML,
    "application/csaf+json",
    MediaType.APPLICATION_OCTET_STREAM
})
public class ImportResource {

    private final SbomImportService sbom;
    private final AdvisoryService osv;
    private final EolService eol;
    private final LedgerWriters writers;
    private final io.kiban.asset.vulnerability.CsafService csaf;

    public ImportResource(
            SbomImportService sbom,
            AdvisoryService osv,
            EolService eol,
            LedgerWriters writers,
            io.kiban.asset.vulnerability.CsafService csaf) {
        this.csaf = csaf;
        this.sbom = sbom;
        this.osv = osv;
        this.eol = eol;
        this.writers = writers;
    }

    @POST
    @Idempotent
    @Path("/sbom")
    @Consumes({
        MediaType.APPLICATION_JSON,
        "application/vnd.cyclonedx+json",
        "application/vnd.cyclonedx+xml",
        MediaType.APPLICATION_XML,
        MediaType.TEXT_XML,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(
            summary =
                    "SBOM の取込み（CycloneDX） / "
                            + "CycloneDX 1.2–1.7 SBOM, JSON or XML, of a host or image → its software set (re-import replaces it)",
            description =
                    "ホストまたはイメージの CycloneDX 1.2～1.7 SBOM（JSON または XML）を取り込み、そのソフトウェア構成とする（再取込みで置き換え）。入れ子を含む全コンポーネントを数え、正規化した purl（なければ group/name/version）で同定する。対象名は255文字まで。バージョンが128文字を超える、途中で切れている、入れ子が深すぎる、DOCTYPE・実体参照を含む、文字コードが不正なファイルは箇所を示して400とし、何も書き込まない。environment・installedOn は列挙値。Idempotency-Key に対応。\n\n"
                            + "Read with cyclonedx-core-java (1.7 through the documented mapping, see the module README); "
                            + "JSON or XML is told by the content. Every component counts, nested included; identity is the "
                            + "canonical purl, else group/name/version; merged duplicates are listed with the reason; bom-refs "
                            + "and dependencies are kept. Subject up to 255 characters; a component version longer than 128 "
                            + "characters → 400 naming its path; truncated, too deeply nested, DOCTYPE/entity-bearing or "
                            + "wrongly encoded files → 400 naming the place, nothing written. Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<SbomReport> sbom(
            @RestQuery String subject,
            @RestQuery Environment environment,
            @RestQuery InstalledOn installedOn,
            @RestQuery Long hardwareId,
            @RestQuery String host,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/vnd.cyclonedx+json",
                                        examples =
                                                @ExampleObject(
                                                        name = "ai-gateway",
                                                        summary =
                                                                "AI 基盤のコンテナイメージの SBOM / SBOM of a container image of the AI platform",
                                                        value = ImportExamples.SBOM_JSON)),
                                @Content(
                                        mediaType = "application/json",
                                        examples =
                                                @ExampleObject(
                                                        name = "ai-gateway",
                                                        summary =
                                                                "AI 基盤のコンテナイメージの SBOM / SBOM of a container image of the AI platform",
                                                        value = ImportExamples.SBOM_JSON)),
                                @Content(
                                        mediaType = "application/vnd.cyclonedx+xml",
                                        examples =
                                                @ExampleObject(
                                                        name = "ai-gateway",
                                                        summary =
                                                                "AI 基盤のコンテナイメージの SBOM / SBOM of a container image of the AI platform",
                                                        value = ImportExamples.SBOM_XML)),
                                @Content(
                                        mediaType = "application/xml",
                                        examples =
                                                @ExampleObject(
                                                        name = "ai-gateway",
                                                        summary =
                                                                "AI 基盤のコンテナイメージの SBOM / SBOM of a container image of the AI platform",
                                                        value = ImportExamples.SBOM_XML)),
                                @Content(
                                        mediaType = "text/xml",
                                        examples =
                                                @ExampleObject(
                                                        name = "ai-gateway",
                                                        summary =
                                                                "AI 基盤のコンテナイメージの SBOM / SBOM of a container image of the AI platform",
                                                        value = ImportExamples.SBOM_XML))
                            })
                    File body) {
        writers.require();
        Target target = new Target(subject, environment, installedOn, hardwareId, host);
        return RestResponse.ok(read(body, in -> sbom.importSbom(target, in)));
    }

    @GET
    @Path("/sbom/dependencies")
    @Operation(
            summary =
                    "SBOM の依存関係 / "
                            + "The dependency graph of an imported SBOM subject (CycloneDX dependencies, bom-refs resolved to software ids)",
            description =
                    "取り込んだ SBOM 対象の依存関係グラフ（bom-ref をソフトウェア ID に解決）。当該対象の SBOM がなければ404。ページング。\n\n"
                            + "Paged (page, size ≤ 200, X-Total-Count, Link); 404 when no SBOM was imported for the subject.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<DependencyEdge>> dependencies(
            @RestQuery String subject,
            @RestQuery Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(sbom.dependencies(subject, environment), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Path("/osv")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(
            summary =
                    "OSV アドバイザリの取込み（R-AS-5） / "
                            + "OSV advisories (one object or an array) → matched against installed software as findings",
            description =
                    "OSV アドバイザリ（1件または配列）を導入済みソフトウェアと照合し、脆弱性対応とする（R-AS-5）。各エコシステム固有のバージョン順序で比較し、GIT の範囲や未知のエコシステムは推測せず notEvaluable に示す。取り下げられたアドバイザリは無視する。Idempotency-Key に対応（同じキー・同じファイルは同じ結果、別のファイルは422）。\n\n"
                            + "R-AS-5: each ecosystem's own version order (Maven, npm, PyPI PEP 440, Go, Debian, Alpine, "
                            + "RPM, RubyGems, NuGet, crates.io); GIT ranges and unknown ecosystems are reported in notEvaluable, "
                            + "never guessed; withdrawn advisories are ignored (listed in withdrawn). Idempotency-Key honoured "
                            + "(same key and file → the same report replayed; another file → 422).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<OsvReport> osv(
            @RestQuery String source,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/json",
                                        examples =
                                                @ExampleObject(
                                                        name = "GHSA-jfh8-c2jp-5v3q",
                                                        summary =
                                                                "Log4Shell（CVE-2021-44228） / Log4Shell (CVE-2021-44228)",
                                                        value = ImportExamples.OSV))
                            })
                    File body) {
        writers.require();
        return RestResponse.ok(read(body, in -> osv.importOsv(in, source)));
    }

    @POST
    @Idempotent
    @Path("/csaf")
    @Consumes({
        MediaType.APPLICATION_JSON,
        "application/csaf+json",
        MediaType.APPLICATION_OCTET_STREAM
    })
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(
            summary =
                    "CSAF アドバイザリ・VEX の取込み（R-AS-5） / "
                            + "CSAF 2.0 advisory or VEX (e.g. JVN) → findings for installed software matched by purl or CPE",
            description =
                    "CSAF 2.0 のアドバイザリまたは VEX（JVN 等）を取り込み、purl または CPE で照合した導入済みソフトウェアの脆弱性対応とする（R-AS-5）。known_affected・first_affected・last_affected が対象で、known_not_affected・fixed は対象外。不正なファイルは箇所を示して400とし、何も書き込まない。Idempotency-Key に対応。\n\n"
                            + "R-AS-5: product_status known_affected / first_affected / last_affected are findings; "
                            + "known_not_affected and fixed are not. Products are matched by product_identification_helper.purl "
                            + "(canonical, exact version) or cpe (exact). Each vulnerability is stored as advisory "
                            + "<tracking id>/<cve>. Bad files → 400 naming the place, nothing written. Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<io.kiban.asset.vulnerability.CsafService.CsafReport> csaf(
            @RestQuery String source,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/csaf+json",
                                        examples =
                                                @ExampleObject(
                                                        name = "VEX-2021-44228-0001",
                                                        summary =
                                                                "受注者の VEX（CVE-2021-44228） / the vendor's VEX for CVE-2021-44228",
                                                        value = ImportExamples.CSAF)),
                                @Content(
                                        mediaType = "application/json",
                                        examples =
                                                @ExampleObject(
                                                        name = "VEX-2021-44228-0001",
                                                        summary =
                                                                "受注者の VEX（CVE-2021-44228） / the vendor's VEX for CVE-2021-44228",
                                                        value = ImportExamples.CSAF))
                            })
                    File body) {
        writers.require();
        return RestResponse.ok(read(body, in -> csaf.importCsaf(in, source)));
    }

    @POST
    @Idempotent
    @Path("/endoflife")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(
            summary =
                    "endoflife.date の取込み（R-AS-4） / "
                            + "endoflife.date release JSON of one product → support deadlines of the mapped software",
            description =
                    "endoflife.date の製品1件のリリース情報を取り込み、対応表で対応付けたソフトウェアのサポート期限とする（R-AS-4）。Idempotency-Key に対応（同じキー・同じファイルは同じ結果、別のファイルは422）。\n\n"
                            + "Idempotency-Key honoured (same key and file → the same report replayed; another file → 422).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<EolReport> endoflife(
            @RestQuery String product,
            @RestQuery String source,
            @RestQuery LocalDate asOf,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/json",
                                        examples =
                                                @ExampleObject(
                                                        name = "quarkus-framework",
                                                        summary =
                                                                "endoflife.date の Quarkus / endoflife.date release data of Quarkus",
                                                        value = ImportExamples.ENDOFLIFE))
                            })
                    File body) {
        writers.require();
        return RestResponse.ok(read(body, in -> eol.importReleases(product, source, asOf, in)));
    }

    /**
     * The uploaded body (a temporary file, so that Idempotency-Key can fingerprint it), deleted
     * afterwards.
     */
    private static <T> T read(File body, Function<InputStream, T> importer) {
        try (InputStream in =
                body == null
                        ? InputStream.nullInputStream()
                        : Files.newInputStream(body.toPath())) {
            return importer.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (body != null) {
                body.delete();
            }
        }
    }
}
