#!/bin/bash
# R17-03: consent narrowed or withdrawn by a key ivsite does not read, beside publish_name: true
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
T=$(mktemp -d); cd "$T"
run_case() { # name canary extra-front-matter body-line
  local name=$1 can=$2 fm=$3 line=$4 s="$T/$1"
  mkdir -p "$s/content/interviews"
  printf 'title = "T"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$s/site.toml"
  printf -- '---\ndate: 2026-01-05\nvisibility: public\nperson:\n  name: Zorblax Quint\n  company: Glorpco Holdings\nalias: an analyst\nconsent:\n  publish_name: true\n%b---\nWe talked about the job.\n\n%s\n' "$fm" "$line" > "$s/content/interviews/pub.md"
  PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$s" > "$s.log" 2>&1; rc=$?
  if [ $rc -ne 0 ]; then echo "$name: REFUSED (rc=$rc) $(grep -m1 error "$s.log" | cut -c1-160)"
  elif hits=$(grep -rli -- "$can" "$s/_site" | sed "s#$s/##" | head -3 | tr '\n' ' '); [ -n "$hits" ]; then echo "$name: LEAKED '$can' in $hits [$(grep -c warning "$s.log") warning line(s)]"
  else echo "$name: OK"; fi
}
run_case anonymous-true       Zorblax "anonymous: true\n"           ""
run_case consent-withdrawn-top Zorblax "consent_withdrawn: true\n"  ""
run_case consent-until-past   Zorblax "  until: 2026-01-31\n"       ""
run_case consent-name-false   Zorblax "  name: false\n"             ""
run_case consent-company-false Glorpco "  company: false\n"         ""
run_case body-consent-field   Zorblax ""                            "consent:: withdrawn"
echo "controls:"
run_case ctl-consent-withdrawn Zorblax "  withdrawn: true\n"        ""
run_case ctl-publish-company   Glorpco "  publish_company: false\n" ""
