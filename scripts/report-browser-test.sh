#!/usr/bin/env bash
# Renders the `tagwerk report` page of the fixture corpus (tests/data/report/)
# in headless Chromium and checks the DOM a reader gets: the entities, the
# timeline items, and no element injected by article text. Also refreshes
# docs/report-screenshot.png. Usage: scripts/report-browser-test.sh [TAGWERK]
# (default build/release/bin/tagwerk). Skips (exit 0) when chromium is missing
# or cannot start here; install it with `apt-get install chromium`.
set -euo pipefail
cd "$(dirname "$0")/.."
tagwerk=${1:-build/release/bin/tagwerk}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "report-browser-test: SKIPPED: no chromium on PATH (apt-get install chromium)"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$tagwerk" report tests/data/report/shard-1.jsonl tests/data/report/shard-2.jsonl -o "$out/report" --period day
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars
       --user-data-dir="$out/profile" --virtual-time-budget=3000)
if ! timeout 60 "$browser" "${flags[@]}" --dump-dom "file://$out/report/index.html" > "$out/dom.html" 2> "$out/chromium.log"; then
  echo "report-browser-test: SKIPPED: chromium cannot run here:"; tail -5 "$out/chromium.log"
  exit 0
fi
python3 - "$out/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
def check(ok, what):
    if not ok:
        sys.exit(f"report-browser-test: FAILED: {what}")
    print(f"report-browser-test: ok: {what}")
entities = re.findall(r"<tr><td>([^<]*)</td><td>(PER|LOC|ORG|MISC)</td>", dom)
check(("Donald Trump", "PER") in entities and len(entities) == 6, f"6 entities listed ({len(entities)})")
items = re.findall(r'<li class="timeline-item">', dom)
check(len(items) == 4, f"4 timeline items, one per day ({len(items)})")
check("<canvas" in dom, "the timeline chart's canvas")
check("<img" not in dom, "no <img> element from article text")
check("<script>alert" not in dom, "no <script> element from article text")
check("&lt;script&gt;alert(1)&lt;/script&gt;" in dom, "the hostile title shown as text")
check("&lt;img src=x onerror=alert(1)&gt;" in dom, "the hostile name shown as text")
PY
timeout 60 "$browser" "${flags[@]}" --window-size=1200,1800 --screenshot="$out/shot.png" \
  "file://$out/report/index.html" 2>> "$out/chromium.log"
cp "$out/shot.png" docs/report-screenshot.png
echo "report-browser-test: passed; screenshot in docs/report-screenshot.png"
