#!/usr/bin/env bash
#: bench.sh: liseuse at 1,000, 10,000 and 50,000 generated pages beside `less`, `cat` and
#: newsboat, measured in one run, printed as one table of medians with the scale issue's
#: targets marked ✓ or ✗ against those yardsticks. Drives the release binary only through its
#: command line, a pseudo-terminal and the screen it draws (examples/bench_pty.rs).
#:
#: scripts/bench.sh                      every size, BENCH_RUNS runs each
#: BENCH_SIZES="1000 10000" scripts/bench.sh
#: Environment: BENCH_SIZES (default "1000 10000 50000"), BENCH_RUNS (default 5),
#: BENCH_RUNS_LARGE (runs at 50,000 pages and more, default 2: one run there takes minutes
#: with today's reader), BENCH_CYCLES (rounds of keys per reader session, default 5),
#: BENCH_OUT (the raw figures, default target/bench-results/DATE.txt).
#: Corpora, their concatenation (for less) and their RSS feed (for newsboat) are kept in
#: target/bench-corpora/, keyed by the generator's source, and made again only when it changes.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${BENCH_SIZES:-"1000 10000 50000"}
runs=${BENCH_RUNS:-5}
runs_large=${BENCH_RUNS_LARGE:-2}
cycles=${BENCH_CYCLES:-5}
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
out=${BENCH_OUT:-target/bench-results/$stamp.txt}
log=${out%.txt}.log
mkdir -p "$(dirname "$out")"
: >"$out"
: >"$log"
work=$(mktemp -d "${TMPDIR:-/tmp}/liseuse-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
began=$(date +%s)

say() { printf 'bench: %s\n' "$*" >&2; }

# The yardsticks' programs, installed when missing (a fresh Debian or Ubuntu machine).
need() {
	local program=$1 package=$2
	if ! command -v "$program" >/dev/null 2>&1; then
		say "installing $package"
		if [ "$(id -u)" -eq 0 ]; then
			apt-get install -y "$package" >&2 || { apt-get update >&2 && apt-get install -y "$package" >&2; }
		else
			sudo apt-get install -y "$package" >&2
		fi
	fi
}
need less less
need newsboat newsboat
[ -x /usr/bin/time ] || need /usr/bin/time time
timer=/usr/bin/time

say "building (release)"
cargo build --release --quiet --bin liseuse \
	--example gen_corpus --example bench_pty --example rss_feed --example bench_table
bin=target/release/liseuse
examples=target/release/examples

# Flags of the reader this run can pass: the persistent index and the live folder may not be
# there yet; without --cache-dir, "warm" is only a second start with the pages in the OS cache.
help=$("$bin" --help)
has_flag() { grep -q -- "$1" <<<"$help"; }
cache_flag=no
has_flag --cache-dir && cache_flag=yes
watch_flag=no
has_flag --no-watch && watch_flag=yes
# Without it, the cold session's saved place (reading state) would be restored in the warm one,
# which then starts elsewhere than on the list's first row.
state_flag=no
has_flag --no-state && state_flag=yes

key=$(cat tests/common/gen.rs tests/common/rng.rs examples/gen_corpus.rs | sha256sum | cut -c1-12)
corpora=target/bench-corpora/$key

# Makes (once) the corpus of $1 pages, its concatenation and its feed; prints its folder.
corpus() {
	local size=$1 dir=$corpora/$1
	if [ ! -e "$dir/done" ]; then
		say "generating $size pages in $dir"
		rm -rf "$dir"
		"$examples/gen_corpus" --articles "$size" --out "$dir/pages" >&2
		find "$dir/pages" -name '*.txt' -print0 | sort -z | xargs -0 cat >"$dir/all.txt"
		"$examples/rss_feed" --corpus "$dir/pages" --out "$dir/feed.xml" \
			--title "liseuse bench $size" >&2
		touch "$dir/done"
	fi
	printf '%s\n' "$dir"
}

ms_now() { date +%s%N; }

# Prefixes each `metric value` line of a session with the size and a name for the session:
# `SIZE NAMEmetric value`, or `SIZE timeout NAMEmetric`.
label() {
	awk -v size="$1" -v name="$2" \
		'$1 == "timeout" { print size, "timeout", name $2; next } { print size, name $1, $2 }'
}

# Runs a batch command under time(1): `SIZE NAME_wall_s`, `_cpu_s` (user + system), `_rss_kb`.
batch() {
	local size=$1 name=$2
	shift 2
	"$timer" -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
	awk -v size="$size" -v name="$name" 'END {
		print size, name "_wall_s", $1; print size, name "_cpu_s", $2 + $3
		print size, name "_rss_kb", $4 }' "$work/time"
}

# One reader session: `cold` in an empty cache folder, `warm` in the one the cold run left.
reader() {
	local size=$1 dir=$2 name=$3 cache=$4
	local args=("$dir/pages")
	[ "$cache_flag" = yes ] && args+=(--cache-dir "$cache")
	[ "$watch_flag" = yes ] && args+=(--no-watch)
	[ "$state_flag" = yes ] && args+=(--no-state)
	"$examples/bench_pty" reader --cycles "$cycles" -- "$bin" "${args[@]}" 2>>"$log" |
		label "$size" "${name}_" || say "$size pages: the $name reader session failed (see $log)"
}

newsboat_setup() {
	local dir=$1
	mkdir -p "$work/nb/home"
	printf 'file://%s\n' "$(realpath "$dir/feed.xml")" >"$work/nb/urls"
	printf 'auto-reload no\nshow-read-feeds yes\n' >"$work/nb/config"
	nb=(env HOME="$work/nb/home" newsboat -u "$work/nb/urls" -C "$work/nb/config" -c "$work/nb/cache.db")
}

# newsboat on the feed of the pages, with a home, config and cache of its own.
nb=()

measure() {
	local size=$1 dir=$2 n=$3
	local cache_args=()
	echo "$size runs $n"
	newsboat_setup "$dir"
	# Once untimed, so the pages are in the OS cache: every figure is a warm one.
	find "$dir/pages" -name '*.txt' -print0 | xargs -0 cat >/dev/null
	cat "$dir/all.txt" "$dir/feed.xml" >/dev/null
	for run in $(seq "$n"); do
		say "$size pages: run $run of $n"
		local t0 t1
		t0=$(ms_now)
		find "$dir/pages" -name '*.txt' -print0 | xargs -0 cat >/dev/null
		t1=$(ms_now)
		awk -v size="$size" -v ns=$((t1 - t0)) 'BEGIN { printf "%s cat_ms %.3f\n", size, ns / 1e6 }'
		"$examples/bench_pty" less "$dir/all.txt" 2>>"$log" | label "$size" less_ ||
			say "$size pages: the less session failed (see $log)"
		local cache
		cache=$(mktemp -d "$work/cache.XXXXXX")
		reader "$size" "$dir" cold "$cache"
		reader "$size" "$dir" warm "$cache"
		rm -rf "$cache"
		# Each on a new empty cache folder: both are measured cold (the pages in the OS cache).
		for command in export check; do
			cache=$(mktemp -d "$work/cache.XXXXXX")
			[ "$cache_flag" = yes ] && cache_args=(--cache-dir "$cache")
			local output=()
			[ "$command" = export ] && output=(-o "$work/export.json")
			batch "$size" "$command" "$bin" "$command" "$dir/pages" "${cache_args[@]}" "${output[@]}"
			rm -rf "$cache" "$work/export.json"
		done
		rm -f "$work/nb/cache.db"*
		batch "$size" nb_import "${nb[@]}" -x reload
		"$examples/bench_pty" newsboat --feed-title "liseuse bench $size" -- "${nb[@]}" 2>>"$log" |
			label "$size" nb_ || say "$size pages: the newsboat session failed (see $log)"
	done
}

for size in $sizes; do
	dir=$(corpus "$size")
	n=$runs
	[ "$size" -ge 50000 ] && n=$runs_large
	measure "$size" "$dir" "$n" >>"$out"
done
took=$(($(date +%s) - began))

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
cat <<EOF

liseuse benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, $(nproc) cores ($cpu), $mem,
$(uname -sr), shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end): absolute
figures are noisy, the ratios against yardsticks measured in the same run are what to compare.
Medians of $runs runs per size ($runs_large at 50,000 pages and more, to keep the run short); keys: every
press of $cycles rounds per reader session, cold and warm pooled. Reader at 120×40 in a pseudo-terminal,
LANG=fr_FR.UTF-8, pages in the OS cache for every figure. --cache-dir: $cache_flag, --no-watch: $watch_flag, --no-state: $state_flag;
cold = an empty --cache-dir, warm = the same folder again$([ "$cache_flag" = yes ] || echo " (no flag: two plain starts)").
Total time: $((took / 60)) min $((took % 60)) s. Raw figures: $out; problems, if any: $log

EOF
"$examples/bench_table" "$out"
