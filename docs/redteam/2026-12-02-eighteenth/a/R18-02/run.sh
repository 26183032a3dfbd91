#!/bin/bash
# R18-02 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
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
# One person, two notes, two spellings of the name: the public note says publish_name: true,
# a later private note about the same person says false. The contract: "when in doubt, two
# spellings are one person", and one "no" withholds the name everywhere. The public note's
# body does not name the person; its default title does (the display name).
def pair(nA, nB):
    A = f"""---
visibility: public
date: 2026-03-01
person:
  name: {nA}
  company: Acme
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
  name: {nB}
  company: Acme
alias: a designer
consent:
  publish_name: false
---
Second conversation; asked not to be named.
"""
    return {'content/interviews/a.md': A, 'content/interviews/b.md': B}
cases = [
    ('control: same name, other order', 'Quentin Zabrowski', 'Zabrowski, Quentin', 'Zabrowski'),
    ('control: given-name typo', 'Quentin Zabrowski', 'Qeuntin Zabrowski', 'Zabrowski'),
    ('control: middle name added', 'Jane Whitlock', 'Jane Quinn Whitlock', 'Whitlock'),
    ('control: romanised Russian', 'Ivan Petrov', 'Иван Петров', 'Petrov'),
    ('family-name typo (y/i)', 'Quentin Zabrowski', 'Quentin Zabrowsky', 'Zabrowski'),
    ('family-name doubled letter', 'Quentin Zabrowski', 'Quentin Zabbrowski', 'Zabrowski'),
    ('family-name dropped letter', 'Margaret Fitzwilliam', 'Margaret Fitzwiliam', 'Fitzwilliam'),
    ('goes by middle name: J. Robert', 'J. Robert Whitlock', 'Robert Whitlock', 'Whitlock'),
    ('double given name: Mary Jane', 'Mary Jane Whitlock', 'Jane Whitlock', 'Whitlock'),
    ('Japanese kanji record', 'Taro Yamada', '山田太郎', 'Yamada'),
    ('Japanese kana record', 'Taro Yamada', 'やまだ たろう', 'Yamada'),
    ('Korean record, usual spelling Park', 'Park Jiwoo', '박지우', 'Jiwoo'),
    ('Arabic record', 'Mohammed Salah', 'محمد صلاح', 'Salah'),
]
for name, a, b, can in cases:
    run(name, pair(a, b), [can])
PYEOF
