#!/bin/bash
# R18-07 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
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
# A public note links a PRIVATE note by its title. Written exactly, the link renders as
# "a private note" (the title is never shown). Written with a small slip, the link resolves
# to nothing, is a warning (missing-note), and its text - the private title, nearly
# verbatim - is published. The audit looks for the exact title only.
P = ("---\ntitle: Leaving Northbrook for Veltrano\ndate: 2026-03-01\nvisibility: private\n"
     "aliases: [Veltrano move]\n---\nWhy I am quitting.\n")
def refl(body):
    return {'content/reflections/leaving-northbrook-for-veltrano.md': P,
            'content/reflections/r.md': "---\ntitle: Thoughts\ndate: 2026-03-05\nvisibility: public\n---\n\n" + body + "\n"}
cases = [
    ('control: exact title',           'See [[Leaving Northbrook for Veltrano]].'),
    ('control: other case',            'See [[leaving NORTHBROOK for veltrano]].'),
    ('control: file stem',             'See [[leaving-northbrook-for-veltrano]].'),
    ('control: alias',                 'See [[Veltrano move]].'),
    ('control: exact title + "."',     'See [[Leaving Northbrook for Veltrano.]].'),
    ('one letter dropped',             'See [[Leaving Northbrok for Veltrano]].'),
    ('two letters swapped',            'See [[Leaving Northbrook for Vletrano]].'),
    ('word changed',                   'See [[Leaving Northbrook to Veltrano]].'),
    ('"and" for "for"',                'See [[Leaving Northbrook and Veltrano]].'),
    ('stem typo',                      'See [[leaving-northbrok-for-veltrano]].'),
    ('alias typo',                     'See [[Veltrano moves]].'),
    ('embed, one letter dropped',      '![[Leaving Northbrok for Veltrano]]'),
]
for name, body in cases:
    run(name, refl(body), ['Veltrano', 'Northbrook'])
PYEOF
