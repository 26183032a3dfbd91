#!/bin/bash
# R18-06 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)

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
# Ordinary front matter that YAML types as a number, a date or a boolean is refused
# ("Input should be a valid string (got 1984)") with no hint to quote it.
def refl(line):
    return {'content/reflections/a.md': f"---\ntitle: T\ndate: 2026-03-05\nvisibility: public\n{line}\n---\n\nbody\n"}
cases = [
    ('control: quoted title "1984"', 'summary: "1984"'),
    ('control: tags [ux]', 'tags: [ux]'),
    ('title: 1984 (a book reflection)', None),
    ('summary: 2026-03-05', 'summary: 2026-03-05'),
    ('tags: [2026, ux]', 'tags: [2026, ux]'),
    ('summary: Yes', 'summary: Yes'),
]
for name, line in cases:
    if line is None:
        files = {'content/reflections/a.md': "---\ntitle: 1984\ndate: 2026-03-05\nvisibility: public\n---\n\nbody\n"}
    else:
        files = refl(line)
    run(name, files, ['zzzz'])
iv = """---
visibility: public
date: 2026-03-01
person:
  name: Jane Doe
  company: 3M
alias: a designer
consent:
  publish_name: false
---
We talked.
"""
run('control: company 3M', {'content/interviews/a.md': iv}, ['zzzz'])
run('company: 1800 (YAML int)', {'content/interviews/a.md': iv.replace('company: 3M', 'company: 1800')}, ['zzzz'])
run('company: ON (YAML 1.1 bool)', {'content/interviews/a.md': iv.replace('company: 3M', 'company: ON')}, ['zzzz'])
PYEOF
