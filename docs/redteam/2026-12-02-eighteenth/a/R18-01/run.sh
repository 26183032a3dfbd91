#!/bin/bash
# R18-01 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
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
# Consent is per person: two notes whose `linkedin` fields give one profile are one person,
# and one "publish_name: false" withholds the name everywhere. The tie compares host+path,
# so other spellings of the same LinkedIn profile do not tie.
def pair(liA, liB):
    A = f"""---
visibility: public
date: 2026-03-01
person:
  name: Jane Whitlock
  company: Acme
  linkedin: {liA}
alias: a designer
consent:
  publish_name: true
---
Talked about design.
"""
    B = f"""---
visibility: private
date: 2026-04-01
person:
  name: Jane Marchetti
  company: Acme
  linkedin: {liB}
alias: a designer
consent:
  publish_name: false
---
Same person after her marriage; she asked not to be named any more.
"""
    return {'content/interviews/a.md': A, 'content/interviews/b.md': B}
W = 'https://www.linkedin.com/in/janewhitlock'
cases = [
    ('control: identical profile URL', W, W),
    ('control: trailing slash + no www', W, 'linkedin.com/in/janewhitlock/'),
    ('country subdomain ca.linkedin.com', W, 'https://ca.linkedin.com/in/janewhitlock'),
    ('country subdomain uk.linkedin.com', W, 'https://uk.linkedin.com/in/janewhitlock'),
    ('mobile m.linkedin.com', W, 'https://m.linkedin.com/in/janewhitlock'),
    ('locale suffix /en/', W, 'https://www.linkedin.com/in/janewhitlock/en/'),
    ('bare handle', W, 'janewhitlock'),
    ('in/handle without host', W, 'in/janewhitlock'),
]
for name, a, b in cases:
    run(name, pair(a, b), ['Whitlock'])
PYEOF
