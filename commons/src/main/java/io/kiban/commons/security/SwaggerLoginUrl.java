package io.kiban.commons.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenID Connect discovery URL in the OpenAPI document — the one the Swagger UI sends the
 * browser to for the login — taken from the configuration at start-up rather than frozen at build
 * time. In Kubernetes the services reach Keycloak inside the cluster ({@code
 * quarkus.oidc.auth-server-url}), but the browser must use its public host behind the Ingress:
 * {@code kiban.oidc.public-url} (environment {@code KIBAN_OIDC_PUBLIC_URL}), which defaults to the
 * internal URL.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SwaggerLoginUrl implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null
                || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        var config = ConfigProvider.getConfig();
        String realmUrl =
                config.getOptionalValue("kiban.oidc.public-url", String.class)
                        .or(
                                () ->
                                        config.getOptionalValue(
                                                "quarkus.oidc.auth-server-url", String.class))
                        .orElse(null);
        if (realmUrl == null) {
            return;
        }
        String discovery = realmUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        for (SecurityScheme scheme : openAPI.getComponents().getSecuritySchemes().values()) {
            if (scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
                scheme.setOpenIdConnectUrl(discovery);
            }
        }
    }
}
