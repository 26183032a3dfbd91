#!/bin/sh
# R10-23: linked pages saved in a legacy encoding that every browser decodes
# from <meta charset> (macintosh, ISO-8859-2, ISO-8859-5; WHATWG Encoding
# Standard) name declined people (Zoë Müller, Katarzyna Wiśniewska, Сергей
# Иванов). The audit reads windows-125x, KOI8-R and the CJK encodings, not these.
# Builds a copy of this site, decodes each published page by its declared
# charset as a browser does and greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY - <<'PYEOF' | grep -E 'Zoë Müller|Katarzyna Wiśniewska|Сергей Иванов'
import glob, re
for f in sorted(glob.glob("_site/files/*.html")):
    raw = open(f, "rb").read()
    cs = re.search(rb'charset="([^"]+)"', raw).group(1).decode()
    print(f, raw.decode({"macintosh": "mac_roman"}.get(cs, cs)))
PYEOF
