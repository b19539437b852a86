package io.kiban.asset.imports;

import io.kiban.asset.endoflife.EolService;
import io.kiban.asset.endoflife.EolService.EolReport;
import io.kiban.asset.imports.SbomImportService.SbomReport;
import io.kiban.asset.imports.SbomImportService.Target;
import io.kiban.asset.software.InstalledOn;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.vulnerability.AdvisoryService;
import io.kiban.asset.vulnerability.AdvisoryService.OsvReport;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Offline imports: a user uploads a file; the service never calls out (closed network). */
@Path("/imports")
@Tag(name = "imports", description = "Offline imports: CycloneDX SBOM, OSV advisories, endoflife.date release data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/vnd.cyclonedx+json", MediaType.APPLICATION_OCTET_STREAM })
public class ImportResource {

    private final SbomImportService sbom;
    private final AdvisoryService osv;
    private final EolService eol;
    private final LedgerWriters writers;

    public ImportResource(SbomImportService sbom, AdvisoryService osv, EolService eol, LedgerWriters writers) {
        this.sbom = sbom;
        this.osv = osv;
        this.eol = eol;
        this.writers = writers;
    }

    @POST
    @Path("/sbom")
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "CycloneDX 1.4–1.6 JSON SBOM of a host or image → its software set (re-import replaces it)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public SbomReport sbom(@RestQuery String subject, @RestQuery String environment, @RestQuery String installedOn,
            @RestQuery Long hardwareId, @RestQuery String host, InputStream body) {
        writers.require();
        return sbom.importSbom(new Target(subject, Filters.parse(Environment.class, "environment", environment),
                Filters.parse(InstalledOn.class, "installedOn", installedOn), hardwareId, host), body);
    }

    @POST
    @Path("/osv")
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "OSV advisories (one object or an array) → matched against installed software as findings")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public OsvReport osv(@RestQuery String source, InputStream body) {
        writers.require();
        return osv.importOsv(body, source);
    }

    @POST
    @Path("/endoflife")
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(summary = "endoflife.date release JSON of one product → support deadlines of the mapped software")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public EolReport endoflife(@RestQuery String product, @RestQuery String source, @RestQuery LocalDate asOf,
            InputStream body) {
        writers.require();
        return eol.importReleases(product, source, asOf, body);
    }
}
