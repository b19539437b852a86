package io.kiban.commons.idempotency;

import io.kiban.commons.openapi.OpenApiPaths;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Documents {@code Idempotency-Key} on every POST (#13 hole 7), at build time from the Jandex
 * index: an {@link Idempotent} POST gets the header parameter; every other POST says in its
 * description that the key is not accepted (and {@link IdempotencyKeyFilter} answers 400 when one
 * is sent).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApiFilter implements OASFilter {

    static final String HEADER_DESCRIPTION =
            "Makes a retry safe: the same key with the same request (same caller)"
                    + " replays the first answer without a second write (header Idempotent-Replayed: true); the same key"
                    + " with a different request → 422; while the first request with the key is still running → 409."
                    + " Keys are kept for kiban.idempotency.ttl (default 24 h).";
    private static final DotName POST = DotName.createSimple("jakarta.ws.rs.POST");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class.getName());

    private final Set<String> idempotentPaths = new HashSet<>();

    public IdempotencyOpenApiFilter() {}

    public IdempotencyOpenApiFilter(IndexView index) {
        for (AnnotationInstance post : index.getAnnotations(POST)) {
            if (post.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = post.target().asMethod();
            ClassInfo type = method.declaringClass();
            if (!method.hasDeclaredAnnotation(IDEMPOTENT)
                    && !type.hasDeclaredAnnotation(IDEMPOTENT)) {
                continue;
            }
            AnnotationInstance classPath = type.declaredAnnotation(PATH);
            AnnotationInstance methodPath = method.declaredAnnotation(PATH);
            idempotentPaths.add(
                    OpenApiPaths.normalise(
                            (classPath == null ? "" : classPath.value().asString())
                                    + "/"
                                    + (methodPath == null ? "" : methodPath.value().asString())));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            Operation post = entry.getValue().getPOST();
            if (post == null || entry.getKey().startsWith("/q/")) {
                continue;
            }
            if (idempotentPaths.contains(OpenApiPaths.normalise(entry.getKey()))) {
                documentHeader(post);
            } else {
                String description = post.getDescription();
                if (description == null
                        || !description.contains(IdempotencyKeyFilter.NOT_ACCEPTED)) {
                    post.setDescription(
                            (description == null || description.isBlank()
                                            ? ""
                                            : description.strip() + "\n\n")
                                    + IdempotencyKeyFilter.NOT_ACCEPTED
                                    + " (a request carrying it answers 400).");
                }
            }
        }
    }

    private static void documentHeader(Operation post) {
        List<Parameter> parameters =
                post.getParameters() == null
                        ? new ArrayList<>()
                        : new ArrayList<>(post.getParameters());
        boolean present =
                parameters.stream()
                        .anyMatch(
                                p ->
                                        p.getIn() == Parameter.In.HEADER
                                                && IdempotencyInterceptor.HEADER.equalsIgnoreCase(
                                                        p.getName()));
        if (present) {
            return;
        }
        parameters.add(
                OASFactory.createParameter()
                        .name(IdempotencyInterceptor.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description(HEADER_DESCRIPTION)
                        .schema(
                                OASFactory.createSchema()
                                        .addType(
                                                org.eclipse.microprofile.openapi.models.media.Schema
                                                        .SchemaType.STRING)
                                        .minLength(1)
                                        .maxLength(255)));
        post.setParameters(parameters);
    }
}
