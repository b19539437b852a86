package io.kiban.lifecycle;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Kiban lifecycle-service", version = "1.0"))
public class LifecycleApplication extends Application {}
