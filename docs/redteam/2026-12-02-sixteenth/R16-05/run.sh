#!/usr/bin/env bash
# R16-05: a family name with a particle (van der, van den, von, de la, dos,
# ter, den; Spanish y, Arabic/Malay bin, ibn) written with the particle
# shortened, swapped or put in, the way Dutch,
# German, French and Portuguese speakers write it every day ("v.d.", "vd",
# "v/d", "v.", "d.", "van der" for "van den", dropping "de"), is no name to
# ivsite: the given name and the family name's core stand in the text, but
# an unconsented name is published with exit 0. Dropping the particle
# altogether ("Anneke Berg") is refused.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-05.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 person.name (declined), $3 how a public page writes it
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ndate: 2026-03-01\nperson:\n  name: %s\n  company: Zenthor\nalias: a data lead at a software firm\nconsent:\n  publish_name: false\nstatus: done\n---\n\nTalked about dashboards.\n' "$2" \
    > "$d/content/interviews/2026-03-01-zenthor.md"
  printf -- '---\ntitle: Thanks\n---\n\nMany thanks to %s for an hour of advice.\n' "$3" > "$d/content/pages/thanks.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$3" "$d/_site"; then
    echo "LEAKED [$1] exit 0: '$3' (for $2) in $(grep -rlF "$3" "$d/_site" | sed "s|$d/||" | tr '\n' ' ')"
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, name not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site vd-dots      "Anneke van der Berg"   "Anneke v.d. Berg"
case_site vd-bare      "Anneke van der Berg"   "Anneke vd Berg"
case_site vd-slash     "Pieter van den Broek"  "Pieter v/d Broek"
case_site vd-initials  "Pieter van den Broek"  "P. v.d. Broek"
case_site v-den        "Pieter van den Broek"  "Pieter v. den Broek"
case_site der-for-den  "Pieter van den Broek"  "Pieter van der Broek"
case_site von-v        "Ursula von Lindenau"   "Ursula v. Lindenau"
case_site von-der-vd   "Ursula von der Leyen"  "Ursula v.d. Leyen"
case_site de-la-la     "Pierre de la Fontaine" "Pierre La Fontaine"
case_site dos-d        "João dos Santos"       "João d. Santos"
case_site ter-t        "Femke ter Horst"       "Femke t. Horst"
case_site den-d        "Pieter den Uyl"        "Pieter d. Uyl"
case_site es-y         "Ana García López"      "Ana García y López"
case_site bin-b        "Faizal bin Abdullah"   "Faizal b. Abdullah"
case_site ibn-b        "Ahmad ibn Rashid"      "Ahmad b. Rashid"
case_site mac-apart    "Siobhan McAllister"    "Siobhan Mac Allister"
# controls: forms ivsite does find
case_site control-dropped "Anneke van der Berg" "Anneke Berg"
case_site control-joined  "Anneke van der Berg" "Anneke VanderBerg"
case_site control-full    "Anneke van der Berg" "Anneke van der Berg"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
