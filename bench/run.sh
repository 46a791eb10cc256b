#!/usr/bin/env bash
# Times build-report against pandoc on the same text, side by side in one run.
#
#   bench/run.sh                 # 1k, 2k, 10k and 20k cases
#   SIZES="1000 2000" RUNS=3 bench/run.sh
#   PANDOC_SIZES="1000 2000" bench/run.sh   # pandoc only at these sizes
#
# For each size it writes a synthetic report folder (examples/generate.rs) and the same
# text as one Markdown file, then reports the median wall time of several runs and the
# peak memory of: a full build-report build (html, docx, json, csv), pandoc Markdown to
# docx and pandoc Markdown to HTML. Needs pandoc and GNU time (apt-get install pandoc time).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 2000 10000 20000"}
RUNS=${RUNS:-5}
PANDOC_RUNS=${PANDOC_RUNS:-3}
# pandoc's time grows faster than linearly (about 3.5 minutes for one 10k-case docx on a
# 2-core machine), so it can be limited to the sizes a comparison needs.
PANDOC_SIZES=${PANDOC_SIZES:-$SIZES}
WORK=${WORK:-$(mktemp -d)}

command -v pandoc >/dev/null || { echo "pandoc is needed: apt-get install pandoc" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin build-report --example generate
BIN=target/release/build-report
GEN=target/release/examples/generate

# Runs a command $2 times; prints "median_seconds peak_mib".
measure() {
    local runs=$1; shift
    local times=() peak=0
    for _ in $(seq "$runs"); do
        local out
        /usr/bin/time -o "$WORK/.time" -f "%e %M" "$@" >/dev/null 2>&1
        out=$(tail -1 "$WORK/.time")
        times+=("${out%% *}")
        local kb=${out##* }
        (( kb > peak )) && peak=$kb
    done
    python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[2:])):.3f} {int(sys.argv[1])/1024:.0f}')" "$peak" "${times[@]}"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(pandoc --version | head -1); build-report $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "runs: build-report $RUNS, pandoc $PANDOC_RUNS (medians); times in seconds, memory is peak RSS"
printf '%7s | %12s %8s | %12s %8s | %12s | %9s %9s\n' cases build-report MiB "pandoc docx" MiB "pandoc html" "vs docx" "vs html"

declare -A BUILD DOCX MEM
for n in $SIZES; do
    dir="$WORK/synth-$n"
    [ -d "$dir" ] || "$GEN" "$n" "$dir"
    read -r b_time b_mem < <(measure "$RUNS" "$BIN" build "$dir" --out "$WORK/out-$n" --quiet)
    d_time=- d_mem=- h_time=-
    if [[ " $PANDOC_SIZES " == *" $n "* ]]; then
        read -r d_time d_mem < <(measure "$PANDOC_RUNS" pandoc "$dir.md" -o "$WORK/pandoc-$n.docx")
        read -r h_time _ < <(measure "$PANDOC_RUNS" pandoc "$dir.md" -s -o "$WORK/pandoc-$n.html")
        DOCX[$n]=$d_time
    fi
    BUILD[$n]=$b_time MEM[$n]=$b_mem
    python3 - "$n" "$b_time" "$b_mem" "$d_time" "$d_mem" "$h_time" <<'EOF'
import sys
n, b, bm, d, dm, h = sys.argv[1:]
b = float(b)
ratio = lambda t: "-" if t == "-" else f"{float(t) / b:.1f}x"
fmt = lambda t: t if t == "-" else f"{float(t):.3f}"
print(f"{n:>7} | {b:>12.3f} {bm:>8} | {fmt(d):>12} {dm:>8} | {fmt(h):>12} | {ratio(d):>9} {ratio(h):>9}")
EOF
done

read -r s_time s_mem < <(measure "$RUNS" "$BIN" build . --out "$WORK/out-sample" --quiet)
echo "sample report (16 cases), full build including process start: ${s_time}s, ${s_mem} MiB"

# The targets of issue 5, each judged on the figures above.
verdict() { if python3 -c "import sys; sys.exit(0 if $2 else 1)"; then echo "  met:     $1"; else echo "  MISSED:  $1"; fi; }
echo "targets:"
if [[ -n "${BUILD[2000]:-}" && -n "${DOCX[2000]:-}" ]]; then
    ratio=$(python3 -c "print(f'{${DOCX[2000]}/${BUILD[2000]}:.1f}')")
    verdict "2,000 cases at least 40x faster than pandoc's docx (${ratio}x)" "$ratio >= 40"
fi
if [[ -n "${BUILD[10000]:-}" && -n "${BUILD[20000]:-}" ]]; then
    growth=$(python3 -c "print(f'{${BUILD[20000]}/${BUILD[10000]}:.2f}')")
    verdict "20,000 cases take under 2.3 times as long as 10,000 (${growth})" "$growth < 2.3"
fi
if [[ -n "${MEM[20000]:-}" ]]; then
    verdict "peak memory under 400 MiB at 20,000 cases (${MEM[20000]} MiB)" "${MEM[20000]} < 400"
fi
verdict "16-case report under 50 ms including process start (${s_time}s)" "$s_time < 0.050"
