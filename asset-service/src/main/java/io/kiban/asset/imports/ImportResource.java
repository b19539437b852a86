package io.kiban.asset.imports;

import io.kiban.asset.endoflife.EolService.EolReport;
import io.kiban.asset.endoflife.EolService;
import io.kiban.asset.imports.SbomImportService.DependencyEdge;
import io.kiban.asset.imports.SbomImportService.SbomReport;
import io.kiban.asset.support.Lists;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import io.kiban.asset.imports.SbomImportService.Target;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.vulnerability.AdvisoryService.OsvReport;
import io.kiban.asset.vulnerability.AdvisoryService;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Offline imports: a user uploads a file; the service never calls out (closed network). */
@Path("/imports")
@Tag(name = "imports", description = "Offline imports: CycloneDX SBOM, OSV advisories, endoflife.date release data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/vnd.cyclonedx+json", "application/vnd.cyclonedx+xml",
        MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/csaf+json", MediaType.APPLICATION_OCTET_STREAM })
public class ImportResource {

    private final SbomImportService sbom;
    private final AdvisoryService osv;
    private final EolService eol;
    private final LedgerWriters writers;
    private final io.kiban.asset.vulnerability.CsafService csaf;

    public ImportResource(SbomImportService sbom, AdvisoryService osv, EolService eol, LedgerWriters writers,
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
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "CycloneDX 1.2–1.7 SBOM, JSON or XML, of a host or image → its software set (re-import replaces it)",
            description = "Read with cyclonedx-core-java (1.7 through the documented mapping, see the module README); "
                    + "JSON or XML is told by the content. Every component counts, nested included; identity is the "
                    + "canonical purl, else group/name/version; merged duplicates are listed with the reason; bom-refs "
                    + "and dependencies are kept. Subject up to 255 characters; a component version longer than 128 "
                    + "characters → 400 naming its path; truncated, too deeply nested, DOCTYPE/entity-bearing or "
                    + "wrongly encoded files → 400 naming the place, nothing written. Idempotency-Key honoured.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<SbomReport> sbom(@RestQuery String subject, @RestQuery String environment,
            @RestQuery String installedOn, @RestQuery Long hardwareId, @RestQuery String host, File body) {
        writers.require();
        Target target = new Target(subject, Filters.parse(Environment.class, "environment", environment),
                Filters.parse(InstalledOn.class, "installedOn", installedOn), hardwareId, host);
        return RestResponse.ok(read(body, in -> sbom.importSbom(target, in)));
    }

    @GET
    @Path("/sbom/dependencies")
    @Operation(summary = "The dependency graph of an imported SBOM subject (CycloneDX dependencies, bom-refs resolved to software ids)",
            description = "Paged (page, size ≤ 200, X-Total-Count, Link); 404 when no SBOM was imported for the subject.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<List<DependencyEdge>> dependencies(@RestQuery String subject, @RestQuery String environment,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        Environment env = Filters.parse(Environment.class, "environment", environment);
        return Lists.page(sbom.dependencies(subject, env), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Path("/osv")
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "OSV advisories (one object or an array) → matched against installed software as findings",
            description = "R-AS-5: each ecosystem's own version order (Maven, npm, PyPI PEP 440, Go, Debian, Alpine, "
                    + "RPM, RubyGems, NuGet, crates.io); GIT ranges and unknown ecosystems are reported in notEvaluable, "
                    + "never guessed; withdrawn advisories are ignored (listed in withdrawn). Idempotency-Key honoured "
                    + "(same key and file → the same report replayed; another file → 422).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<OsvReport> osv(@RestQuery String source, File body) {
        writers.require();
        return RestResponse.ok(read(body, in -> osv.importOsv(in, source)));
    }

    @POST
    @Idempotent
    @Path("/csaf")
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "CSAF 2.0 advisory or VEX (e.g. JVN) → findings for installed software matched by purl or CPE",
            description = "R-AS-5: product_status known_affected / first_affected / last_affected are findings; "
                    + "known_not_affected and fixed are not. Products are matched by product_identification_helper.purl "
                    + "(canonical, exact version) or cpe (exact). Each vulnerability is stored as advisory "
                    + "<tracking id>/<cve>. Bad files → 400 naming the place, nothing written. Idempotency-Key honoured.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<io.kiban.asset.vulnerability.CsafService.CsafReport> csaf(@RestQuery String source, File body) {
        writers.require();
        return RestResponse.ok(read(body, in -> csaf.importCsaf(in, source)));
    }

    @POST
    @Idempotent
    @Path("/endoflife")
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "endoflife.date release JSON of one product → support deadlines of the mapped software",
            description = "Idempotency-Key honoured (same key and file → the same report replayed; another file → 422).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<EolReport> endoflife(@RestQuery String product, @RestQuery String source,
            @RestQuery LocalDate asOf, File body) {
        writers.require();
        return RestResponse.ok(read(body, in -> eol.importReleases(product, source, asOf, in)));
    }

    /** The uploaded body (a temporary file, so that Idempotency-Key can fingerprint it), deleted afterwards. */
    private static <T> T read(File body, Function<InputStream, T> importer) {
        try (InputStream in = body == null ? InputStream.nullInputStream() : Files.newInputStream(body.toPath())) {
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
