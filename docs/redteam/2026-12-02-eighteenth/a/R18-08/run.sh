#!/bin/bash
# R18-08 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
exec /work/main/.venv/bin/python - "$@" <<'PYEOF'
import os, sys, gzip, subprocess, tempfile
PY = os.environ.get('IVSITE_PY', '/work/main/.venv/bin/python')
SRC = os.environ.get('IVSITE_SRC', '/work/main')
SITE = 'title = "Test research"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n'
ROLE = '---\ntitle: UX Researcher\n---\nRole.\n'
def run(name, files, canaries, audience='public'):
    d = tempfile.mkdtemp(); s = os.path.join(d, 'site')
    allf = {'site.toml': SITE, 'content/roles/ux.md': ROLE}; allf.update(files)
    for p, t in allf.items():
        fp = os.path.join(s, p); os.makedirs(os.path.dirname(fp), exist_ok=True)
        open(fp, 'wb').write(t if isinstance(t, bytes) else t.encode())
    out = os.path.join(d, 'out')
    cmd = [PY, '-m', 'ivsite', 'build', '-C', s, '--out', out]
    if audience != 'public': cmd += ['--audience', audience]
    r = subprocess.run(cmd, cwd=d, env=dict(os.environ, PYTHONPATH=SRC), capture_output=True, text=True)
    hits = {}
    for root, _, fs in os.walk(out):
        for f in fs:
            p = os.path.join(root, f); b = open(p, 'rb').read()
            if b[:2] == b'\x1f\x8b':
                try: b = gzip.decompress(b)
                except Exception: pass
            t = b.decode('utf-8', 'replace').casefold()
            for c in canaries:
                if c.casefold() in t: hits.setdefault(c, []).append(os.path.relpath(p, out))
    status = 'REFUSED' if r.returncode else ('LEAKED' if hits else 'OK')
    print(f'{status:8} {name}  (exit {r.returncode})' + (f'  {dict((k, v[:3]) for k, v in hits.items())}' if hits else ''))
    if 'Traceback' in r.stdout + r.stderr: print('         TRACEBACK shown to user')
    return status
# An unconsented person (private interview) is named in a public reflection by an
# abbreviated given name with a dot ("Quen. Zabrowski", "Wm. Whitlock"), the way registers,
# signatures and old-style notes write it. An initial ("Q. Zabrowski") is found; a longer
# abbreviation is not.
def rec(name):
    return f"""---
visibility: private
date: 2026-03-01
person:
  name: {name}
  company: Acme
alias: a designer at an agency
consent:
  publish_name: false
---
x
"""
def files(name, body):
    return {'content/interviews/a.md': rec(name),
            'content/reflections/r.md': "---\ntitle: Thoughts\ndate: 2026-03-05\nvisibility: public\n---\n\n" + body + "\n"}
cases = [
    ('control: initial',              'Quentin Zabrowski', 'I met Q. Zabrowski.', 'Zabrowski'),
    ('control: nickname Bill',        'William Whitlock',  'I met Bill Whitlock.', 'Whitlock'),
    ('two-letter abbreviation Qu.',   'Quentin Zabrowski', 'I met Qu. Zabrowski.', 'Zabrowski'),
    ('four-letter abbreviation Quen.', 'Quentin Zabrowski', 'I met Quen. Zabrowski.', 'Zabrowski'),
    ('Wm. for William',               'William Whitlock',  'I met Wm. Whitlock.', 'Whitlock'),
    ('Chas. for Charles',             'Charles Whitlock',  'I met Chas. Whitlock.', 'Whitlock'),
    ('Thos. for Thomas',              'Thomas Whitlock',   'I met Thos. Whitlock.', 'Whitlock'),
    ('Alex. for Alexandra',           'Alexandra Whitlock','I met Alex. Whitlock.', 'Whitlock'),
    ('Kath. for Katherine',           'Katherine Whitlock','I met Kath. Whitlock.', 'Whitlock'),
]
for name, rec_name, body, can in cases:
    run(name, files(rec_name, body), [can])
PYEOF
