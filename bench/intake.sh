#!/usr/bin/env bash
# What bulk intake and 2.5 cost the silo, on the stack of bench/run.sh:
#   1. INTAKE_REQUESTS maximal accepted 2.3 arrays (Supervision:Intake:MaxPeoplePerRequest people each, new people
#      every time, each with a photo URL and a remark): wall time of each request, and the silo's resident memory
#      (VmRSS) and CPU time before and after each; then one array of one person more, which must be refused 1003.
#   2. one class of INTAKE_CLASS_SIZE learners (one 2.4, then a startStudy and a report each, by LoadGen's sweep),
#      then 2.5 on it: warm, then cold (silo killed and started again, so nothing of the class is in memory on that
#      call), then warm again; with the silo's grain activations (Orleans' orleans-catalog-activations gauge on /metrics)
#      before and after each, as 2.5 reads the learners' committed state and activates none of their grains.
# Settings: INTAKE_REQUESTS (5), INTAKE_MAX (1000, the default maximum), INTAKE_CLASS_SIZE (5000).
set -euo pipefail

requests=${INTAKE_REQUESTS:-5}
max=${INTAKE_MAX:-1000}
class_size=${INTAKE_CLASS_SIZE:-5000}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
url() { echo "http://127.0.0.1:$front_port$1"; }
# The silo's grain activations now, summed over grain types (the single process's /metrics carries the silo's).
activations() {
  curl -s "$(url /metrics)" | awk '/^orleans_catalog_activations[{ ]/ { v = $0; sub(/^[^}]*} /, "", v); if (v == $0) sub(/^[^ ]+ /, "", v); split(v, f, " "); s += f[1] }
    END { print s + 0 }'
}

# Answers "returnCode http_status seconds bytes" of one envelope POST whose body is in a file.
post() {
  local answer
  answer=$(curl -s -o "$work/answer.json" -w '%{http_code} %{time_total} %{size_download}' "$(url "$1")" -H 'Content-Type: application/json' --data-binary "@$2")
  echo "$(sed -n 's/.*"returnCode":"\([0-9]*\)".*/\1/p' "$work/answer.json") $answer"
}

token_of() {
  curl -s "$(url /api/v1/thlogin)" -H 'Content-Type: application/json' \
    -d '{"headers":{"deviceType":"TYPE_PC"},"data":{"studyPlatformAcount":"'"$1"'","passWord":"'"$2"'"}}' |
    sed -n 's/.*"acceptToken":"\([^"]*\)".*/\1/p'
}

# A 2.3 body of $2 people, numbered from $3 (each a well-formed, distinct ID number), for token $1.
student_batch() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
token, count, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def card(n):
    body = "3201%02d%04d%02d%02d%03d" % (n // 3_000_000 % 100, 1960 + n // 100_000 % 40, 1 + n // 8_000 % 12, 1 + n // 1_000 % 28, n % 1000)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
people = [{"studyPlatformApiUrl": "http://bench-lp.example.test/api", "stuCode": "bench-%d" % n, "stuName": "学员%d" % n,
           "stuCard": card(n), "mobile": "139%08d" % n, "ercunPhotos": "https://media.example.test/photos/%d.jpg" % n,
           "remark": "bench"} for n in range(first, first + count)]
print(json.dumps({"headers": {"deviceType": "TYPE_PC", "userToken": token}, "data": people}, ensure_ascii=False))
PY
}

build_release
# The maximum is the one measured; the rate stays lifted (stack.sh), as the requests come back to back.
BENCH_MAX_PEOPLE_PER_REQUEST=$max start_supervision

admin() { curl -s "$(url /admin/platforms)" -H "X-Admin-Key: $SUPERVISION_ADMIN_KEY" -H 'Content-Type: application/json' -d "$1" >/dev/null; }
admin '{"code":"BENCHLP","name":"bench learning","role":"learning","account":"bench-lp","password":"bench-password","apiBaseUrl":"http://bench-lp.example.test/api"}'
admin '{"code":"BENCHBP","name":"bench business","role":"business","account":"bench-bp","password":"bench-password"}'
business=$(token_of bench-bp bench-password)

echo "intake: warm-up, one 2.3 of 100 people" >&2
student_batch "$business" 100 9000000 >"$work/warm.json"
post /api/user/v1/studentInfo "$work/warm.json" >/dev/null
sleep 5

echo "| request | people | body | answer | wall time | silo RSS before → after | silo CPU |"
echo "|---|---|---|---|---|---|---|"
for i in $(seq 1 "$requests"); do
  student_batch "$business" "$max" $(( i * 100000 )) >"$work/batch.json"
  before_rss=$(rss_mb "$silo_pid"); before_cpu=$(cpu_s "$silo_pid")
  read -r code status seconds _ < <(post /api/user/v1/studentInfo "$work/batch.json")
  sleep 2
  echo "| 2.3 #$i | $max | $(( $(stat -c %s "$work/batch.json") / 1024 )) KB | $code (HTTP $status) | ${seconds} s | $before_rss → $(rss_mb "$silo_pid") MB | $(awk -v a="$before_cpu" -v b="$(cpu_s "$silo_pid")" 'BEGIN { printf "%.2f s", b - a }') |"
done
student_batch "$business" $(( max + 1 )) 8000000 >"$work/over.json"
before_rss=$(rss_mb "$silo_pid")
read -r code status seconds _ < <(post /api/user/v1/studentInfo "$work/over.json")
echo "| 2.3 over the maximum | $(( max + 1 )) | $(( $(stat -c %s "$work/over.json") / 1024 )) KB | $code (HTTP $status) | ${seconds} s | $before_rss → $(rss_mb "$silo_pid") MB | |"
[ "$code" = 1003 ] || { echo "intake: an array over the maximum was answered $code, not 1003" >&2; exit 1; }

echo >&2
echo "intake: a class of $class_size learners for 2.5 (limits lifted for the one roster)" >&2
kill "$silo_pid"; wait "$silo_pid" 2>/dev/null || true
export Supervision__Intake__MaxPeoplePerRequest=$class_size
start_silo
wait_for "$(url /health/ready)" healthy
run="study$$"
"${loadgen[@]}" --url "http://127.0.0.1:$front_port" --mode sweep --learners "$class_size" --class-size "$class_size" --run "$run" >&2
# LoadGen's platforms' password, derived from the operator key as LoadGen derives it (TestPopulation.PlatformPassword).
lg_password=$(python3 -c 'import hashlib, hmac, sys; print(hmac.new(sys.argv[1].encode(), ("loadgen platforms " + sys.argv[2]).encode(), hashlib.sha256).hexdigest().upper()[:32])' \
  "$SUPERVISION_ADMIN_KEY" "$run")
business=$(token_of "lg-bp-$run" "$lg_password")
[ -n "$business" ] || { echo "intake: LoadGen's business platform could not log in" >&2; exit 1; }
printf '{"headers":{"deviceType":"TYPE_PC","userToken":"%s"},"data":{"classCode":"lg-%s-c0"}}' "$business" "$run" >"$work/study.json"

echo
echo "| 2.5 on a class of $class_size | answer | rows | wall time | silo RSS before → after | grain activations before → after |"
echo "|---|---|---|---|---|---|"
study() {
  local before before_activations; before=$(rss_mb "$silo_pid"); before_activations=$(activations)
  read -r code status seconds bytes < <(post /api/class/v1/classStudentStudy "$work/study.json")
  [ "$code" = 0 ] || { echo "intake: 2.5 answered $code" >&2; cat "$work/answer.json" >&2; exit 1; }
  echo "| $1 | $code (HTTP $status, $(( bytes / 1024 )) KB) | $(grep -o '"userCode"' "$work/answer.json" | wc -l) | ${seconds} s | $before → $(rss_mb "$silo_pid") MB | $before_activations → $(activations) |"
}
study "warm #1"; study "warm #2"; study "warm #3"
kill -9 "$silo_pid"; wait "$silo_pid" 2>/dev/null || true
start_silo
wait_for "$(url /health/ready)" healthy
sleep 5
study "cold (after a silo restart)"; study "warm again #1"; study "warm again #2"
