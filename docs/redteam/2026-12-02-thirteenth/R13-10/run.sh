#!/bin/bash
# R13-10: a contact detail written in a private note's body in a spelling
# meant to get past harvesters ("dana.r [at] recruit.example",
# "dana.r(at)recruit.example", "dana.r at recruit dot example") or spelt out
# ("four one six five five five zero one four two") is not registered as a
# withheld contact, so a public page that gives the same address or number
# builds, exit 0. (Written plainly in the private note, it is refused.)
run() {
  site=$(mktemp -d); mkdir -p "$site/content/reflections" "$site/content/pages"
  printf 'title = "Career notes"\nauthor = "Pat Author"\nbase_url = "https://pat.example.org/"\n' > "$site/site.toml"
  printf -- '---\nvisibility: private\ndate: 2026-03-18\ntitle: Contacts list\n---\n%s\n' "$1" > "$site/content/reflections/contacts.md"
  printf -- '---\ntitle: About\n---\n%s\n' "$2" > "$site/content/pages/about.md"
  PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build >/dev/null 2>&1; rc=$?
  if [ $rc -eq 0 ] && grep -rqE "$3" "$site/_site"; then echo "LEAK  [private: $1] [public: $2] exit 0"
  elif [ $rc -ne 0 ]; then echo "REFUSED [private: $1] exit $rc"; else echo "OK [private: $1]"; fi
  rm -rf "$site"
}
run "Recruiter Dana: dana.r [at] recruit.example" "Write to dana.r@recruit.example any time." 'dana.r@recruit'
run "Recruiter Dana: dana.r(at)recruit.example" "Write to dana.r@recruit.example any time." 'dana.r@recruit'
run "Recruiter Dana: dana.r at recruit dot example" "Write to dana.r@recruit.example any time." 'dana.r@recruit'
run "Recruiter Dana, mobile four one six five five five zero one four two" "Call me on 416 555 0142 any time." '416 555 0142'
run "Recruiter Dana: dana.r@recruit.example" "Write to dana.r@recruit.example any time." 'dana.r@recruit'
