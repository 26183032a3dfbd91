#!/usr/bin/env bash
# R16-01: a way to reach a person recorded under a person (or referral) key
# ivsite does not know, whose value has no e-mail/phone/URL/@handle shape
# (a postal address, a Signal/Telegram/Discord/Skype/GitHub username), is not
# withheld: a public page that repeats it builds with exit 0. The README says
# such keys are "ignored with a warning, and withheld".
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-01.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
# $1 label, $2 extra YAML line(s) for the interview (inside person: unless it
# starts with "referrals", or "top:" for a top-level key), $3 the public page's
# sentence, $4 the canary
case_site() {
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  local person_extra="" top_extra=""
  case "$2" in referrals*) top_extra="$2";; top:*) top_extra="${2#top:}";; *) person_extra="  $2";; esac
  cat > "$d/content/interviews/2026-03-01-zenthor.md" <<T
---
date: 2026-03-01
person:
  name: Quentin Zabrowski
  role: Data Lead
  company: Zenthor
  email: qzab@zenthor.example
$person_extra
alias: a data lead at a software firm
consent:
  publish_name: false
status: done
$top_extra
---

Talked about dashboards.
T
  printf -- '---\ntitle: Community\n---\n\nPeople I keep up with.\n\n%s\n' "$3" > "$d/content/pages/community.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF -- "$4" "$d/_site"; then
    echo "LEAKED [$1] exit 0: '$4' in $(grep -rlF -- "$4" "$d/_site" | sed "s|$d/||" | tr '\n' ' ')"
    echo "$out" | grep -E '(error|warning)\[' | head -2 | sed 's/^/    /'
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, canary not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site home-address 'address: "42 Birchmount Lane, Apt 7, Toronto M4C 2T6"' \
  'The meetup is at 42 Birchmount Lane, Apt 7, Toronto M4C 2T6.' '42 Birchmount Lane'
case_site signal   'signal: "qzab.77"'  'Message qzab.77 on Signal for the slides.' 'qzab.77'
case_site telegram 'telegram: "dashboards_q"' 'Ask dashboards_q on Telegram.' 'dashboards_q'
case_site discord  'discord: "qzab#4471"' 'Find qzab#4471 in the data Discord.' 'qzab#4471'
case_site skype    'skype: "live:.cid.9f3a2b7c1d"' 'Skype: live:.cid.9f3a2b7c1d' 'live:.cid.9f3a2b7c1d'
case_site github   'github: "qz-dashboards"' 'His dashboards are on GitHub as qz-dashboards.' 'qz-dashboards'
case_site held-instagram-bare 'instagram: "qz.studio.nyc"' 'Photos: qz.studio.nyc on Instagram.' 'qz.studio.nyc'
case_site referral-address 'referrals: [{name: Lee Park, role: Brand Manager, address: "9 Orchard Row, Guelph ON"}]' \
  'Drop by 9 Orchard Row, Guelph ON.' '9 Orchard Row'
case_site referral-telegram 'referrals: [{name: Lee Park, telegram: "orchard_brand88"}]' \
  'Ping orchard_brand88 on Telegram.' 'orchard_brand88'
# the same keys at the top level of the interview
case_site top-address 'top:address: "42 Birchmount Lane, Apt 7, Toronto M4C 2T6"' \
  'The meetup is at 42 Birchmount Lane, Apt 7, Toronto M4C 2T6.' '42 Birchmount Lane'
case_site top-signal 'top:signal: "qzab.77"' 'Message qzab.77 on Signal for the slides.' 'qzab.77'
# controls: the same kind of key with a value shaped like a contact detail
case_site control-instagram-at 'instagram: "@qz.studio.nyc"' 'Photos: @qz.studio.nyc on Instagram.' 'qz.studio.nyc'
case_site control-website 'website: "https://qz-studio.example/"' 'See https://qz-studio.example/ for his work.' 'qz-studio.example'
case_site control-known-field 'phone: "Signal only: qzab.77"' 'Message qzab.77 on Signal for the slides.' 'qzab.77'
case_site control-whatsapp 'whatsapp: "+1 647 555 0199"' 'WhatsApp +1 647 555 0199.' '555 0199'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
