#!/usr/bin/env bash
# Lighthouse performance (mobile) of the demo served as in production: gunicorn with
# config.settings.production, static files compressed and cached by WhiteNoise after
# collectstatic, media files from a second origin as from a CDN. Prints four scores: the
# English and Persian home pages and an article of each. Not part of CI.
#
#   make lighthouse            (or: bash scripts/lighthouse.sh)
#   PORT=8123 MEDIA_PORT=8124 LIGHTHOUSE_DIR=/tmp/nejat-lighthouse CHROME_PATH=/usr/bin/chromium
#
# Needs node/npm (Lighthouse is installed into LIGHTHOUSE_DIR, outside the repository) and
# Chromium. The demo database, media and reports live in LIGHTHOUSE_DIR too.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8123}
MEDIA_PORT=${MEDIA_PORT:-8124}
WORK=${LIGHTHOUSE_DIR:-/tmp/nejat-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PY=${PYTHON:-.venv/bin/python}
LIGHTHOUSE=$WORK/node_modules/.bin/lighthouse

mkdir -p "$WORK"
if [ ! -x "$LIGHTHOUSE" ]; then
  npm install --prefix "$WORK" --no-audit --no-fund --silent lighthouse
fi

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=lighthouse-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SECURE_HSTS_SECONDS=0
export DATABASE_URL=sqlite:///$WORK/db.sqlite3
export STATIC_ROOT=$WORK/static MEDIA_ROOT=$WORK/media
export MEDIA_URL=http://127.0.0.1:$MEDIA_PORT/media/
# The Content-Security-Policy must allow the media origin, or every picture is blocked
# and the pages are measured without their images.
export CSP_MEDIA_ORIGIN=http://127.0.0.1:$MEDIA_PORT
export LOG_LEVEL=WARNING

"$PY" manage.py migrate --no-input -v 0
"$PY" manage.py compilemessages --ignore=.venv -v 0 2>/dev/null || true
"$PY" manage.py configure_site --hostname 127.0.0.1 --port "$PORT" >/dev/null
"$PY" manage.py load_demo >/dev/null
"$PY" manage.py prepare_renditions
"$PY" manage.py collectstatic --no-input -v 0

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
"$PY" -m http.server "$MEDIA_PORT" --bind 127.0.0.1 --directory "$WORK" >/dev/null 2>&1 &
pids+=($!)
.venv/bin/gunicorn config.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
  --log-level warning &
pids+=($!)
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.2
done

# The newest article of each edition.
read -r EN_ARTICLE FA_ARTICLE < <("$PY" manage.py shell -v 0 -c "
from news.models import ArticlePage
from wagtail.models import Locale
def newest(code):
    return ArticlePage.objects.listed(Locale.objects.get(language_code=code)).first().url
print(newest('en'), newest('fa'))
" 2>/dev/null)

BASE=http://127.0.0.1:$PORT
declare -A PAGES=([home-en]=/en/ [article-en]=$EN_ARTICLE [home-fa]=/fa/ [article-fa]=$FA_ARTICLE)
# Lighthouse's simulated mobile CPU is this machine's CPU slowed down four times, so a busy
# machine scores lower: each page is measured RUNS times and the median run is reported.
RUNS=${RUNS:-3}
echo "Lighthouse $("$LIGHTHOUSE" --version), mobile, performance, median of $RUNS runs ($(date -u +%Y-%m-%d)):"
for name in home-en article-en home-fa article-fa; do
  url=$BASE${PAGES[$name]}
  rm -f "$WORK/$name"-*.json
  curl -fs "$url" >/dev/null  # a first visit fills the page cache, as on a live site
  for run in $(seq 1 "$RUNS"); do
    # On a busy machine Lighthouse now and then fails to record the trace (NO_NAVSTART)
    # and reports no score: such a run is tried again, up to three times.
    for _attempt in 1 2 3; do
      "$LIGHTHOUSE" "$url" --quiet --only-categories=performance --form-factor=mobile \
        --chrome-flags="--headless --no-sandbox --disable-gpu" \
        --output=json --output-path="$WORK/$name-$run.json" >/dev/null 2>&1 || true
      "$PY" -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["categories"]["performance"]["score"] is None)' \
        "$WORK/$name-$run.json" 2>/dev/null && break
    done
  done
  "$PY" - "$name" "$url" "$WORK/$name"-*.json <<'PY'
import json
import statistics
import sys

name, url, *paths = sys.argv[1:]
reports = [json.load(open(path)) for path in paths]
reports = sorted(
    (report for report in reports if report["categories"]["performance"]["score"] is not None),
    key=lambda report: report["categories"]["performance"]["score"],
)
if not reports:
    print(f"  {name:<11} no run gave a score  {url}")
    sys.exit(0)
report = reports[len(reports) // 2]
audits = report["audits"]
score = round(report["categories"]["performance"]["score"] * 100)
metrics = ", ".join(
    f"{key} {audits[audit]['displayValue']}"
    for key, audit in [
        ("FCP", "first-contentful-paint"),
        ("LCP", "largest-contentful-paint"),
        ("TBT", "total-blocking-time"),
        ("CLS", "cumulative-layout-shift"),
    ]
)
all_scores = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
benchmark = statistics.median(r["environment"]["benchmarkIndex"] for r in reports)
print(f"  {name:<11} {score:>3}  {metrics}  (runs {all_scores}, CPU index {benchmark:.0f})  {url}")
# A request the browser refused (CSP) or that failed would make the score meaningless.
failed = [
    item["url"]
    for item in audits["network-requests"]["details"]["items"]
    if not 200 <= item.get("statusCode", 0) < 400
]
for failed_url in failed:
    print(f"    FAILED: {failed_url}")
PY
done
