#!/usr/bin/env bash
# R15-03: a short form of the given name with the family name is found only as
# "Short Family", both capitalised, and only for the short forms the nicknames
# table lists. The forms the full given name is found in (family first, a comma,
# an initial, a handle, an e-mail, a hyphen) are published with the short form.
# Each line is its own site: a private interview with the unconsented person and a
# public page holding the line.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
TMP=$(mktemp -d /tmp/r15-03.XXXXXX)
any=0; n=0
line_site() {  # $1 person's name, $2 the public line, $3 what to grep for
  n=$((n+1)); local d="$TMP/s$n"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ndate: 2026-03-01\nvisibility: private\nperson:\n  name: %s\n  company: Zenthor\nalias: a data analyst\nconsent:\n  publish_name: false\n---\n\nWe talked about dashboards.\n' "$1" > "$d/content/interviews/2026-03-01-zenthor.md"
  printf -- '---\ntitle: Notes\n---\n\nFrom my notebook: %s\n' "$2" > "$d/content/pages/notes.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqiF "$3" "$d/_site"; then
    echo "LEAKED [$1 | $2] exit 0: $(grep -rliF "$3" "$d/_site" | sed "s|$d/||" | head -3 | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1 | $2]"
  else echo "REFUSED [$1 | $2] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
R="Robert Quinlan"
line_site "$R" "Quinlan, Rob said dashboards rot." "Quinlan, Rob"
line_site "$R" "Rob Q. from Zenthor said dashboards rot." "Rob Q."
line_site "$R" "Quinlan Rob (Zenthor) said dashboards rot." "Quinlan Rob"
line_site "$R" "I follow @rob.quinlan for SQL tips." "@rob.quinlan"
line_site "$R" "Write to rob.quinlan@gmail.com for the deck." "rob.quinlan@gmail.com"
line_site "$R" "instagram.com/rob_quinlan has the photos." "rob_quinlan"
line_site "$R" "Rob-Quinlan said dashboards rot." "Rob-Quinlan"
line_site "$R" "Robbie Quinlan said dashboards rot." "Robbie Quinlan"
line_site "Katherine Morrow" "Katie Morrow said dashboards rot." "Katie Morrow"
line_site "Katherine Morrow" "Kat Morrow said dashboards rot." "Kat Morrow"
line_site "Robert James Quinlan" "Jim Quinlan said dashboards rot." "Jim Quinlan"
# controls: the full given name in the same forms, and the plain short form, are refused
line_site "$R" "Rob Quinlan said dashboards rot." "Rob Quinlan"
line_site "$R" "Quinlan, Robert said dashboards rot." "Quinlan, Robert"
line_site "$R" "Write to robert.quinlan@gmail.com for the deck." "robert.quinlan@gmail.com"
line_site "$R" "I follow @robert.quinlan for SQL tips." "@robert.quinlan"
line_site "$R" "Robert Q. from Zenthor said dashboards rot." "Robert Q."
line_site "Katherine Morrow" "Kate Morrow said dashboards rot." "Kate Morrow"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
