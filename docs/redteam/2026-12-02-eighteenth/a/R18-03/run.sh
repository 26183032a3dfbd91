#!/bin/bash
# R18-03 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
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
# The person record holds the name in its own script (publish_name: false, private note);
# a public reflection names them in Latin letters the usual way. The contract: a name is found
# "romanised" and "by sound across scripts".
def one(native, body):
    B = f"""---
visibility: private
date: 2026-04-01
person:
  name: {native}
  company: Acme
alias: a designer
consent:
  publish_name: false
---
x
"""
    R = "---\ntitle: Thoughts\ndate: 2026-03-05\nvisibility: public\n---\n\n" + body + "\n"
    return {'content/interviews/b.md': B, 'content/reflections/r.md': R}
cases = [
    ('control: Russian',            'Иван Петров',  'I met Ivan Petrov at the fair.', 'Petrov'),
    ('control: Korean, given first', '박지우',       'I met Jiu Park at the fair.', 'Jiu Park'),
    ('control: Japanese kana, ou',  'さとう ゆき',   'I met Satou Yuki at the fair.', 'Satou'),
    ('control: Hindi',              'राहुल शर्मा',   'I met Rahul Sharma at the fair.', 'Sharma'),
    ('Korean 박 as Park, family first', '박지우',    'I met Park Jiwoo at the fair.', 'Jiwoo'),
    ('Korean RR Bak Jiu, family first', '박지우',    'I met Bak Jiu at the fair.', 'Bak Jiu'),
    ('Korean Park Ji-woo',          '박지우',       'I met Park Ji-woo at the fair.', 'Ji-woo'),
    ('Japanese kana, Hepburn Sato', 'さとう ゆき',   'I met Yuki Sato at the fair.', 'Sato'),
    ('Japanese kana, macron Satō',  'さとう ゆき',   'I met Yuki Satō at the fair.', 'Satō'),
    ('Japanese katakana Sato',      'サトウ ユキ',   'I met Yuki Sato at the fair.', 'Sato'),
    ('Japanese kanji',              '山田太郎',      'I met Taro Yamada at the fair.', 'Yamada'),
    ('Japanese kanji 2',            '田中博',        'I met Hiroshi Tanaka at the fair.', 'Tanaka'),
    ('Hebrew, short given name',    'דני כהן',       'I met Dani Cohen at the fair.', 'Cohen'),
    ('Thai',                        'สมชาย ใจดี',    'I met Somchai Jaidee at the fair.', 'Jaidee'),
    ('Cantonese (Hong Kong spelling)', '陳大文',     'I met Chan Tai Man at the fair.', 'Tai Man'),
]
for name, native, body, can in cases:
    run(name, one(native, body), [can])
PYEOF
