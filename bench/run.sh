#!/usr/bin/env bash
# Times lastmile against Hugo on the same synthetic publication (see bench/README.md).
#
#   bench/run.sh --papers 500 [--runs 3] [--pdf] [--work DIR] [--threads N] [--heap 512m]
#
# Generates the site once per size (bench/gen_site.py), then alternates lastmile and Hugo builds, each run under
# /usr/bin/time -v, and prints medians: wall time, CPU time, pages, pages per second, the ratio and peak RSS.
# It also times, against a cold build, rebuilds from the build cache: with nothing changed, after editing one
# paper's body and after editing the guides' template; with --pdf also the guide PDFs (CPU per guide) and a
# rebuild after editing one guide. With --heap it also builds once with the JVM's heap capped (-Xmx),
# to show the build's memory is bounded.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
papers=""; runs=3; pdf=0; work="$here/.work"; threads=0; heap=""; java_opts="${LASTMILE_JAVA_OPTS-default settings of build-site.sh}"
usage() { echo "usage: bench/run.sh --papers N [--runs R] [--pdf] [--work DIR] [--threads N] [--heap SIZE]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --papers) papers="${2:-}"; shift 2 ;;
    --runs) runs="${2:-}"; shift 2 ;;
    --pdf) pdf=1; shift ;;
    --work) work="${2:-}"; shift 2 ;;
    --threads) threads="${2:-}"; shift 2 ;;
    --heap) heap="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
[[ "$papers" =~ ^[0-9]+$ ]] && [ "$papers" -ge 1 ] || usage
[[ "$runs" =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] || usage
[ -z "$heap" ] || [[ "$heap" =~ ^[0-9]+[mMgG]$ ]] || usage
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing — apt-get install time" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: python3 is missing (it runs the generator)" >&2; exit 1; }

"$root/build-site.sh" --version >/dev/null     # builds target/lastmile.jar when it is stale
. "$root/scripts/find-jdk.sh"
jar="$root/target/lastmile.jar"
# lastmile runs as users run it, through build-site.sh with its JVM settings (LASTMILE_JAVA_OPTS replaces them).
launcher="$root/build-site.sh"
have_hugo=1; command -v hugo >/dev/null || have_hugo=0
has_cache=0; "$JAVA_HOME/bin/java" -jar "$jar" build --help 2>/dev/null | grep -q -- '--no-cache' && has_cache=1

dir="$work/$papers"
stamp="papers=$papers pdf=$pdf gen=$(sha1sum "$here/gen_site.py" "$here"/vocab/*.txt | sha1sum | cut -c1-12)"
if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "generating $papers papers into $dir …" >&2
  rm -rf "$dir"; mkdir -p "$dir"
  python3 "$here/gen_site.py" --papers "$papers" --out "$dir" $([ "$pdf" = 1 ] && echo --pdf) >&2
  echo "$stamp" > "$dir/.stamp"
fi

# One timed run: label, then the command. Appends "label wall cpu rss_mb" to $dir/runs.txt.
timed() {
  local label="$1"; shift
  /usr/bin/time -v -o "$dir/time.txt" "$@" > "$dir/last.out" 2> "$dir/last.err" || {
    echo "bench: $label failed:" >&2; tail -5 "$dir/last.err" >&2; tail -3 "$dir/last.out" >&2; exit 1; }
  awk -v l="$label" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { r = $2 }
    END { printf "%s %.2f %.2f %.0f\n", l, w, u + s, r / 1024 }' "$dir/time.txt" >> "$dir/runs.txt"
}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$dir/runs.txt" | median; }

# lastmile's output folder is a link into ".NAME.lastmile", which keeps the versions it published: remove both, so
# that lastmile, like Hugo, starts from nothing (a build deletes versions older than the previous one, which is disk
# work Hugo is not timed for).
fresh() { rm -rf "$dir/$1" "$dir/.$1.lastmile"; }

lm_build() {   # lastmile build of site $1 into $2, extra arguments after
  local src="$1" out="$2"; shift 2
  timed "$LABEL" "$launcher" build --source "$src" --out "$out" --threads "$threads" "$@"
}
cold=(); [ "$has_cache" = 1 ] && cold=(--no-cache)

: > "$dir/runs.txt"
site="$dir/lastmile"
for i in $(seq 1 "$runs"); do
  order=(lastmile hugo); [ $((i % 2)) = 0 ] && order=(hugo lastmile)
  for tool in "${order[@]}"; do
    echo "run $i/$runs: $tool" >&2
    if [ "$tool" = lastmile ]; then
      fresh out-lastmile; LABEL=lastmile lm_build "$site" "$dir/out-lastmile" "${cold[@]}"
    elif [ "$have_hugo" = 1 ]; then
      rm -rf "$dir/out-hugo"; timed hugo hugo --source "$dir/hugo" --destination "$dir/out-hugo" --quiet
    fi
  done
done

pages_lm=$(find "$dir/out-lastmile/" -name '*.html' | wc -l)
pdfs_lm=$(find "$dir/out-lastmile/" -name '*-guide-*.pdf' ! -name '*-booklet.pdf' | wc -l)
lm_wall=$(col lastmile 2); lm_cpu=$(col lastmile 3); lm_rss=$(col lastmile 4)
cores=$(nproc)
{
  echo
  echo "lastmile bench: $papers papers, $runs alternating runs, medians; $cores cores, $(uname -m), $(date -u +%Y-%m-%d)"
  echo "lastmile $("$JAVA_HOME/bin/java" -jar "$jar" --version 2>/dev/null | head -1) on Java $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p') ($java_opts)"
  [ "$pdf" = 1 ] && echo "(lastmile builds the site AND $pdfs_lm guide PDFs with their booklets; Hugo builds only HTML)"
  printf '%-10s %8s %8s %8s %10s %9s\n' tool pages wall_s cpu_s pages/s rss_MB
  printf '%-10s %8d %8.2f %8.2f %10.0f %9.0f\n' lastmile "$pages_lm" "$lm_wall" "$lm_cpu" "$(echo "$pages_lm / $lm_wall" | bc -l)" "$lm_rss"
  if [ "$have_hugo" = 1 ]; then
    pages_hg=$(find "$dir/out-hugo" -name '*.html' | wc -l)
    hg_wall=$(col hugo 2); hg_cpu=$(col hugo 3); hg_rss=$(col hugo 4)
    printf '%-10s %8d %8.2f %8.2f %10.0f %9.0f\n' "hugo" "$pages_hg" "$hg_wall" "$hg_cpu" "$(echo "$pages_hg / $hg_wall" | bc -l)" "$hg_rss"
    echo "$(hugo version | cut -d' ' -f1-2)"
    printf 'ratio (lastmile pages/s ÷ Hugo pages/s): %.2f\n' "$(echo "($pages_lm / $lm_wall) / ($pages_hg / $hg_wall)" | bc -l)"
  else
    echo "Hugo is not installed (apt-get install hugo): lastmile timed alone"
  fi
} | tee "$dir/result.txt"

if [ "$pdf" = 1 ]; then
  # PDF CPU per guide: the same content built without PDFs, the difference shared among the guides.
  nopdf="$dir/lastmile-nopdf"
  if [ ! -d "$nopdf" ]; then
    mkdir -p "$nopdf"; cp -r "$site/content" "$nopdf/"; sed 's/^  guides: true/  guides: false/' "$site/site.yaml" > "$nopdf/site.yaml"
  fi
  for i in $(seq 1 "$runs"); do fresh out-nopdf; LABEL=nopdf lm_build "$nopdf" "$dir/out-nopdf" "${cold[@]}"; done
  nopdf_cpu=$(col nopdf 3)
  printf 'PDF CPU per guide (with its booklet): %.0f ms (%s guides; %.2f s CPU with PDFs, %.2f s without)\n' \
    "$(echo "($lm_cpu - $nopdf_cpu) * 1000 / $pdfs_lm" | bc -l)" "$pdfs_lm" "$lm_cpu" "$nopdf_cpu" | tee -a "$dir/result.txt"
fi
if [ "$has_cache" = 1 ]; then
  # The persistent build cache: a cold build fills it, then rebuilds with nothing changed read from it.
  cache="$dir/cache"; rm -rf "$cache"
  fresh out-cached; LABEL=fill lm_build "$site" "$dir/out-cached" --cache-dir "$cache"
  for i in $(seq 1 "$runs"); do LABEL=cached lm_build "$site" "$dir/out-cached" --cache-dir "$cache"; done
  printf 'no-change rebuild with the cache: %.2f s, %.0f %% of the cold build; CPU %.2f s, %.0f %% (%s)\n' "$(col cached 2)" \
    "$(echo "$(col cached 2) * 100 / $lm_wall" | bc -l)" "$(col cached 3)" "$(echo "$(col cached 3) * 100 / $lm_cpu" | bc -l)" \
    "$(tail -1 "$dir/last.out")" | tee -a "$dir/result.txt"
  # Rebuilds after one edit, as a share of the cold build: the page level of the cache renders only the pages that
  # depend on the edit (the summary line says how many came from the cache). Each edit is undone afterwards.
  share() {   # label, what was edited
    printf 'rebuild after %s: %.2f s, %.0f %% of the cold build; CPU %.2f s, %.0f %% (%s)\n' "$2" "$(col "$1" 2)" \
      "$(echo "$(col "$1" 2) * 100 / $lm_wall" | bc -l)" "$(col "$1" 3)" "$(echo "$(col "$1" 3) * 100 / $lm_cpu" | bc -l)" \
      "$(tail -1 "$dir/last.out")" | tee -a "$dir/result.txt"
  }
  paper=$(find "$site/content/papers" -name index.md | sort | sed -n 1p)  # sed reads all: head would end sort with SIGPIPE, fatal under pipefail
  cp "$paper" "$dir/paper.bak"; printf '\nOne more sentence.\n' >> "$paper"
  LABEL=paper lm_build "$site" "$dir/out-cached" --cache-dir "$cache" || true
  cp "$dir/paper.bak" "$paper"
  share paper "editing one paper's body"
  # A template only the guides' pages use: the site's own copy of the theme's guide.ftlh, one comment added.
  template="$site/templates/guide.ftlh"
  if [ ! -e "$template" ]; then
    mkdir -p "$site/templates"; { cat "$root/templates/guide.ftlh"; echo '<#-- edited -->'; } > "$template"
    LABEL=template lm_build "$site" "$dir/out-cached" --cache-dir "$cache" || true
    rm -f "$template"; rmdir "$site/templates" 2>/dev/null || true
    share template "editing the guides' template"
  fi
  if [ "$pdf" = 1 ]; then
    guide=$(find "$site/content/papers" -name guide.fr.md | sort | sed -n 1p)  # sed reads all: head would end sort with SIGPIPE, fatal under pipefail
    cp "$guide" "$dir/guide.bak"; printf '\nOne more sentence.\n' >> "$guide"
    LABEL=edit lm_build "$site" "$dir/out-cached" --cache-dir "$cache" || true
    cp "$dir/guide.bak" "$guide"
    printf 'rebuild after editing one guide: %.2f s (%s)\n' "$(col edit 2)" "$(tail -1 "$dir/last.out")" | tee -a "$dir/result.txt"
  fi
fi
if [ -n "$heap" ]; then
  # The same cold build with the heap capped: it must finish, and peak RSS shows what the build needs.
  # build-site.sh adds LASTMILE_JAVA_EXTRA_OPTS after its own JVM settings (or after LASTMILE_JAVA_OPTS).
  fresh out-heap
  if LASTMILE_JAVA_EXTRA_OPTS="${LASTMILE_JAVA_EXTRA_OPTS:-} -Xmx$heap" LABEL=heap lm_build "$site" "$dir/out-heap" "${cold[@]}"; then
    printf 'with -Xmx%s: built, %.2f s wall, %.2f s CPU, peak RSS %.0f MB\n' "$heap" "$(col heap 2)" "$(col heap 3)" "$(col heap 4)" | tee -a "$dir/result.txt"
  fi
fi
echo "runs: $dir/runs.txt (label wall_s cpu_s rss_MB); summary: $dir/result.txt" >&2
