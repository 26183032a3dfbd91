#!/usr/bin/env bash
# R15-08: contact details written backwards (the anti-scraper habit) are published;
# the person's name written backwards is refused.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
TMP=$(mktemp -d /tmp/r15-08.XXXXXX)
any=0; n=0
line_site() {  # $1 the public line, $2 grep needle
  n=$((n+1)); local d="$TMP/s$n"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  cat > "$d/content/interviews/2026-03-01-zenthor.md" <<'T'
---
date: 2026-03-01
visibility: private
person:
  name: Robert Quinlan
  company: Zenthor
  email: rquin@zenthor.example
  phone: "+1 416 555 0137"
  linkedin: https://www.linkedin.com/in/rquinlan-data
alias: a data analyst
consent:
  publish_name: false
---

We talked about dashboards.
T
  printf -- '---\ntitle: Contacts\n---\n\n%s\n' "$1" > "$d/content/pages/contacts.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$2" "$d/_site"; then
    echo "LEAKED [$1] exit 0: in $(grep -rlF "$2" "$d/_site" | sed "s|$d/||" | head -2 | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1]"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
line_site 'Write to him (read it backwards): elpmaxe.rohtnez@niuqr' 'elpmaxe.rohtnez@niuqr'
line_site 'His number, backwards: 7310 555 614 1+' '7310 555 614 1+'
line_site 'Profile, backwards: atad-nalniuqr/ni/moc.nideknil.www' 'atad-nalniuqr/ni/moc.nideknil'
# controls
line_site 'The analyst, backwards: nalniuQ treboR' 'nalniuQ treboR'
line_site 'Write to rquin@zenthor.example' 'rquin@zenthor.example'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
