package io.kiban.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Turns a service's answer (RFC 9457 problem+json) into a Japanese sentence for the page: a
 * sentence per status code, the sentence of the rule the service named when the console knows it,
 * the rule id itself, and the service's own detail (Japanese once the services answer {@code
 * Accept-Language: ja}).
 */
public final class Problems {

    private static final Map<String, String> RULES =
            Map.ofEntries(
                    Map.entry("R-SEC-1", "情報取扱者は事前に特許庁の承認を受けた者に限られます。"),
                    Map.entry("R-SEC-2", "提案・提出した本人は承認・差戻しできません。別の特許庁管理者が判断してください。"),
                    Map.entry("R-LC-3", "納入期限の延長は、元の期限より前に特許庁が承認したものだけが有効です。"),
                    Map.entry("R-LC-12", "セキュリティ遵守状況報告書は、確認書類の承認後に承認できます。"),
                    Map.entry("R-LC-14", "締めた月の賃貸借料は変更できません。"),
                    Map.entry("R-MT-4", "再委託先は特許庁の承認後に行った作業だけが証跡として認められます。"),
                    Map.entry("R-MT-5", "記憶媒体の種類に合った消去方式が必要です。"),
                    Map.entry("R-MT-6", "受理した証跡は変更できません。"),
                    Map.entry("R-AS-5", "対策計画は特許庁の確認後に適用できます。"),
                    Map.entry("R-RM-3", "データを記録した媒体の破壊証跡がそろうまで撤去は完了できません。"),
                    Map.entry("R-BK-3", "最後に成功したバックアップが間隔の1.5倍より古くなっています。"));

    private Problems() {}

    /** The sentence for an HTTP status a service answered. */
    public static String status(Svc svc, int status) {
        return switch (status) {
            case 400 -> "入力内容に誤りがあります。";
            case 401 -> "ログインの有効期限が切れました。もう一度ログインしてください。";
            case 403 -> "この操作を行う権限がありません。";
            case 404 -> "対象が見つかりません（削除されたか、閲覧できる範囲外です）。";
            case 409 -> "他の記録と競合するため受け付けられませんでした。";
            case 412 -> "表示した後に他の人が更新しました。画面を再読み込みし、最新の内容を確認してからもう一度操作してください。";
            case 413 -> "ファイルが大きすぎます。";
            case 415 -> "受け付けられない形式のファイルです。";
            case 422 -> "業務ルールに反するため受け付けられませんでした。";
            case 428 -> "版（If-Match）が指定されていないため受け付けられませんでした。";
            case 429 -> "操作が集中しています。しばらく待ってからもう一度操作してください。";
            case 502, 503, 504 -> svc.label() + "は一時的に利用できません（" + status + "）。";
            default ->
                    status >= 500
                            ? svc.label() + "でエラーが発生しました（" + status + "）。"
                            : svc.label() + "が想定外の応答を返しました（" + status + "）。";
        };
    }

    /** The sentence of a rule id, or null when the console does not know it. */
    public static String rule(String ruleId) {
        return ruleId == null ? null : RULES.get(ruleId);
    }

    /** The whole message for an error answer, with the rule and the service's own detail. */
    public static String message(Svc svc, int status, JsonNode problem) {
        StringBuilder out = new StringBuilder(status(svc, status));
        String rule = Json.text(problem, "rule");
        String ruleSentence = rule(rule);
        if (ruleSentence != null) {
            out.append(' ').append(ruleSentence);
        }
        if (rule != null) {
            out.append("（規則 ").append(rule).append('）');
        }
        String detail = Json.text(problem, "detail");
        if (detail != null) {
            out.append(" 詳細: ").append(detail);
        }
        return out.toString();
    }

    public static String unreachable(Svc svc) {
        return svc.label() + "に接続できません。停止している可能性があります。他の項目は表示しています。";
    }

    public static String timedOut(Svc svc) {
        return svc.label() + "が時間内に応答しませんでした。他の項目は表示しています。";
    }
}
