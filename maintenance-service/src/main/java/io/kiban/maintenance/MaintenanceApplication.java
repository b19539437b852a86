package io.kiban.maintenance;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Kiban maintenance-service", version = "1.0"))
public class MaintenanceApplication extends Application {}
