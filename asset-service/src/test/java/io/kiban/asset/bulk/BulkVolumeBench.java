package io.kiban.asset.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.AssetApi;
import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 18: a 10,000-row file imports in a few seconds with flat memory. Opt-in (it leaves 11,000 software rows in
 * the test database): {@code -Dkiban.bench=true -Dquarkus.http.test-timeout=600s -Dtest=BulkVolumeBench}. Prints the wall time and the peak heap
 * used while importing 1,000 and then 10,000 rows; times are not asserted.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
@EnabledIfSystemProperty(named = "kiban.bench", matches = "true")
class BulkVolumeBench {

    static byte[] workbook(String prefix, int rows) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = wb.createSheet("ソフトウェア");
            Row head = sheet.createRow(0);
            String[] headings = { "製品名", "エディション", "バージョン", "ソフトウェア区分", "契約形態", "ライセンス形態", "サポート期限",
                    "導入先", "環境", "SBOM対象" };
            for (int i = 0; i < headings.length; i++) {
                head.createCell(i).setCellValue(headings[i]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(prefix + "-lib-" + r);
                row.createCell(2).setCellValue("1." + (r % 50) + "." + (r % 7));
                row.createCell(3).setCellValue("LIBRARY");
                row.createCell(5).setCellValue("Apache-2.0");
                row.createCell(7).setCellValue("CLUSTER " + prefix + "-k8s");
                row.createCell(8).setCellValue("STAGING");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    static void measure(int rows, boolean dryRun) throws Exception {
        byte[] xlsx = workbook(AssetApi.unique("vol"), rows);
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long base = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        JsonPath p = given().auth().oauth2(Tokens.jpoAdmin())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx)
                .queryParam("dryRun", dryRun).post("/imports/standard-sheet").then().statusCode(200).extract()
                .jsonPath();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        assertThat(p.getInt("created")).isEqualTo(rows);
        System.out.printf("BULK-BENCH rows=%d dryRun=%s file=%d KiB wall=%d ms peakHeapAboveBaseline=%d MiB "
                + "(baseline %d MiB)%n", rows, dryRun, xlsx.length / 1024, ms, (peak.get() - base) >> 20, base >> 20);
    }

    @Test
    void ten_thousand_rows() throws Exception {
        measure(1_000, false);
        measure(10_000, false);
    }
}
