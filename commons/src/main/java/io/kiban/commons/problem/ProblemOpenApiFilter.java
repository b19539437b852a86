package io.kiban.commons.problem;

import io.kiban.commons.openapi.OpenApiPaths;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Documents the problem responses of every operation (#17), at build time: each operation gets, for
 * each status that applies to it and that it does not document itself, a response with {@code
 * application/problem+json} and the {@code Problem} schema — 400 always (bad input); 401 and 403
 * unless the operation is {@code @PermitAll}; 404 when its path has a parameter; 409 and 422 on
 * POST, PUT, PATCH and DELETE; 412 and 428 when it takes {@code If-Match}. A status the operation
 * documents without content (as Quarkus adds 401/403 for secured operations) gets the problem
 * content; a status it documents with content is left as it is.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {

    public static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;
    private static final DotName PERMIT_ALL =
            DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName ROLES_ALLOWED =
            DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName AUTHENTICATED =
            DotName.createSimple("io.quarkus.security.Authenticated");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final Map<String, DotName> HTTP_METHODS =
            Map.of(
                    "GET", DotName.createSimple("jakarta.ws.rs.GET"),
                    "POST", DotName.createSimple("jakarta.ws.rs.POST"),
                    "PUT", DotName.createSimple("jakarta.ws.rs.PUT"),
                    "PATCH", DotName.createSimple("jakarta.ws.rs.PATCH"),
                    "DELETE", DotName.createSimple("jakarta.ws.rs.DELETE"),
                    "HEAD", DotName.createSimple("jakarta.ws.rs.HEAD"),
                    "OPTIONS", DotName.createSimple("jakarta.ws.rs.OPTIONS"));

    /** The documented problems: status → description (Japanese, then English). */
    static final Map<String, String> RESPONSES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(
                "400",
                "入力内容に誤りがあります（項目名を示します）。 Bad input: malformed JSON, an invalid field or"
                        + " parameter (named in errors[].field), an unknown enum value (the allowed values are listed).");
        r.put("401", "認証が必要です。 A valid bearer token is required.");
        r.put("403", "この操作は許可されていません。 The caller's role does not allow this operation.");
        r.put("404", "見つかりません（他組織のものを含む）。 Not found (also what belongs to another organisation).");
        r.put(
                "409",
                "競合が発生しました（妨げとなっているものを conflicts に示します）。 Conflict with the current state"
                        + " (what stands in the way is listed in conflicts[]).");
        r.put(
                "412",
                "前提条件を満たしていません：If-Match の版が古くなっています。 If-Match names a version that is no"
                        + " longer current: read the resource again.");
        r.put(
                "422",
                "業務規則に違反しています（rule に規則 ID を示します）。 A business rule is broken (its id R-… is in"
                        + " rule and detail) or a reference does not exist.");
        r.put("428", "If-Match が必要です。 Send If-Match with the ETag of the version you read.");
        RESPONSES = Map.copyOf(r);
    }

    private final Set<String> publicOperations = new HashSet<>();

    public ProblemOpenApiFilter() {}

    public ProblemOpenApiFilter(IndexView index) {
        for (AnnotationInstance permit : index.getAnnotations(PERMIT_ALL)) {
            if (permit.target().kind() == AnnotationTarget.Kind.METHOD) {
                addPublic(permit.target().asMethod());
            } else if (permit.target().kind() == AnnotationTarget.Kind.CLASS) {
                for (MethodInfo method : permit.target().asClass().methods()) {
                    if (!method.hasDeclaredAnnotation(ROLES_ALLOWED)
                            && !method.hasDeclaredAnnotation(AUTHENTICATED)) {
                        addPublic(method);
                    }
                }
            }
        }
    }

    private void addPublic(MethodInfo method) {
        ClassInfo type = method.declaringClass();
        AnnotationInstance classPath = type.declaredAnnotation(PATH);
        AnnotationInstance methodPath = method.declaredAnnotation(PATH);
        String path =
                OpenApiPaths.normalise(
                        (classPath == null ? "" : classPath.value().asString())
                                + "/"
                                + (methodPath == null ? "" : methodPath.value().asString()));
        HTTP_METHODS.forEach(
                (verb, annotation) -> {
                    if (method.hasDeclaredAnnotation(annotation)) {
                        publicOperations.add(verb + " " + path);
                    }
                });
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = entry.getKey();
            if (path.startsWith("/q/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    entry.getValue().getOperations().entrySet()) {
                document(path, op.getKey().name(), op.getValue());
                used = true;
            }
        }
        if (used) {
            addSchema(openAPI);
        }
    }

    private void document(String path, String verb, Operation operation) {
        boolean writes = Set.of("POST", "PUT", "PATCH", "DELETE").contains(verb);
        boolean secured = !publicOperations.contains(verb + " " + OpenApiPaths.normalise(path));
        boolean ifMatch =
                operation.getParameters() != null
                        && operation.getParameters().stream()
                                .anyMatch(
                                        p ->
                                                p.getIn() == Parameter.In.HEADER
                                                        && p.getName() != null
                                                        && p.getName()
                                                                .toLowerCase(Locale.ROOT)
                                                                .equals("if-match"));
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, "400");
        if (secured) {
            add(responses, "401");
            add(responses, "403");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (writes) {
            add(responses, "409");
            add(responses, "422");
        }
        if (ifMatch) {
            add(responses, "412");
            add(responses, "428");
        }
    }

    private static void add(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse()
                            .description(RESPONSES.get(status))
                            .content(problemContent()));
        } else if (existing.getRef() == null
                && (existing.getContent() == null
                        || existing.getContent().getMediaTypes() == null
                        || existing.getContent().getMediaTypes().isEmpty())) {
            // a new object: Quarkus shares one APIResponse between the operations it adds 401/403
            // to
            String description =
                    existing.getDescription() == null
                                    || existing.getDescription().isBlank()
                                    || existing.getDescription().startsWith("Not ")
                            ? RESPONSES.get(status)
                            : existing.getDescription();
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse()
                            .description(description)
                            .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static void addSchema(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
            return;
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError =
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty(
                                "field",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "message",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        Schema conflict =
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty(
                                "kind", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "id", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "detail",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "source",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        components.addSchema(
                SCHEMA,
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description(
                                "RFC 9457 problem detail, served as application/problem+json; title and detail in"
                                        + " Japanese when Accept-Language prefers ja (Content-Language says which)")
                        .addProperty("type", string)
                        .addProperty(
                                "title",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "status",
                                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                        .addProperty(
                                "detail",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "instance",
                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty(
                                "rule",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .description("the requirement id (R-…) the request broke"))
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .items(fieldError))
                        .addProperty(
                                "conflicts",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .items(conflict)));
    }
}
