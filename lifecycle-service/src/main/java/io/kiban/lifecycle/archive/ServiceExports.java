package io.kiban.lifecycle.archive;

import io.kiban.commons.client.ServiceCall;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-RM-4: the other services' exports for the archive, read like every other call of this service:
 * a MicroProfile REST client per service (config key {@code <service>-exports}, its URL the
 * service's {@code kiban.clients.<service>.url}) with the service token ({@code @OidcClientFilter},
 * client credentials) and a call answered 401 made once more with a fresh token ({@code
 * ServiceCall}, #15 item 12). Every answer is a {@code RestResponse<InputStream>}: the REST client
 * hands an {@code InputStream} entity over as the body arrives, paused until it is read (a String
 * or an object would be read whole first), and it is copied into its zip entry chunk by chunk
 * ({@code ExportStreamingTest}). Anything but 200, a service that cannot be reached or breaks off
 * its answer fails the whole archive (503 naming the service): an archive is complete or not made.
 */
@ApplicationScoped
class ServiceExports {

    private static final Logger LOG = Logger.getLogger(ServiceExports.class);

    static final String RECORDS = "/exports/records.json";
    static final String AUDIT_TRAIL = "/audit/export";
    static final String STANDARD_SHEET = "/exports/standard-sheet.xlsx";
    static final String DESTRUCTION_REGISTER = "/reports/destruction-register.xlsx";
    static final String EVIDENCE_FILES = "/evidence-files/";

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PROBLEM_JSON = "application/problem+json";

    /** asset-service's exports (role service). */
    @RegisterRestClient(configKey = "asset-exports")
    @OidcClientFilter
    @ServiceCall
    interface AssetExports {
        @GET
        @Path(RECORDS)
        @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
        RestResponse<InputStream> records();

        /** Its audit trail, with a checkpoint of its head taken just before. */
        @GET
        @Path(AUDIT_TRAIL)
        @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
        RestResponse<InputStream> auditTrail();

        @GET
        @Path(STANDARD_SHEET)
        @Produces({XLSX, PROBLEM_JSON})
        RestResponse<InputStream> standardSheet();
    }

    /** maintenance-service's exports (role service). */
    @RegisterRestClient(configKey = "maintenance-exports")
    @OidcClientFilter
    @ServiceCall
    interface MaintenanceExports {
        @GET
        @Path(RECORDS)
        @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
        RestResponse<InputStream> records();

        @GET
        @Path(AUDIT_TRAIL)
        @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
        RestResponse<InputStream> auditTrail();

        @GET
        @Path(DESTRUCTION_REGISTER)
        @Produces({XLSX, PROBLEM_JSON})
        RestResponse<InputStream> destructionRegister();

        /** One evidence file listed in its records, by SHA-256. */
        @GET
        @Path(EVIDENCE_FILES + "{sha256}")
        @Produces({MediaType.APPLICATION_OCTET_STREAM, PROBLEM_JSON})
        RestResponse<InputStream> evidenceFile(@PathParam("sha256") String sha256);
    }

    /** backup-service's exports (role service). */
    @RegisterRestClient(configKey = "backup-exports")
    @OidcClientFilter
    @ServiceCall
    interface BackupExports {
        @GET
        @Path(RECORDS)
        @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
        RestResponse<InputStream> records();

        @GET
        @Path(AUDIT_TRAIL)
        @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
        RestResponse<InputStream> auditTrail();
    }

    /**
     * One answer of another service for the archive: the service that gives it, the GET it is
     * (named in a failure), the zip entry it becomes, and the REST client call.
     */
    record Export(
            String service, String path, String entry, Supplier<RestResponse<InputStream>> call) {}

    /**
     * One other service: its name ({@code asset}, …), its records, its audit trail and its xlsx
     * reports.
     */
    record Source(String name, Export records, Export auditTrail, List<Export> reports) {}

    private final AssetExports asset;
    private final MaintenanceExports maintenance;
    private final BackupExports backup;

    ServiceExports(
            @RestClient AssetExports asset,
            @RestClient MaintenanceExports maintenance,
            @RestClient BackupExports backup) {
        this.asset = asset;
        this.maintenance = maintenance;
        this.backup = backup;
    }

    /** The other services, in the order the archive holds them. */
    List<Source> sources() {
        return List.of(
                new Source(
                        "asset",
                        export("asset", RECORDS, "records.json", asset::records),
                        export("asset", AUDIT_TRAIL, "audit-trail.json", asset::auditTrail),
                        List.of(
                                export(
                                        "asset",
                                        STANDARD_SHEET,
                                        "standard-sheet.xlsx",
                                        asset::standardSheet))),
                new Source(
                        "backup",
                        export("backup", RECORDS, "records.json", backup::records),
                        export("backup", AUDIT_TRAIL, "audit-trail.json", backup::auditTrail),
                        List.of()),
                new Source(
                        MaintenanceRecords.SERVICE,
                        export(
                                MaintenanceRecords.SERVICE,
                                RECORDS,
                                "records.json",
                                maintenance::records),
                        export(
                                MaintenanceRecords.SERVICE,
                                AUDIT_TRAIL,
                                "audit-trail.json",
                                maintenance::auditTrail),
                        List.of(
                                export(
                                        MaintenanceRecords.SERVICE,
                                        DESTRUCTION_REGISTER,
                                        "destruction-register.xlsx",
                                        maintenance::destructionRegister))));
    }

    /** One evidence file of maintenance-service, by the SHA-256 its records list. */
    Export evidenceFile(String sha256) {
        return export(
                MaintenanceRecords.SERVICE,
                EVIDENCE_FILES + sha256,
                "evidence/" + sha256,
                () -> maintenance.evidenceFile(sha256));
    }

    private static Export export(
            String name, String path, String file, Supplier<RestResponse<InputStream>> call) {
        String service = name + "-service";
        return new Export(service, path, service + "/" + file, call);
    }

    /**
     * Streams one answer of another service into its zip entry (and, when {@code copy} is given,
     * into that file too, to be read afterwards); anything but 200 fails the archive.
     */
    ArchiveZip.ManifestEntry fetch(ArchiveZip zip, Export export, java.nio.file.Path copy)
            throws IOException {
        try (RestResponse<InputStream> response = call(export);
                InputStream body = bodyOf(response)) {
            if (response.getStatus() != 200) {
                throw unavailable(export, "answered HTTP " + response.getStatus());
            }
            OutputStream copied =
                    copy == null ? OutputStream.nullOutputStream() : Files.newOutputStream(copy);
            try (copied) {
                return zip.entry(
                        export.entry(),
                        export.service(),
                        out -> {
                            byte[] buffer = new byte[64 * 1024];
                            for (int n; (n = read(body, buffer, export)) >= 0; ) {
                                out.write(buffer, 0, n);
                                copied.write(buffer, 0, n);
                            }
                        });
            }
        }
    }

    /**
     * The REST client call: an answer of 400 or more comes as the REST client's {@link
     * WebApplicationException} (a 401 only after the retry with a fresh token), a service that
     * cannot be reached (or a connect or read timeout) as any other exception.
     */
    private static RestResponse<InputStream> call(Export export) {
        try {
            return export.call().get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            closeQuietly(e.getResponse());
            throw unavailable(export, "answered HTTP " + status);
        } catch (RuntimeException e) {
            if (causedBy(e, OidcClientException.class)) {
                throw ProblemException.of(
                        ProblemType.DEPENDENCY_UNAVAILABLE,
                        "no service token could be obtained for the exports; no archive was made");
            }
            LOG.warnf(
                    "%s unreachable on GET %s: %s",
                    export.service(), export.path(), String.valueOf(e.getMessage()));
            throw unavailable(export, "unreachable");
        }
    }

    /** The body as it arrives (an empty one when the service sent none). */
    private static InputStream bodyOf(RestResponse<InputStream> response) {
        InputStream body = response.getEntity();
        return body == null ? InputStream.nullInputStream() : body;
    }

    /**
     * A read of another service's answer; a connection that breaks off (or stays silent longer than
     * the read timeout) fails the archive as that service's fault.
     */
    private static int read(InputStream body, byte[] buffer, Export export) {
        try {
            return body.read(buffer);
        } catch (IOException | RuntimeException e) {
            throw unavailable(
                    export, "broke off its answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Response response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (RuntimeException ignored) {
            // the body of a refused call is not needed
        }
    }

    /** 503 naming the service: the archive is not made. */
    private static ProblemException unavailable(Export export, String why) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                export.service()
                        + " "
                        + why
                        + " on GET "
                        + export.path()
                        + "; no archive was made (it must be complete)");
    }
}
