#!/usr/bin/env bash
# Times build-report against a floor and against its peers on the same text, side by side in
# one run, and judges the targets of issue 19 ("Performance") on what it has just measured.
#
#   bench/run.sh                                  # 2k, 10k and 20k cases
#   SIZES="2000" RUNS=3 bench/run.sh
#   PANDOC_SIZES="2000" OFFICE_SIZES="" bench/run.sh   # the slow peers at these sizes only ("" for none)
#   MEMBERS=5 SIZES="2000" bench/run.sh           # each case a folder of case.md and 5 members' files
#   ARCHIVE_MEETINGS=40 SIZES="" bench/run.sh     # only the archive of 40 meetings of 16 cases
#   SIZES="10000 20000" FULL_SIZES=10000 bench/run.sh   # the default build and PDF at 10k only
#   SERVE_RUNS=10 SIZES="" ARCHIVE_MEETINGS="" bench/run.sh   # only serve's rebuild
#
# For each size it writes a synthetic report folder (examples/generate.rs) and the same text
# as one Markdown file, then reports the median wall time of several runs and the peak memory of:
#   floor    examples/floor.rs: split front matter, parse it with serde-saphyr and the body with
#            pulldown-cmark, nothing else; every build-report time is also given as a multiple
#            of it, since it moves with the machine and its load as build-report does
#   check    build-report check
#   core     build-report build --format html,docx,json,csv
#   default  build-report build (every format)
#   pdf      build-report build --format pdf
#   pandoc   pandoc Markdown to docx, with its defaults and with -f markdown-auto_identifiers
#   office   LibreOffice converting build-report's own report.docx to PDF
# Needs pandoc, GNU time and LibreOffice (apt-get install pandoc time libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES-"2000 10000 20000"}
RUNS=${RUNS:-5}
# The floor, check and the core four take tenths of a second, where a machine's noise is
# largest against them, so they are run more often.
FAST_RUNS=${FAST_RUNS:-15}
PEER_RUNS=${PEER_RUNS:-3}
# pandoc's and LibreOffice's times grow faster than linearly (minutes for one 10k-case docx on
# a 2-core machine), so they can be limited to the sizes a target needs.
PANDOC_SIZES=${PANDOC_SIZES-2000}
OFFICE_SIZES=${OFFICE_SIZES-2000}
# The default build and the PDF alone take minutes and tens of GiB at 20,000 cases, so they
# too can be limited to some sizes.
FULL_SIZES=${FULL_SIZES-$SIZES}
WORK=${WORK:-$(mktemp -d)}
MEMBERS=${MEMBERS:-}
# Meetings of the synthetic archive ("" leaves the archive out).
ARCHIVE_MEETINGS=${ARCHIVE_MEETINGS-40}
# Changes saved to a served 16-case report ("" leaves serve out).
SERVE_RUNS=${SERVE_RUNS-10}

command -v pandoc >/dev/null || { echo "pandoc is needed: apt-get install pandoc" >&2; exit 2; }
command -v soffice >/dev/null || { echo "LibreOffice is needed: apt-get install libreoffice-writer-nogui" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }

# Every build lays out its PDFs, as a first build does, except the one that measures reuse.
export BUILD_REPORT_CACHE=off

# PROFILE=dev tries the script itself quickly; its figures mean nothing.
PROFILE=${PROFILE:-release}
cargo build --profile "$PROFILE" --quiet --bin build-report --example generate --example floor
OUT=target/$([[ $PROFILE == dev ]] && echo debug || echo "$PROFILE")
BIN=$OUT/build-report
GEN=$OUT/examples/generate
FLOOR=$OUT/examples/floor

# Runs a command $1 times; prints "median_seconds peak_mib". The time is taken with the
# clock's nanoseconds, not GNU time's %e, which counts in hundredths: the floor takes about
# 0.04 s, so a hundredth either way would move a ratio to it by a quarter.
measure() {
    local runs=$1; shift
    local times=() peak=0
    for _ in $(seq "$runs"); do
        local out start end
        start=$(date +%s%N)
        /usr/bin/time -o "$WORK/.time" -f "%M" "$@" >/dev/null 2>&1 || {
            echo "failed: $*" >&2; exit 1; }
        end=$(date +%s%N)
        out=$(tail -1 "$WORK/.time")
        times+=("$(python3 -c "print(($end - $start) / 1e9)")")
        local kb=$out
        (( kb > peak )) && peak=$kb
    done
    python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[2:])):.3f} {int(sys.argv[1])/1024:.0f}')" "$peak" "${times[@]}"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(pandoc --version | head -1); $(soffice --version 2>/dev/null | head -1); build-report $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "runs: floor, check and core $FAST_RUNS, other builds $RUNS, peers $PEER_RUNS (medians); seconds, with peak MiB; (×floor) is the time over the floor's"

declare -A T M
row() { # name size seconds mib
    T[$1,$2]=$3 M[$1,$2]=$4
    local times_floor="-"
    [[ -n "${T[floor,$2]:-}" && "$1" != floor ]] && times_floor=$(python3 -c "print(f'{$3/max(${T[floor,$2]},0.001):.1f}')")
    printf '%7s  %-28s %9.3f s %7s MiB  (×floor %s)\n' "$2" "$1" "$3" "$4" "$times_floor"
}

for n in $SIZES; do
    dir="$WORK/synth-$n${MEMBERS:+-members-$MEMBERS}"
    [ -d "$dir" ] || "$GEN" "$n" "$dir" $MEMBERS >/dev/null
    # Read once unmeasured, so that no command is timed against a cold disk cache and the
    # floor, timed first, is not the one that pays for it.
    "$FLOOR" "$dir" >/dev/null
    read -r t m < <(measure "$FAST_RUNS" "$FLOOR" "$dir"); row floor "$n" "$t" "$m"
    read -r t m < <(measure "$FAST_RUNS" "$BIN" check "$dir"); row check "$n" "$t" "$m"
    read -r t m < <(measure "$FAST_RUNS" "$BIN" build "$dir" --out "$WORK/core-$n" --format html,docx,json,csv --quiet); row core "$n" "$t" "$m"
    if [[ " $FULL_SIZES " == *" $n "* || " $OFFICE_SIZES " == *" $n "* ]]; then
        read -r t m < <(measure "$RUNS" "$BIN" build "$dir" --out "$WORK/default-$n" --quiet); row default "$n" "$t" "$m"
        read -r t m < <(measure "$RUNS" "$BIN" build "$dir" --out "$WORK/pdf-$n" --format pdf --quiet); row pdf "$n" "$t" "$m"
    fi
    if [[ " $PANDOC_SIZES " == *" $n "* ]]; then
        read -r t m < <(measure "$PEER_RUNS" pandoc "$dir.md" -o "$WORK/pandoc-$n.docx"); row "pandoc docx" "$n" "$t" "$m"
        read -r t m < <(measure "$PEER_RUNS" pandoc -f markdown-auto_identifiers "$dir.md" -o "$WORK/pandoc-noid-$n.docx"); row "pandoc docx -auto_identifiers" "$n" "$t" "$m"
    fi
    if [[ " $OFFICE_SIZES " == *" $n "* ]]; then
        read -r t m < <(measure "$PEER_RUNS" soffice --headless --convert-to pdf --outdir "$WORK/office-$n" "$WORK/default-$n/report.docx"); row "office docx to pdf" "$n" "$t" "$m"
    fi
done

# An archive of ARCHIVE_MEETINGS meetings of 16 cases, each a generated report folder with
# its own month: built whole with every format, then, with the store of PDFs a first build
# leaves, again after one point is added to one meeting's case. The second build's output
# must be byte for byte what a build laying out every PDF writes.
if [[ -n "$ARCHIVE_MEETINGS" ]]; then
    archive="$WORK/archive-$ARCHIVE_MEETINGS"
    if [ ! -d "$archive" ]; then
        for k in $(seq 1 "$ARCHIVE_MEETINGS"); do
            month=$(printf '%04d-%02d' $((2000 + (k - 1) / 12)) $(((k - 1) % 12 + 1)))
            "$GEN" 16 "$archive/$month" >/dev/null
            rm -f "$archive/$month.md"
            sed -i "s/^meeting_date: .*/meeting_date: $month-15/" "$archive/$month/report.yaml"
        done
        printf 'title: Synthetic Panel – Hate Crime Scrutiny\n' >"$archive/panel.yaml"
    fi
    read -r t m < <(measure "$RUNS" "$BIN" build "$archive" --out "$WORK/archive-out" --quiet)
    T[archive,all]=$t M[archive,all]=$m
    echo "archive of $ARCHIVE_MEETINGS meetings of 16 cases, every format: ${t} s, ${m} MiB"
    store="$WORK/archive-store"
    rm -rf "$store"
    BUILD_REPORT_CACHE=$store "$BIN" build "$archive" --out "$WORK/archive-out" --quiet 2>/dev/null
    # sed reads every line, where head would stop early and, under pipefail, sort's
    # broken pipe could end the whole run without a word.
    changed=$(find "$archive" -path '*/cases/*.md' | sort | sed -n 1p)
    printf -- '- Members added a point after the meeting.\n' >>"$changed"
    read -r t m < <(BUILD_REPORT_CACHE=$store measure 1 "$BIN" build "$archive" --out "$WORK/archive-out" --quiet)
    T[archive,one]=$t M[archive,one]=$m
    echo "the same archive again, one meeting's case changed, PDFs kept from the first build: ${t} s, ${m} MiB"
    "$BIN" build "$archive" --out "$WORK/archive-full" --quiet 2>/dev/null
    diff -r "$WORK/archive-out" "$WORK/archive-full" >/dev/null \
        || { echo "the build that reused PDFs differs from a full build" >&2; exit 1; }
fi

# serve on a 16-case report: from a saved change to the new page being ready.
if [[ -n "$SERVE_RUNS" ]]; then
    served="$WORK/serve-16"
    rm -rf "$served"
    "$GEN" 16 "$served" >/dev/null
    read -r t slowest < <(python3 bench/serve.py "$BIN" "$served" "$SERVE_RUNS")
    T[serve,16]=$t
    echo "serve, 16 cases, from a saved change to the new page: median ${t} ms, slowest ${slowest} ms of $SERVE_RUNS"
fi

read -r t m < <(measure "$RUNS" "$BIN" build . --out "$WORK/out-sample" --quiet)
echo "sample report (16 cases, two copies), default build including process start: ${t} s, ${m} MiB"

# The targets of issue 19, each judged on the figures above; one that needs a figure this
# run did not measure says so rather than passing.
verdict() { if python3 -c "import sys; sys.exit(0 if $2 else 1)"; then echo "  met:      $1"; else echo "  MISSED:   $1"; fi; }
unmeasured() { echo "  NOT RUN:  $1"; }
ratio() { python3 -c "print(f'{$1/max($2,0.001):.2f}')"; }
have() { for k in "$@"; do [[ -n "${T[$k]:-}" ]] || return 1; done; }
echo "targets:"
if have check,2000 floor,2000; then
    r=$(ratio "${T[check,2000]}" "${T[floor,2000]}"); verdict "check of 2,000 cases within 2x the floor (${r}x)" "$r <= 2"
else unmeasured "check of 2,000 cases within 2x the floor"; fi
if have core,2000 floor,2000; then
    r=$(ratio "${T[core,2000]}" "${T[floor,2000]}"); verdict "html, docx, json, csv of 2,000 cases within 4x the floor (${r}x)" "$r <= 4"
else unmeasured "html, docx, json, csv of 2,000 cases within 4x the floor"; fi
if have core,2000 "pandoc docx,2000" "pandoc docx -auto_identifiers,2000"; then
    r=$(ratio "${T[pandoc docx,2000]}" "${T[core,2000]}"); verdict "the same 2,000 at least 60x faster than pandoc's docx (${r}x)" "$r >= 60"
    r=$(ratio "${T[pandoc docx -auto_identifiers,2000]}" "${T[core,2000]}"); verdict "and at least 25x faster than pandoc -f markdown-auto_identifiers (${r}x)" "$r >= 25"
else unmeasured "html, docx, json, csv of 2,000 cases against pandoc"; fi
if have default,2000 "pandoc docx,2000"; then
    r=$(ratio "${T[pandoc docx,2000]}" "${T[default,2000]}"); verdict "default build of 2,000 cases at least 3x faster than pandoc's docx (${r}x)" "$r >= 3"
else unmeasured "default build of 2,000 cases against pandoc's docx"; fi
if have pdf,2000 "office docx to pdf,2000"; then
    r=$(ratio "${T[office docx to pdf,2000]}" "${T[pdf,2000]}"); verdict "PDF of 2,000 cases at least 30x faster than LibreOffice's (${r}x)" "$r >= 30"
else unmeasured "PDF of 2,000 cases against LibreOffice"; fi
for kind in default core; do
    if have "$kind,10000" "$kind,20000"; then
        r=$(ratio "${T[$kind,20000]}" "${T[$kind,10000]}"); verdict "$kind: 20,000 cases under 2.2 times as long as 10,000 (${r})" "$r < 2.2"
    else unmeasured "$kind: 20,000 cases under 2.2 times as long as 10,000"; fi
done
if have core,20000; then verdict "core four at 20,000 cases under 250 MiB (${M[core,20000]} MiB)" "${M[core,20000]} < 250"
else unmeasured "core four at 20,000 cases under 250 MiB"; fi
if have default,2000; then verdict "default build at 2,000 cases under 300 MiB (${M[default,2000]} MiB)" "${M[default,2000]} < 300"
else unmeasured "default build at 2,000 cases under 300 MiB"; fi
if have default,20000; then verdict "default build at 20,000 cases under 1 GiB (${M[default,20000]} MiB)" "${M[default,20000]} < 1024"
else unmeasured "default build at 20,000 cases under 1 GiB"; fi
if have archive,all archive,one && [[ "$ARCHIVE_MEETINGS" == 40 ]]; then
    verdict "an archive of 40 meetings of 16 cases in under 3 s, every format (${T[archive,all]} s)" "${T[archive,all]} < 3"
    verdict "and again with one meeting changed in under 0.5 s (${T[archive,one]} s)" "${T[archive,one]} < 0.5"
else unmeasured "an archive of 40 meetings in under 3 s, one changed meeting in under 0.5 s"; fi
if have serve,16; then verdict "a 16-case rebuild in serve under 30 ms from the change to the page (${T[serve,16]} ms)" "${T[serve,16]} < 30"
else unmeasured "a 16-case rebuild in serve under 30 ms"; fi
