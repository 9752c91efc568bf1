#!/usr/bin/env bash
# Fuzzes the library: fuzz/run.sh SECONDS JOBS
#
# SECONDS is the total time, shared evenly by the targets (set TARGETS to
# run fewer); JOBS is the number of parallel libFuzzer jobs per target.
# Corpora go to fuzz/corpus/<target> (git-ignored), seeded from
# fuzz/seeds and fuzz/regressions; crashes go to fuzz/artifacts/<target>.
# Exits 1 if a target found a new crash, timeout or out-of-memory input.
#
# Environment:
#   TARGETS     targets to run, default "extract_bytes extract_str"
#   MAX_LEN     largest input libFuzzer makes, default 65536
#   TIMEOUT     seconds one input may take before it counts as a hang, default 10
#   SANITIZER   cargo fuzz --sanitizer, default none (the library has no unsafe code)
#   FUZZ_TOOLCHAIN  e.g. "nightly" to use `cargo +nightly fuzz`; by default the
#               active toolchain with RUSTC_BOOTSTRAP=1 for libFuzzer's flags
set -euo pipefail

seconds=${1:?usage: fuzz/run.sh SECONDS JOBS}
jobs=${2:-1}
targets=${TARGETS:-extract_bytes extract_str}
max_len=${MAX_LEN:-65536}
timeout=${TIMEOUT:-10}
sanitizer=${SANITIZER:-none}

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "run.sh: cargo-fuzz is missing: cargo install cargo-fuzz" >&2
    exit 2
fi
cargo=(cargo)
if [[ -n "${FUZZ_TOOLCHAIN:-}" ]]; then
    cargo=(cargo "+$FUZZ_TOOLCHAIN")
else
    export RUSTC_BOOTSTRAP=1
fi

read -r -a target_list <<<"$targets"
per_target=$(( seconds / ${#target_list[@]} ))
if (( per_target < 1 )); then per_target=1; fi

"${cargo[@]}" fuzz build --sanitizer "$sanitizer"
status=0
for target in "${target_list[@]}"; do
    corpus="corpus/$target"
    artifacts="artifacts/$target"
    log="artifacts/$target.log"
    mkdir -p "$corpus" "$artifacts"
    # Seed: invented releases and every regression input.
    cp -n seeds/* "$corpus"/ 2>/dev/null || true
    find regressions -type f ! -name '*.md' -exec cp -n {} "$corpus"/ \;
    marker=$(mktemp)
    parallel=()
    if (( jobs > 1 )); then parallel=(-jobs="$jobs" -workers="$jobs"); fi
    echo "== $target: ${per_target}s, $jobs job(s), max_len $max_len"
    started=$(date +%s)
    set +e
    "${cargo[@]}" fuzz run --sanitizer "$sanitizer" "$target" "$corpus" -- \
        -max_total_time="$per_target" -max_len="$max_len" -timeout="$timeout" \
        -rss_limit_mb=4096 -dict=pressrelease.dict -artifact_prefix="$artifacts/" \
        -print_final_stats=1 "${parallel[@]}" >"$log" 2>&1
    rc=$?
    set -e
    # With -jobs, libFuzzer writes each job's output to fuzz-N.log.
    for job_log in fuzz-*.log ../fuzz-*.log; do
        if [[ -f "$job_log" ]]; then cat "$job_log" >>"$log"; rm -f "$job_log"; fi
    done
    ran=$(( $(date +%s) - started ))
    execs=$(grep -ho 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
    new=$(find "$artifacts" -type f -newer "$marker" | wc -l)
    echo "   ran ${ran}s, $execs executions, corpus $(find "$corpus" -type f | wc -l) inputs," \
        "$new new artifact(s), exit $rc (log: fuzz/$log)"
    if (( new > 0 || rc != 0 )); then
        status=1
        find "$artifacts" -type f -newer "$marker" -print | head -n 20
        grep -m 5 -E 'panicked|ERROR: libFuzzer|deadly signal|Timeout|out-of-memory' "$log" || true
    fi
    rm -f "$marker"
done
if (( status != 0 )); then
    echo "run.sh: found crashes: minimise with 'cargo fuzz tmin <target> <artifact>'," >&2
    echo "        copy the result to fuzz/regressions/, add the fix and its test" >&2
fi
exit "$status"
