package io.kiban.maintenance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.web.BodyLimit;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junit.jupiter.api.Test;

/**
 * The evidence file limit outside the test profile. The @QuarkusTest suite runs with {@code %test}
 * 2M so the exact-limit and one-byte-over uploads stay fast (EvidenceTest); this test pins what
 * production gets — 20M — and that raising it by configuration alone (as
 * bench/maintenance-upload.sh does for 100 MB with {@code KIBAN_EVIDENCE_MAX_FILE_SIZE=100M})
 * raises the request limit of the upload endpoint with it.
 */
class EvidenceLimitConfigTest {

    static final long MB = 1024 * 1024;

    @Test
    void the_production_default_is_20M_per_file() throws Exception {
        Properties props = new Properties();
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("application.properties")) {
            props.load(in);
        }
        assertThat(props.getProperty("kiban.evidence.max-file-size")).isEqualTo("20M");
        assertThat(props.getProperty("%test.kiban.evidence.max-file-size")).isEqualTo("2M");
        assertThat(
                        EvidenceConfig.class
                                .getMethod("maxFileSize")
                                .getAnnotation(WithDefault.class)
                                .value())
                .isEqualTo("20M");
        BodyLimit limit =
                EvidenceResource.class
                        .getMethod("upload", long.class, FileUpload.class)
                        .getAnnotation(BodyLimit.class);
        assertThat(limit.property()).isEqualTo(UploadLimitConfigFactory.REQUEST);
        assertThat(new MemorySizeConverter().convert(limit.defaultValue()).asLongValue())
                .isEqualTo(20 * MB + UploadLimitConfigFactory.MULTIPART_SLACK);
        assertThat(requestLimit(Map.of(), "prod"))
                .isEqualTo(20 * MB + UploadLimitConfigFactory.MULTIPART_SLACK);
    }

    @Test
    void raising_the_file_limit_by_environment_raises_the_request_limit_with_it() {
        assertThat(requestLimit(Map.of("KIBAN_EVIDENCE_MAX_FILE_SIZE", "100M"), "prod"))
                .isEqualTo(100 * MB + UploadLimitConfigFactory.MULTIPART_SLACK);
        assertThat(requestLimit(Map.of(), "test"))
                .isEqualTo(2 * MB + UploadLimitConfigFactory.MULTIPART_SLACK);
        // an explicit request limit wins over the derived one
        assertThat(requestLimit(Map.of("KIBAN_EVIDENCE_UPLOAD_MAX_REQUEST_SIZE", "12345"), "prod"))
                .isEqualTo(12345);
    }

    private long requestLimit(Map<String, String> env, String profile) {
        Properties app = new Properties();
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("application.properties")) {
            app.load(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .addDefaultInterceptors()
                        .withProfile(profile)
                        .withSources(new PropertiesConfigSource(app, "application.properties", 250))
                        .withSources(new EnvConfigSource(env, 300))
                        .withSources(new UploadLimitConfigFactory())
                        .build();
        return config.getValue(UploadLimitConfigFactory.REQUEST, Long.class);
    }
}
