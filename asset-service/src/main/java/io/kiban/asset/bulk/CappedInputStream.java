package io.kiban.asset.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code cap} bytes, then fails: a decompressed part of a zip may not grow without
 * bound.
 */
final class CappedInputStream extends FilterInputStream {

    static final class CapExceeded extends IOException {
        CapExceeded(String message) {
            super(message);
        }
    }

    private final long cap;
    private final String what;
    private long read;

    CappedInputStream(InputStream in, long cap, String what) {
        super(in);
        this.cap = cap;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws CapExceeded {
        read += n;
        if (read > cap) {
            throw new CapExceeded(what + " decompresses to more than " + cap + " bytes");
        }
    }
}
