#!/usr/bin/env bash
# Times a 50,000-unit tree import into plan-service (or the number given) and writes benchmarks/results/import.md.
# Build first: ./mvnw -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Xmx2g -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8 \
  -cp deploy/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar \
  -Dloader.main=vn.doan.localstack.ImportBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "${1:-50000}"
