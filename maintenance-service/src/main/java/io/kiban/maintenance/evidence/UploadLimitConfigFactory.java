package io.kiban.maintenance.evidence;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@value #REQUEST} — the largest multipart request an evidence upload may send, checked
 * from Content-Length by the commons {@code @BodyLimit} filter before anything is read — from the
 * file limit {@value #FILE}: the file plus {@value #MULTIPART_SLACK} bytes for boundaries and part
 * headers. So a file of exactly the limit is accepted (the store then checks the file's own size:
 * one byte over is 413), and raising the file limit (e.g. {@code
 * KIBAN_EVIDENCE_MAX_FILE_SIZE=100M}) raises the request limit with it. An explicit {@value
 * #REQUEST} (any ordinary config source) wins over this low-ordinal default.
 */
public class UploadLimitConfigFactory implements ConfigSourceFactory {

    static final String FILE = "kiban.evidence.max-file-size";
    static final String REQUEST = "kiban.evidence-upload.max-request-size";
    static final long MULTIPART_SLACK = 64 * 1024;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue file = context.getValue(FILE);
        String value = file == null || file.getValue() == null ? "20M" : file.getValue().trim();
        long bytes = new MemorySizeConverter().convert(value).asLongValue() + MULTIPART_SLACK;
        return List.of(
                new PropertiesConfigSource(
                        Map.of(REQUEST, String.valueOf(bytes)),
                        "evidence upload request limit",
                        50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }
}
