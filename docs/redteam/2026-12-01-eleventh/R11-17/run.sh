#!/bin/sh
# R11-17: in an interview with an unconsented Hope Diaz (Will Young, Mark Price, Frank Ode, Grace Lin), the ordinary lower-case word ('I hope so', 'I will need SQL', 'to be frank') is refused as her name
# False refusal: builds a copy of this site; the build exits 1 with the diagnostics below (also a city, "Victoria", for Victoria Chen who lives there)
# (grep exit 0 = the refusal reproduced).
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -E 'part of the name of someone who did not agree' build.log
