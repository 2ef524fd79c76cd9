#!/usr/bin/env bash
# Builds everything (tests skipped) and starts the whole system with demo data:
# in-process Kafka and MongoDB unless KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI point at real ones.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q install -DskipTests
exec java -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8 \
  -jar deploy/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar "$@"
