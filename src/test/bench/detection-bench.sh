#!/usr/bin/env bash
# Lingua's high-accuracy models against its low-accuracy mode for the gateway's languages: heap, load time and
# accuracy by text length (io.lingowire.bench.DetectionModels), each mode in a JVM of its own.
# Usage: src/test/bench/detection-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
for mode in high low; do
  java -Xmx2g -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.lingowire.bench.DetectionModels "$mode"
done
