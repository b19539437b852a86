package io.kiban.asset.imports;

/**
 * The example request bodies of the import operations, shown in Swagger UI (#17): each is a file an
 * engineer of the contracted vendor would upload — the SBOM of a container image of the AI
 * platform, the OSV advisory and a vendor's CSAF VEX of Log4Shell (CVE-2021-44228) against it, and
 * endoflife.date's release data of Quarkus.
 */
final class ImportExamples {

    static final String SBOM_JSON =
            "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"metadata\":{\"timestamp\":\"2027-07-01T09:00:00+09:00\",\"component\":{\"type\":\"container\",\"bom-ref\":\"kiban/ai-gateway:1.4.0\",\"name\":\"kiban/ai-gateway\",\"version\":\"1.4.0\"}},\"components\":[{\"type\":\"library\",\"bom-ref\":\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\",\"group\":\"org.apache.logging.log4j\",\"name\":\"log4j-core\",\"version\":\"2.14.1\",\"purl\":\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\",\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]},{\"type\":\"library\",\"bom-ref\":\"pkg:maven/io.quarkus/quarkus-core@3.33.2\",\"group\":\"io.quarkus\",\"name\":\"quarkus-core\",\"version\":\"3.33.2\",\"purl\":\"pkg:maven/io.quarkus/quarkus-core@3.33.2\",\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]}],\"dependencies\":[{\"ref\":\"kiban/ai-gateway:1.4.0\",\"dependsOn\":[\"pkg:maven/io.quarkus/quarkus-core@3.33.2\",\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"]}]}";

    static final String SBOM_XML =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><metadata><component type=\"container\" bom-ref=\"kiban/ai-gateway:1.4.0\"><name>kiban/ai-gateway</name><version>1.4.0</version></component></metadata><components><component type=\"library\" bom-ref=\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"><group>org.apache.logging.log4j</group><name>log4j-core</name><version>2.14.1</version><purl>pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1</purl></component></components></bom>";

    static final String OSV =
            "{\"schema_version\":\"1.6.0\",\"id\":\"GHSA-jfh8-c2jp-5v3q\",\"modified\":\"2024-05-01T00:00:00Z\",\"published\":\"2021-12-10T00:40:56Z\",\"aliases\":[\"CVE-2021-44228\"],\"summary\":\"Remote code injection in Log4j\",\"affected\":[{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"org.apache.logging.log4j:log4j-core\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"2.13.0\"},{\"fixed\":\"2.15.0\"}]}]}],\"database_specific\":{\"severity\":\"CRITICAL\"}}";

    static final String CSAF =
            "{\"document\":{\"category\":\"csaf_vex\",\"csaf_version\":\"2.0\",\"title\":\"Apache Log4j の脆弱性（CVE-2021-44228）の影響\",\"lang\":\"ja\",\"publisher\":{\"category\":\"vendor\",\"name\":\"受注者 セキュリティ窓口\",\"namespace\":\"https://vendor.example.jp/\"},\"tracking\":{\"id\":\"VEX-2021-44228-0001\",\"status\":\"final\",\"version\":\"1\",\"initial_release_date\":\"2021-12-13T10:00:00+09:00\",\"current_release_date\":\"2021-12-13T10:00:00+09:00\",\"revision_history\":[{\"number\":\"1\",\"date\":\"2021-12-13T10:00:00+09:00\",\"summary\":\"初版\"}]}},\"product_tree\":{\"branches\":[{\"category\":\"vendor\",\"name\":\"Apache Software Foundation\",\"branches\":[{\"category\":\"product_name\",\"name\":\"log4j-core\",\"branches\":[{\"category\":\"product_version\",\"name\":\"2.14.1\",\"product\":{\"name\":\"Apache Log4j Core 2.14.1\",\"product_id\":\"CSAFPID-0001\",\"product_identification_helper\":{\"purl\":\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"}}}]}]}]},\"vulnerabilities\":[{\"cve\":\"CVE-2021-44228\",\"title\":\"Apache Log4j のJNDI機能におけるリモートコード実行\",\"product_status\":{\"known_affected\":[\"CSAFPID-0001\"]}}]}";

    static final String ENDOFLIFE =
            "[{\"cycle\":\"3.33\",\"releaseDate\":\"2026-03-25\",\"eol\":\"2027-03-31\",\"latest\":\"3.33.2\",\"latestReleaseDate\":\"2026-04-15\",\"lts\":true},{\"cycle\":\"3.27\",\"releaseDate\":\"2025-09-24\",\"eol\":\"2026-09-30\",\"latest\":\"3.27.4\",\"latestReleaseDate\":\"2026-02-11\",\"lts\":true}]";

    private ImportExamples() {}
}
