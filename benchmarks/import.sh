#!/usr/bin/env bash
# Times a 50,000-unit tree import into plan-service (or the number given) and writes benchmarks/results/import.md.
# Environment: NO_BUILD=1 skips the build (of this module's jar, benchmarks/target/benchmarks-*-exec.jar); HEAP overrides
#   -Xmx (2g); JAVA_OPTS adds options to this JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${NO_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
exec java "-Xmx${HEAP:-2g}" ${JAVA_OPTS:-} -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8 \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  -Dloader.main=vn.doan.benchmarks.ImportBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "${1:-50000}"
