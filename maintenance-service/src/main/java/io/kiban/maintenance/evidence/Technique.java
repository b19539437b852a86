package io.kiban.maintenance.evidence;

import java.util.EnumSet;
import java.util.Set;

/** Sanitization techniques and the categories they achieve (NIST SP 800-88 / IEEE 2883-2022). */
public enum Technique {
    SHRED(Method.DESTROY),
    DISINTEGRATE(Method.DESTROY),
    PULVERIZE(Method.DESTROY),
    INCINERATE(Method.DESTROY),
    MELT(Method.DESTROY),
    CRUSH(Method.DESTROY),
    DEGAUSS(Method.PURGE),
    CRYPTO_ERASE(Method.PURGE),
    BLOCK_ERASE(Method.PURGE),
    SANITIZE_COMMAND(Method.PURGE),
    OVERWRITE(Method.PURGE, Method.CLEAR),
    FACTORY_RESET(Method.CLEAR);

    private final Set<Method> methods;

    Technique(Method first, Method... more) {
        this.methods = EnumSet.of(first, more);
    }

    public boolean achieves(Method method) {
        return methods.contains(method);
    }
}
