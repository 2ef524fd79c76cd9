#!/usr/bin/env bash
# Times dashboard queries on a ≈303,000-unit national tree and writes benchmarks/results/progress-query.md.
# Environment: NO_BUILD=1 skips the build (of this module's jar, benchmarks/target/benchmarks-*-exec.jar); HEAP overrides
#   -Xmx (18g: the in-memory MongoDB holds ≈600,000 documents); JAVA_OPTS adds options to this JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${NO_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
exec java "-Xmx${HEAP:-18g}" ${JAVA_OPTS:-} -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8 \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  -Dloader.main=vn.doan.benchmarks.ProgressQueryBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher
