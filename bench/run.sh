#!/usr/bin/env bash
# Reruns every benchmark of Redux CLI with public tools and writes the figures of docs/performance.md:
#   whole processes with hyperfine (median, spread, user/sys CPU) and /usr/bin/time (peak RSS), each beside the bare
#   JVM's start (`java -version`) measured in the same run; in-process figures with JMH (saving) and with the
#   benchmark mains of the redux-bench module (listing, chat overhead, migration, model call, chat CLI); the one-shot
#   chat beside the AWS CLI's `bedrock-runtime converse` on the same loopback stub, the listing beside a naive Python
#   script (bench/naive_list.py), and the time to the interactive prompt on a pseudo-terminal (bench/prompt_time.py).
#
# Usage (from anywhere):  bench/run.sh [all|startup|listing|chat|saving|inprocess|s3]...
# Environment:
#   RUNS=20              hyperfine runs per whole-process benchmark (3 warm-up runs before them)
#   BENCH_DATA=/tmp/redux-bench   where generated conversations go (10,000 x 40 is 165 MB; 100,000 x 40 is 1.6 GB)
#   LIST_SIZES="100 1000 10000"   listing cost curve; add 100000 when the disk and the time allow
#   SAVE_SIZES=10,100,1000,10000  saving (append) cost curve, in messages per conversation
#   JAVA_HOME            the JDK that runs everything (the distribution's archive is only used with the JDK that built it)
# Needs: a JDK 17+, hyperfine, GNU time (/usr/bin/time), jq, python3; the AWS CLI for its row of `chat`. Builds the
# distribution and benchmarks if missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root"

RUNS=${RUNS:-20}
BENCH_DATA=${BENCH_DATA:-/tmp/redux-bench}
LIST_SIZES=${LIST_SIZES:-"100 1000 10000"}
SAVE_SIZES=${SAVE_SIZES:-10,100,1000,10000}
out=${BENCH_OUT:-$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
launcher=$root/redux-cli/target/redux_cli/bin/redux_cli
lib=$root/redux-cli/target/redux_cli/lib
runtime_java=$root/redux-cli/target/redux_cli/runtime/bin/java

for tool in hyperfine /usr/bin/time jq; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (apt-get install hyperfine time jq)" >&2; exit 1; }
done

if [ ! -x "$launcher" ] || [ ! -d redux-bench/target/classes ]; then
  echo "bench: building the distribution and the benchmarks (./mvnw -q -DskipTests package)" >&2
  ./mvnw -q -DskipTests package
fi

mkdir -p "$out" "$BENCH_DATA"
summary=$out/summary.tsv
printf 'benchmark\tmedian_ms\tmean_ms\tstddev_ms\tmin_ms\tmax_ms\tuser_ms\tsystem_ms\tpeak_rss_mb\truns\tcommand\n' > "$summary"

machine() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "memory: $(free -m | awk '/Mem:/ {print $2 " MB"}')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $("$java" -version 2>&1 | head -1)"
    echo "archive: $([ -f "$lib/redux_cli.jsa" ] && echo "lib/redux_cli.jsa made for $(cat "$lib/redux_cli.jsa.home")" || echo none)"
    echo "bundled runtime: $([ -x "$runtime_java" ] && "$runtime_java" -version 2>&1 | head -1 || echo none)"
  } | tee "$out/machine.txt"
}

# Peak RSS in MB: the median of five runs of /usr/bin/time's maximum resident set size.
peak_rss() {
  local i
  for i in 1 2 3 4 5; do
    [ -z "${prepare:-}" ] || sh -c "$prepare"
    /usr/bin/time -f '%M' -o "$out/.rss" "$@" >/dev/null 2>&1 || true
    tail -1 "$out/.rss"
  done | sort -n | sed -n 3p | awk '{printf "%.0f", $1 / 1024}'
}

# whole NAME COMMAND...: one hyperfine benchmark of a whole process, plus its peak RSS, into the summary.
# With prepare='shell command' set, that command runs before each run (outside the timing).
whole() {
  local name=$1
  shift
  hyperfine -N --warmup 3 --runs "$RUNS" ${prepare:+--prepare "$prepare"} --export-json "$out/$name.json" --command-name "$name" "$*" >/dev/null
  local rss
  rss=$(peak_rss "$@")
  jq -r --arg rss "$rss" --arg command "$*" '.results[0] |
      [.command, (.median*1000|round), (.mean*1000|round), (.stddev*1000|round), (.min*1000|round), (.max*1000|round),
       (.user*1000|round), (.system*1000|round), $rss, (.times|length), $command] | @tsv' "$out/$name.json" >> "$summary"
  tail -1 "$summary" | awk -F'\t' '{printf "  %-36s median %6s ms  (min %s, max %s, sd %s)  user %s ms  peak %s MB\n", $1, $2, $5, $6, $4, $7, $9}'
}

# The class path of the benchmarks: redux-bench's classes and every module and library they run (JMH too), from a
# fresh build; asked of Maven once per run, into bench_cp.
bench_cp=
bench_classpath() {
  if [ -z "$bench_cp" ]; then
    ./mvnw -q -DskipTests package dependency:build-classpath -pl redux-bench -am \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/bench.cp" >&2
    bench_cp="redux-bench/target/classes:$(cat "$out/bench.cp")"
  fi
}

generate() {
  local n=$1
  if [ ! -f "$BENCH_DATA/c$n/.complete" ]; then
    rm -rf "$BENCH_DATA/c$n"
    bench_classpath
    "$java" -cp "$bench_cp" io.redux.storage.json.bench.ConversationGenerator "$BENCH_DATA/c$n" "$n" 40
    touch "$BENCH_DATA/c$n/.complete"
  fi
}

startup() {
  echo "== start-up (the bare JVM first, as the baseline)"
  mkdir -p "$BENCH_DATA/empty"
  whole jvm-baseline "$java" -version
  if [ -x "$runtime_java" ]; then
    whole runtime-jvm-baseline "$runtime_java" -version
  fi
  whole version "$launcher" --version
  whole help "$launcher" --help
  whole list-empty env REDUX_CONVERSATIONS_DIR="$BENCH_DATA/empty" "$launcher" conversations list
  # The same JVM flags as the launcher without the class-data-sharing archive, to show what the archive buys.
  whole version-no-archive "$java" -XX:TieredStopAtLevel=1 -Dguice_bytecode_gen_option=DISABLED \
    -cp "$lib/*" io.redux.cli.Main --version
  whole list-empty-no-archive env REDUX_CONVERSATIONS_DIR="$BENCH_DATA/empty" "$java" -XX:TieredStopAtLevel=1 \
    -Dguice_bytecode_gen_option=DISABLED -cp "$lib/*" io.redux.cli.Main conversations list
}

listing() {
  echo "== conversations list, 40 messages per conversation"
  local n
  for n in $LIST_SIZES; do
    generate "$n"
    # First without the folder's summary index (the first listing, or one after every file changed), then with it.
    prepare="rm -f $BENCH_DATA/c$n/.summary-index" \
      whole "list-$n-unindexed" env REDUX_CONVERSATIONS_DIR="$BENCH_DATA/c$n" "$launcher" conversations list
    whole "list-$n" env REDUX_CONVERSATIONS_DIR="$BENCH_DATA/c$n" "$launcher" conversations list
    # The floor to beat: json.load of every file and a sort, in Python, files in the page cache as for the CLI.
    whole "python-naive-list-$n" python3 "$root/bench/naive_list.py" "$BENCH_DATA/c$n"
  done
}

# stub_endpoint: starts the testkit's stub server (Bedrock and STS) on loopback; sets stub_pid and endpoint.
stub_endpoint() {
  local stub=redux-testkit/target/redux-stub-server.jar i
  "$java" -jar "$stub" --port 0 > "$out/stub.log" 2>&1 &
  stub_pid=$!
  endpoint=
  for i in $(seq 1 100); do
    endpoint=$(sed -n 's/^listening on //p' "$out/stub.log")
    [ -n "$endpoint" ] && break
    sleep 0.1
  done
}

chat() {
  echo "== one-shot chat against the loopback stub, beside the AWS CLI's converse on the same stub; time to the prompt"
  stub_endpoint
  mkdir -p "$BENCH_DATA/chats"
  # Fake keys, no instance metadata, both tools at the stub; the CLI's STS identity call goes to the stub too.
  local env_args="AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKE1234 AWS_SECRET_ACCESS_KEY=fake AWS_EC2_METADATA_DISABLED=true
    AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL_STS=$endpoint REDUX_ENDPOINT_URL=$endpoint
    REDUX_CONVERSATIONS_DIR=$BENCH_DATA/chats"
  # shellcheck disable=SC2086
  whole chat-one-shot env -u AWS_CA_BUNDLE $env_args "$launcher" chat hello
  # The AWS CLI itself: where `aws` is a pyenv shim (a shell script that looks the real one up on every run), the
  # program it would run, so the shim's own start is not counted against the AWS CLI.
  local aws
  aws=$(command -v aws || true)
  case $aws in */shims/aws) aws=$(pyenv which aws 2>/dev/null || echo "$aws") ;; esac
  if [ -n "$aws" ]; then
    # shellcheck disable=SC2086
    whole aws-cli-converse env -u AWS_CA_BUNDLE $env_args "$aws" bedrock-runtime converse --endpoint-url "$endpoint" \
      --model-id anthropic.claude-3-5-sonnet-20241022-v2:0 --messages 'role=user,content=[{text=hello}]'
  else
    echo "  (skipped aws-cli-converse: no AWS CLI)"
  fi
  # shellcheck disable=SC2086
  env -u AWS_CA_BUNDLE $env_args TERM=xterm python3 "$root/bench/prompt_time.py" "$RUNS" "$launcher" chat \
    | tee "$out/prompt.txt"
  kill "$stub_pid"
}

saving() {
  echo "== saving: JMH SaveBenchmark, one durable append by conversation size; the launcher's JIT flags, then the default"
  bench_classpath
  "$java" -cp "$bench_cp" org.openjdk.jmh.Main SaveBenchmark -p messages="$SAVE_SIZES" \
    -jvmArgsAppend "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" -rf json -rff "$out/save-launcher-flags.json" \
    | tee "$out/save-launcher-flags.txt" | grep -E '^(Benchmark|SaveBenchmark)'
  "$java" -cp "$bench_cp" org.openjdk.jmh.Main SaveBenchmark -p messages="$SAVE_SIZES" \
    -rf json -rff "$out/save-default-jit.json" | tee "$out/save-default-jit.txt" | grep -E '^(Benchmark|SaveBenchmark)'
}

# inprocess_main CLASS ARGS...: a benchmark main of redux-bench, in a fresh JVM, under /usr/bin/time.
inprocess_main() {
  local class=$1
  shift
  echo "-- $class $*" | tee -a "$out/inprocess.txt"
  /usr/bin/time -f 'process: %e s wall, %U s user, %S s sys, peak RSS %M KB' \
    "$java" -cp "$bench_cp" "$class" "$@" 2>&1 | tee -a "$out/inprocess.txt"
}

inprocess() {
  echo "== in-process benchmark mains"
  bench_classpath
  generate 10000
  inprocess_main io.redux.storage.json.bench.ListingBenchmark "$BENCH_DATA/c10000" 5
  inprocess_main io.redux.testkit.bench.ChatOverheadBenchmark
  inprocess_main io.redux.storage.migration.bench.MigrationBenchmark build 1000 "$BENCH_DATA/migration"
  inprocess_main io.redux.storage.migration.bench.MigrationBenchmark migrate "$BENCH_DATA/migration" json
  inprocess_main io.redux.storage.migration.bench.MigrationBenchmark again "$BENCH_DATA/migration"
  if [ -f redux-testkit/target/redux-stub-server.jar ]; then
    # One model call in a fresh JVM against the Bedrock stub on loopback.
    stub_endpoint
    for mode in stream converse; do
      inprocess_main io.redux.aws.bench.ModelCallBenchmark "$endpoint" "$mode"
    done
    kill "$stub_pid"
  else
    echo "  (skipped ModelCallBenchmark: no stub server jar; ./mvnw -q -DskipTests package makes it)"
  fi
  # NoCredentialsBenchmark probes the real EC2 metadata address unless given a loopback one; run it by hand (see
  # docs/performance.md, Model calls).
  echo "-- TurnOverheadBenchmark (a session turn and a whole chat command in a warm JVM, the launcher's JIT flags)" \
    | tee -a "$out/inprocess.txt"
  "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dguice_bytecode_gen_option=DISABLED -cp "$bench_cp" \
    io.redux.cli.bench.TurnOverheadBenchmark 40 | tee -a "$out/inprocess.txt"
  echo "-- ChatCliBenchmark (one-shot chat through the launcher against the local stubs)" | tee -a "$out/inprocess.txt"
  "$java" -cp "$bench_cp" io.redux.cli.bench.ChatCliBenchmark | tee -a "$out/inprocess.txt"
}

# Conversations in S3: listing 1,000 from a local S3 server (S3Mock, in the benchmark's JVM); its main lives in
# redux-storage-s3's test code, whose class path has S3Mock.
s3() {
  ./mvnw -q -DskipTests test-compile dependency:build-classpath -pl redux-storage-s3 -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/s3.cp" >&2
  # S3Mock, then the testkit's in-memory S3Stub: what is left with the stub is the client's cost.
  for server in s3mock stub; do
    "$java" -cp "redux-storage-s3/target/test-classes:redux-storage-s3/target/classes:$(cat "$out/s3.cp")" \
      io.redux.storage.s3.S3ListingBenchmark 1000 40 "$server" 2>&1 | grep -v ' WARN ' | tee -a "$out/s3.txt"
  done
}

machine
targets=${*:-all}
for target in $targets; do
  case $target in
    all) startup; listing; chat; saving; inprocess ;;
    startup|listing|chat|saving|inprocess|s3) "$target" ;;
    *) echo "bench: unknown benchmark '$target' (all, startup, listing, chat, saving, inprocess, s3)" >&2; exit 2 ;;
  esac
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
# The table of docs/performance.md: each whole-process median beside the bare JVM's of the same run.
awk -F'\t' 'NR == 1 { next }
  $1 == "jvm-baseline" { base = $2 }
  { rows[NR] = $0 }
  END {
    print "| benchmark | median (min-max) ms | user+sys CPU ms | peak RSS MB | x JVM start |"
    print "| --- | --- | --- | --- | --- |"
    for (i = 2; i <= NR; i++) {
      split(rows[i], f, "\t")
      printf "| %s | %s (%s-%s) | %d | %s | %s |\n", f[1], f[2], f[5], f[6], f[7] + f[8], f[9], base ? sprintf("%.1f", f[2] / base) : "-"
    }
  }' "$summary" | tee "$out/summary.md"
rm -f "$out/.rss"
echo "results: $out (summary.tsv, one hyperfine JSON per benchmark, machine.txt)"
