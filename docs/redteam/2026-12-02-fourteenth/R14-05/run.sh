#!/bin/bash
# Builds ./site (a copy, in a temporary folder) with ivsite at $IVSITE, then looks for the canary.
: "${IVSITE:?set IVSITE to the ivsite repository}"
here=$(cd "$(dirname "$0")" && pwd); w=$(mktemp -d); cp -r "$here/site/." "$w/"
cd "$w"; PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite build > build.log 2>&1; rc=$?
echo "exit $rc"; grep -E 'error' build.log | head -5
leak=0
/work/main/.venv/bin/python - <<'PY' && leak=1
import base64, binascii, pathlib, re, sys
found = []
for p in pathlib.Path('_site').rglob('*'):
    if not p.is_file(): continue
    b = p.read_bytes(); texts = []
    if p.suffix == '.b32': texts.append(base64.b32decode(b.strip()))
    if p.suffix == '.a85': texts.append(base64.a85decode(b.strip()))
    if p.suffix == '.uue':
        texts.append(b"".join(binascii.a2b_uu(l) for l in b.splitlines()[1:-2]))
    s = b.decode('utf-8', 'replace')
    for m in re.findall(r'[A-Z2-7]{16,}=*', s):
        try: texts.append(base64.b32decode(m))
        except Exception: pass
    if '\\122obert \\121uinlan' in s: texts.append(b'Robert Quinlan (octal escapes)')
    for t in texts:
        if b'Robert Quinlan' in t or b'zebrafish orchard' in t:
            found.append(f"{p}: {t.decode()[:80]}")
print("\n".join(sorted(set(found))))
sys.exit(0 if found else 1)
PY
if [ $rc -eq 0 ] && [ $leak -eq 1 ]; then echo LEAK; elif [ $rc -ne 0 ]; then echo "REFUSED (held)"; else echo OK; fi
