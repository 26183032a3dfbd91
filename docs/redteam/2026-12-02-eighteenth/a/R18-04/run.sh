#!/bin/bash
# R18-04 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
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
# An unconsented person (private interview, publish_name: false) is named in a public
# reflection with something between the given and the family name. Both words are printed
# side by side on the page; a reader reads the whole name.
B = """---
visibility: private
date: 2026-03-01
person:
  name: Quentin Zabrowski
  company: Acme
alias: a designer at an agency
consent:
  publish_name: false
---
x
"""
def refl(body):
    return {'content/interviews/a.md': B,
            'content/reflections/r.md': "---\ntitle: Thoughts\ndate: 2026-03-05\nvisibility: public\n---\n\n" + body + "\n"}
cases = [
    ('control: plain full name',            'I met Quentin Zabrowski.'),
    ("control: one-word nickname in quotes", "I met Quentin 'Q' Zabrowski."),
    ('control: capital initial',            'I met Quentin B Zabrowski.'),
    ('control: two middle names',           'I met Quentin Jay Robert Zabrowski.'),
    ('control: aside in brackets',          'I met Quentin (the designer) Zabrowski.'),
    ('nickname of two words in quotes',     'I met Quentin "the Z" Zabrowski.'),
    ('nickname of two words, curly quotes', 'I met Quentin “Big Q” Zabrowski.'),
    ('lowercase letter between',            'I met Quentin v Zabrowski.'),
    ('lowercase word between',              'I met Quentin jay Zabrowski.'),
    ('particle not in the record (von)',    'I met Quentin von Zabrowski.'),
    ('collab x',                            'A Quentin x Zabrowski collab.'),
    ('slashed initial',                     'I met Quentin /B/ Zabrowski.'),
    ('letter glued to brackets',            'x[Quentin] y[Zabrowski]'),
    ('mermaid nodes',                       '```mermaid\ngraph LR\nA[Quentin] --> B[Zabrowski]\n```'),
]
for name, body in cases:
    run(name, refl(body), ['Zabrowski'])
PYEOF
