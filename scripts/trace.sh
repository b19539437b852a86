#!/usr/bin/env bash
# Requirement trace: for every R-… id in docs/requirements.md, the tests that name it.
#   scripts/trace.sh            print the table id → tests
#   scripts/trace.sh --strict   also fail when an id has no test
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$KIBAN_REPO"

strict=0
[[ "${1:-}" == --strict ]] && strict=1
ids=$(grep -oE '^\| R-[A-Z]+-[0-9]+ ' docs/requirements.md | tr -d '| ')
missing=0
printf '%-9s %s\n' "id" "tests"
for id in $ids; do
    under=${id//-/_}
    # a test method named R_XX_n_… or a @DisplayName("R-XX-n …"); R-AS-1 must not match R-AS-10
    tests=$( { grep -rEn --include='*Test.java' --include='*IT.java' --include='*E2E.java' --include='*Drill.java' \
                 -e "void [A-Za-z0-9_]*${under}(_|\\b)" -e "@DisplayName\\(\"${id}([^0-9]|\")" . 2>/dev/null || true; } \
            | { grep -v '/target/' || true; } \
            | sed -E 's#^\./([^/]+)/.*/([A-Za-z0-9]+)\.java:([0-9]+):.*#\1:\2#' | sort -u)
    if [[ -z "$tests" ]]; then
        printf '%-9s %s\n' "$id" "— none —"
        missing=$((missing + 1))
    else
        printf '%-9s %s\n' "$id" "$(echo "$tests" | head -3 | tr '\n' ' ')$( (( $(echo "$tests" | wc -l) > 3 )) && echo "…")"
    fi
done
total=$(echo "$ids" | wc -w)
echo "trace: $((total - missing)) of $total requirement ids have tests"
if ((strict && missing)); then
    die "$missing requirement ids have no test"
fi
