package io.kiban.asset.software;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Optional;

/**
 * Package URLs through {@code com.github.package-url:packageurl-java} (issue 18): the canonical
 * form (type and per-type names normalised, qualifiers sorted, reserved characters encoded) is a
 * component's identity, and the purl type says the software's ecosystem (the OSV ecosystem whose
 * version order applies).
 */
public final class Purls {

    private Purls() {}

    /** The canonical form; empty when {@code purl} is not a valid package URL. */
    public static Optional<String> canonical(String purl) {
        return parse(purl).map(PackageURL::canonicalize);
    }

    /** The canonical package without version, qualifiers and subpath ({@code pkg:maven/g/a}). */
    public static Optional<String> packageId(String purl) {
        return parse(purl)
                .map(
                        p -> {
                            try {
                                return new PackageURL(
                                                p.getType(),
                                                p.getNamespace(),
                                                p.getName(),
                                                null,
                                                null,
                                                null)
                                        .canonicalize();
                            } catch (MalformedPackageURLException e) {
                                return null;
                            }
                        });
    }

    public static Optional<PackageURL> parse(String purl) {
        if (purl == null || purl.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PackageURL(purl.trim()));
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The OSV ecosystem of a purl type: maven → Maven, npm → npm, pypi → PyPI, golang → Go, deb →
     * Debian (Ubuntu when the namespace is ubuntu), apk → Alpine, rpm → Red Hat / AlmaLinux / Rocky
     * Linux / openSUSE by namespace, gem → RubyGems, nuget → NuGet, cargo → crates.io, composer →
     * Packagist; null when the purl is absent or of a type without an ecosystem (generic, oci, …).
     */
    public static String ecosystem(String purl) {
        return parse(purl)
                .map(
                        p -> {
                            String ns =
                                    p.getNamespace() == null
                                            ? ""
                                            : p.getNamespace().toLowerCase(Locale.ROOT);
                            return switch (p.getType()) {
                                case "maven" -> "Maven";
                                case "npm" -> "npm";
                                case "pypi" -> "PyPI";
                                case "golang" -> "Go";
                                case "deb" -> ns.equals("ubuntu") ? "Ubuntu" : "Debian";
                                case "apk" -> "Alpine";
                                case "rpm" ->
                                        switch (ns) {
                                            case "almalinux" -> "AlmaLinux";
                                            case "rocky-linux", "rocky" -> "Rocky Linux";
                                            case "opensuse" -> "openSUSE";
                                            case "suse" -> "SUSE";
                                            default -> "Red Hat";
                                        };
                                case "gem" -> "RubyGems";
                                case "nuget" -> "NuGet";
                                case "cargo" -> "crates.io";
                                case "composer" -> "Packagist";
                                default -> null;
                            };
                        })
                .orElse(null);
    }
}
