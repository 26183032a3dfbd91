#!/bin/sh
# R10-22: the declined person's given and family names in one sentence with a
# few words between them ("Quentin (last name Zabrowski)", "Quentin, surname
# Zabrowski", a query naming first and last name), or as labelled fields of a
# table or list ("| First name | Quentin |" over "| Last name | Zabrowski |",
# "**Given name:** Quentin" / "**Family name:** Zabrowski"), are published. "Quentin (the
# designer) Zabrowski" is refused.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Quentin \(last name Zabrowski\)|Quentin, surname Zabrowski|<td>(Quentin|Zabrowski)</td>|</strong> (Quentin|Zabrowski)' _site/about/index.html
