#!/bin/bash
# R18-05 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
# memory is capped at ~3 GB so the machine is not exhausted; without the cap the 40-word case was SIGKILLed (exit -9)
ulimit -v 3000000
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
# A person.name of many words makes the build use memory and time steeply; at 24 words
# it dies with MemoryError and prints "internal error" with a Python traceback.
import time
def iv(name):
    return f"""---
visibility: public
date: 2026-03-01
person:
  name: {name}
  company: Acme
alias: a designer
consent:
  publish_name: false
---
We talked.
"""
for n in (2, 10, 16, 24):
    t = time.time()
    st = run(f'control: {n}-word name' if n <= 16 else f'{n}-word name', {'content/interviews/a.md': iv(' '.join(['Alpha'] * n))}, ['zzzz'])
    print(f'         ({time.time() - t:.1f} s)')
PYEOF
