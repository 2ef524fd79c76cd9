#!/usr/bin/env bash
# Throughput, submit-to-centre latency, consumer lag, exactness and reconciliation time on a national tree,
# with the Kafka ceiling of this machine; writes benchmarks/results/national.{json,md} and national-latency.png (full),
# national-quick.{json,md} and national-quick-latency.png (quick).
#   benchmarks/national.sh quick   # ≈9,600 units, reports as fast as the stack answers for 60 s (a few minutes in all)
#   benchmarks/national.sh full    # ≈303,000 units, 1,000 reports/s for 60 s (setup alone takes long; see results)
# Further options after the profile: --rate=N (0 = as fast as possible) --seconds=N --concurrency=N --seed=N
#   --drain-seconds=N --exact-limit=N --warmup=N --mongo=memory|h2
#   --batch=none|phone|sheet (default none: one report a request; phone: POST /api/reports/batch with 5–20 reports,
#   sheet: with 100–500) --rollup-consumers=N (default 1: indicator-service's consumers of the reports topic, up to its 3 partitions)
#   --results=NAME (the files' name under benchmarks/results/; default national for full, national-<profile> otherwise)
#   --processes=one|separate (default one: everything in this JVM; separate: Kafka + MongoDB in one JVM, each service in
#   its own, the driver in this one, as in production — slower on 2 cores, see results/national-profile.md)
#   --infra-heap=3g --service-heap=768m (separate only)
# Environment: NO_BUILD=1 skips the build (of this module's jar, benchmarks/target/benchmarks-*-exec.jar); JFR=file.jfr
#   records a Java Flight Recording of this JVM; HEAP overrides its -Xmx; JAVA_OPTS adds options to this JVM (e.g. JAVA_OPTS='-XX:+UseZGC -Xlog:gc:file=/tmp/gc.log'), STACK_JAVA_OPTS
#   to the JVMs of the stack when separate.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-quick}"
shift || true
if [[ "${NO_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
# the whole stack's heap; with --processes=separate the load driver's
if [[ " $* " == *" --processes=separate "* ]]; then
  heap="${HEAP:-$([[ "$profile" == full ]] && echo 3g || echo 1g)}"
else
  heap="${HEAP:-$([[ "$profile" == full ]] && echo 12g || echo 3g)}"
fi
jfr=()
if [[ -n "${JFR:-}" ]]; then
  jfr=("-XX:StartFlightRecording=filename=${JFR},settings=profile,dumponexit=true")
fi
# On 2 cores the common pool has one thread, and CompletableFuture's async steps (the load driver's HTTP client) would
# start a new thread for every answer: give it two.
# G1 aiming at 20 ms pauses (not 200): the province dashboard's tail is G1's young pauses (results/national-profile.md)
exec java "-Xmx${heap}" -XX:MaxGCPauseMillis=20 "${jfr[@]}" ${JAVA_OPTS:-} -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8 \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  -Dloader.main=vn.doan.benchmarks.national.NationalBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "$profile" "$@"
