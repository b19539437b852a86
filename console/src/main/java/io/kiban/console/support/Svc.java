package io.kiban.console.support;

/**
 * The four services the console reads and writes through, with the name a JPO official knows them
 * by.
 */
public enum Svc {
    ASSET("asset", "資産管理サービス (asset-service)"),
    MAINTENANCE("maintenance", "保守サービス (maintenance-service)"),
    BACKUP("backup", "バックアップサービス (backup-service)"),
    LIFECYCLE("lifecycle", "ライフサイクルサービス (lifecycle-service)");

    private final String key;
    private final String label;

    Svc(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The service named in a URL segment (asset, maintenance, backup, lifecycle), or null. */
    public static Svc ofKey(String key) {
        for (Svc s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
