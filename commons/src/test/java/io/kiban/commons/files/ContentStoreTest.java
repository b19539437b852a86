package io.kiban.commons.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kiban.commons.json.Hashes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {

    @TempDir Path dir;

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesByHashReadOnlyAndNeverRewrites() throws Exception {
        ContentStore store = new ContentStore(dir);
        ContentStore.Stored first = store.store(bytes("%PDF-1.7 certificate"), 1000);
        assertThat(first.sha256()).isEqualTo(Hashes.sha256Hex("%PDF-1.7 certificate"));
        assertThat(first.size()).isEqualTo(20);
        assertThat(first.sniffedType()).isEqualTo("application/pdf");
        Path file = store.path(first.sha256());
        assertThat(Files.readString(file)).isEqualTo("%PDF-1.7 certificate");
        assertThat(Files.getPosixFilePermissions(file))
                .as("read-only")
                .doesNotContain(
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE);
        long modified = Files.getLastModifiedTime(file).toMillis();

        ContentStore.Stored again = store.store(bytes("%PDF-1.7 certificate"), 1000);
        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThat(store.verified(first.sha256())).contains(file);
        try (Stream<Path> parts = Files.list(dir.resolve("tmp"))) {
            assertThat(parts).as("no temporary files left").isEmpty();
        }
    }

    @Test
    void refusesPastTheLimitAndKeepsNothing() throws Exception {
        ContentStore store = new ContentStore(dir);
        assertThatThrownBy(() -> store.store(bytes("x".repeat(101)), 100))
                .isInstanceOf(ContentStore.TooLarge.class);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(store.store(bytes("x".repeat(100)), 100).size()).isEqualTo(100);
    }

    @Test
    void anAlteredFileIsNotVerified() throws Exception {
        ContentStore store = new ContentStore(dir);
        ContentStore.Stored stored = store.store(bytes("\u0089PNG"), 1000);
        Path file = store.path(stored.sha256());
        file.toFile().setWritable(true);
        Files.writeString(file, "tampered");
        assertThat(store.verified(stored.sha256())).isEmpty();
        assertThat(store.verified("0".repeat(64))).isEmpty();
        assertThatThrownBy(() -> store.path("../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreNamesNotPaths() {
        assertThat(ContentStore.isSafeName("復元手順書.pdf")).isTrue();
        assertThat(ContentStore.isSafeName("../x")).isFalse();
        assertThat(ContentStore.isSafeName("a\\b")).isFalse();
        assertThat(ContentStore.isSafeName("..")).isFalse();
        assertThat(ContentStore.isSafeName("")).isFalse();
        assertThat(ContentStore.isSafeName(null)).isFalse();
    }
}
