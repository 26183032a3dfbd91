#!/bin/bash
# R17-02: private person fields written as Dataview inline fields (key:: value) in a public note's body
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
T=$(mktemp -d); cd "$T"
run_case() { # name canary front-matter-extra body-line
  local name=$1 can=$2 fm=$3 line=$4 s="$T/$1"
  mkdir -p "$s/content/interviews" "$s/content/reflections"
  printf 'title = "T"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$s/site.toml"
  printf -- '---\ndate: 2026-01-05\nvisibility: public\nperson:\n  name: Ana Public\nconsent:\n  publish_name: true\n%b---\nWe talked about the job.\n\n%b\n' "$fm" "$line" > "$s/content/interviews/pub.md"
  PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$s" > "$s.log" 2>&1; rc=$?
  if [ $rc -ne 0 ]; then echo "$name: REFUSED (rc=$rc) $(grep -m1 error "$s.log" | cut -c1-160)"
  elif hits=$(grep -rli -- "$can" "$s/_site" | sed "s#$s/##" | head -3 | tr '\n' ' '); [ -n "$hits" ]; then echo "$name: LEAKED '$can' in $hits"
  else echo "$name: OK"; fi
}
run_case referred-by-line   Leeworth    "" 'referred_by:: Sam Leeworth'
run_case referred-by-inline Leeworth    "" 'Introduced by [referred_by:: Sam Leeworth] last week.'
run_case referred-by-list   Leeworth    "" '- referred_by:: Sam Leeworth'
run_case referrals-line     Parkington  "" 'referrals:: Lee Parkington (Brand Manager)'
run_case email-line         glorp.example "" 'email:: ana.public@glorp.example'
run_case phone-paren        "555 0177"  "" 'Contact (phone:: +1 416 555 0177) after six.'
run_case person-line        Zorblax     "" 'person:: Zorblax Quint'
run_case recording-line     call-0105   "" 'recording_file:: ../audio/call-0105.m4a'
run_case one-colon-referrer Leeworth    "" 'referred_by: Sam Leeworth'
run_case table-row          Leeworth    "" '| field | value |\n|---|---|\n| referred_by | Sam Leeworth |'
run_case yaml-code-block    Leeworth    "" '```yaml\nreferred_by: Sam Leeworth\n```'
echo "controls (the same values in front matter, the body naming them):"
run_case ctl-referred-by    Leeworth    'referred_by: Sam Leeworth\n' 'Sam Leeworth introduced us.'
run_case ctl-privacy-key    secretcanary '' 'visibility:: private secretcanary'
