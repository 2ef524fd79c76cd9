#!/usr/bin/env bash
# Times dashboard queries on a ≈303,000-unit national tree and writes benchmarks/results/progress-query.md.
# Build first: ./mvnw -q install -DskipTests. HEAP overrides -Xmx (18g: the in-memory MongoDB holds ≈600,000 documents).
set -euo pipefail
cd "$(dirname "$0")/.."
exec java "-Xmx${HEAP:-18g}" -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8 \
  -cp deploy/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar \
  -Dloader.main=vn.doan.localstack.ProgressQueryBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher 
