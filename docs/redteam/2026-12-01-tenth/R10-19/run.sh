#!/bin/sh
# R10-19: a label opening a line that says the text is private is refused when
# written "PRIVATE: …", "Do not publish: …", "Keep private: …", but published
# when the label is followed by a dash ("CONFIDENTIAL - …", "Private — …"),
# bracketed ("[PRIVATE] …"), led by an emoji ("🔒 Private: …") or contracted
# ("Don't publish this: …").
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '<p>[^<]*(Kroggle|Blenheimer|Fandango|Quillon|Marrowby)[^<]*' _site/about/index.html
