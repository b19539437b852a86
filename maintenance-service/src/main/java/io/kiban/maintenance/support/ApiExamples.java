package io.kiban.maintenance.support;

/**
 * The example request bodies of the OpenAPI document (#17): real requests of this domain, as a
 * vendor engineer or a JPO official would send them. They tell one story — an NVMe SSD of a
 * production Kubernetes worker node throws read errors (a minor fault that does not reach the
 * controller), the vendor files a ticket, replaces the SSD, hands the removed one to its secure
 * depot, shreds it and submits the certificate, which another jpo-admin accepts — and {@code
 * ApiExampleTest} sends them, read back from {@code /q/openapi}, so an example that no longer
 * passes the service's own checks fails the build.
 */
public final class ApiExamples {

    private ApiExamples() {}

    public static final String TICKET_NAME = "NVMe SSD の読み込みエラー";
    public static final String TICKET_SUMMARY =
            "本番環境 Kubernetes ワーカーノードの SSD 障害をベンダ（vendor-a）が起票する";

    /**
     * asset-service hardware ids are numbers; 12 is a production Kubernetes worker node in the
     * example.
     */
    public static final String TICKET =
            """
            {"hardwareId": "12", "severity": "S2", "faultClass": "MINOR_NOT_CONTROLLER",
             "description": "本番環境 Kubernetes ワーカーノード2 の NVMe SSD（スロット3）で読み込みエラーが多発。サービスは冗長構成で継続中。",
             "occurredAt": "2026-11-20T00:40:00Z", "reportedAt": "2026-11-20T00:55:00Z", "organisation": "vendor-a"}""";

    public static final String TRANSITION =
            """
            {"to": "ACKNOWLEDGED", "note": "受付。本日14時に保守員が現地で調査を開始する。"}""";

    public static final String REPLACEMENT =
            """
            {"removed": {"kind": "NVME", "make": "Samsung", "model": "PM1733", "serial": "S4YNNE0R700123"},
             "installed": {"kind": "NVME", "make": "Samsung", "model": "PM1733", "serial": "S4YNNE0R700456", "condition": "NEW"},
             "replacedOn": "2026-11-21", "holder": "vendor-a 保守員 山田太郎", "location": "本番サーバ室 ラック R1"}""";

    public static final String DATA_BEARING =
            """
            {"reason": "取り外した RAID コントローラにキャッシュ用フラッシュメモリが搭載されていたため、データを記録した部品として扱う。",
             "holder": "vendor-a 保守員 山田太郎", "location": "本番サーバ室 施錠保管庫"}""";

    public static final String LOG_MEDIUM =
            """
            {"kind": "USB_FLASH", "serial": "RUF3KV-20261120-01", "make": "BUFFALO", "model": "RUF3-KV32G",
             "contents": "障害解析用のシステムログ（kubelet、journald、BMC の SEL）2026年11月20日分",
             "holder": "vendor-a 保守員 山田太郎", "location": "vendor-a 障害解析センタ（川崎）"}""";

    public static final String HANDOVER =
            """
            {"holder": "vendor-a セキュア保管庫", "location": "vendor-a 川崎事業所 施錠保管庫 3番",
             "note": "封印袋 No.42 に入れ、封印したまま引き渡し"}""";

    public static final String PURGE_EXCEPTION =
            """
            {"reason": "読み込みエラー多発による軽微な故障で制御部に及ばないため、暗号化消去とその検証結果の提出を条件に物理破壊に代えることを認める（R-MT-5）。"}""";

    public static final String EVIDENCE =
            """
            {"serial": "S4YNNE0R700123", "method": "DESTROY", "technique": "SHRED",
             "tool": "HSM Powerline FA 400.2", "toolVersion": "2024",
             "verification": "破砕片が 2 mm 以下であることを目視で確認し、写真を記録",
             "performedOn": "2026-11-25", "place": "vendor-a 川崎事業所 破砕室", "performedBy": "山田太郎",
             "destination": "金属くずとして再資源化", "issuer": "VENDOR"}""";

    public static final String ACCEPTANCE =
            """
            {"reason": "証明書のシリアル番号・実施日と破砕写真を照合した。"}""";

    public static final String REJECTION =
            """
            {"reason": "証明書のシリアル番号が取り外した媒体と一致しない。正しい証明書で再提出してください。"}""";

    public static final String CONTRACTOR =
            """
            {"name": "株式会社 東京リサイクルセンター",
             "scope": "HDD・SSD・磁気テープの物理破壊と破壊証明書の発行（経済産業省情報セキュリティ管理規程及び特許庁情報セキュリティ運用細則に基づく）"}""";

    public static final String CONTRACTOR_APPROVAL =
            """
            {"note": "証明書の様式と破壊方法が経済産業省・特許庁の規程に適合することを確認した。"}""";

    public static final String CONTRACTOR_REVOCATION =
            """
            {"reason": "産業廃棄物処理業の許可が更新されなかったため、以後の証明書は認めない。"}""";

    public static final String ORDER =
            """
            {"environment": "STAGING", "organisation": "vendor-a",
             "reason": "検証環境の撤去に伴い、全記憶媒体を破壊・消去の対象とする。"}""";
}
