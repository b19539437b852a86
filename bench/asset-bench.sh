#!/usr/bin/env bash
# asset-service figures of issue 3 against a running asset-service (./kiban up, or quarkus:dev):
#   - CycloneDX import of a 10,000-component SBOM (goal ≤ 3 s)
#   - xlsx standard-sheet export with ≥ 10,000 software rows (goal ≤ 5 s, flat memory: RSS before/after)
#   - software search by name prefix over the ledger (goal p99 ≤ 50 ms; use ROWS=100000 for the full figure)
#
#   bench/asset-bench.sh [rows=10000]
#
# Needs: curl, python3, a token of jpo-admin from scripts/token.sh (or KIBAN_TOKEN). Prints one line per figure.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$KIBAN_REPO"

ROWS="${1:-${ROWS:-10000}}"
ASSET_URL="${KIBAN_ASSET_URL:-http://127.0.0.1:8081}"
OUT="$KIBAN_HOME/bench/asset"
mkdir -p "$OUT"
curl -fsS "$ASSET_URL/q/health/ready" >/dev/null || die "asset-service is not running at $ASSET_URL"
TOKEN="${KIBAN_TOKEN:-$(scripts/token.sh jpo-admin1)}"

python3 - "$ROWS" "$OUT/sbom.json" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
comps = [{"type": "library", "group": "org.bench", "name": f"lib{i}", "version": f"1.{i % 7}.0",
          "purl": f"pkg:maven/org.bench/lib{i}@1.{i % 7}.0", "licenses": [{"license": {"id": "Apache-2.0"}}]}
         for i in range(n)]
json.dump({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": comps}, open(path, "w"))
PY

pid=$(pgrep -f 'asset-service.*(quarkus-run.jar|quarkus:dev)' | head -n 1 || true)
rss() { [[ -n "$pid" ]] && awk '/VmRSS/ {print int($2/1024) " MB"}' "/proc/$pid/status" || echo "n/a"; }

subject="bench-$(date +%s)"
t=$(curl -fsS -o "$OUT/sbom-report.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary @"$OUT/sbom.json" \
    "$ASSET_URL/imports/sbom?subject=$subject&environment=STAGING")
echo "sbom-import components=$ROWS seconds=$t (goal ≤ 3)"

before=$(rss)
t=$(curl -fsS -o "$OUT/standard-sheet.xlsx" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    "$ASSET_URL/exports/standard-sheet.xlsx")
echo "xlsx-export seconds=$t bytes=$(stat -c %s "$OUT/standard-sheet.xlsx") rss-before=$before rss-after=$(rss) (goal ≤ 5)"

: > "$OUT/search.txt"
for i in $(seq 1 300); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
        "$ASSET_URL/software?name=org.bench:lib$(( (i * 37) % ROWS ))&size=20" >> "$OUT/search.txt"
done
python3 - "$OUT/search.txt" <<'PY'
import sys
v = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
print(f"software-search n={len(v)} p50_ms={v[len(v)//2]:.1f} p99_ms={v[int(len(v)*0.99)-1]:.1f} (goal p99 ≤ 50)")
PY
