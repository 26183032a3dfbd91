#!/bin/bash
# R18-09 reproducer: prints LEAKED / OK / REFUSED per case (a leak = exit 0 and the canary in the output)
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
# The front matter says publish_name: true, but the note itself says the person refused or
# withdrew consent to be named. ivsite reads a YAML comment that doubts the setting
# ("publish_name: true  # not yet" is a setting-comment error) but not the same doubt
# written in the note's text. The name is published - next to the sentence saying it
# must not be.
def iv(body, consent='true', comment='', person_extra='', extra=''):
    return f"""---
visibility: public
date: 2026-03-01
person:
  name: Quentin Zabrowski
  company: Acme
{person_extra}alias: a designer at an agency
consent:
  publish_name: {consent}{comment}
{extra}---

{body}
"""
cases = [
    ('control: publish_name false, neutral body', iv('We talked about design.', consent='false')),
    ('control: comment doubts the setting',      iv('We talked about design.', comment='  # not yet: she withdrew')),
    ('body: asked me not to use her name',       iv('We talked about design. She asked me not to use her name on the site.')),
    ('body: update, withdrew consent',           iv('We talked.\n\nUpdate 2026-04-02: she withdrew her consent to be named.')),
    ('body: asked to stay anonymous',            iv('We talked. He asked to stay anonymous.')),
    ('body: quoted request',                     iv('## Update\n\nQuentin emailed: "please take my name off your site."')),
    ('person.note: asked not to be named',       iv('We talked.', person_extra='  note: asked not to be named on the site\n')),
    ('top-level notes: remain anonymous',        iv('We talked.', extra='notes: She asked to remain anonymous.\n')),
    ('summary says it',                          iv('We talked.', extra='summary: Design chat (she asked not to be named).\n')),
    ('tags: [anonymous]',                        iv('We talked.', extra='tags: [design, anonymous]\n')),
]
for name, text in cases:
    st = run(name, {'content/interviews/a.md': text}, ['Zabrowski'])
print('(for the controls, OK/REFUSED is the expected result; every LEAKED line publishes the\n'
      ' name of someone the note says refused)')
PYEOF
