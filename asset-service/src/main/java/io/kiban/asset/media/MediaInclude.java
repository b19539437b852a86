package io.kiban.asset.media;

import java.util.Locale;

/**
 * The {@code include} query parameter of the media lists: {@code removed} adds the media that left
 * their hardware (kept with removedOn). Read case-insensitively ({@code include=removed} is the
 * documented spelling); any other value answers 400 problem+json naming the allowed one (commons'
 * EnumParamConverterProvider). Public although only this package names it: that provider, in
 * commons, calls {@link #fromString} reflectively (#19).
 */
public enum MediaInclude {
    REMOVED;

    /**
     * JAX-RS's conversion hook: {@code removed} or {@code REMOVED}; null for anything else (→ 400).
     */
    public static MediaInclude fromString(String value) {
        if (value == null) {
            return null;
        }
        for (MediaInclude include : values()) {
            if (include.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return include;
            }
        }
        return null;
    }
}
