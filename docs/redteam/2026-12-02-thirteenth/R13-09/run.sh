#!/bin/bash
# R13-09 (false refusal): Daniel Osei agreed to be named (publish_name: true in
# both notes); the first conversation is public, the second private. The
# public build fails: "withheld person would be published in
# pagefind/fragment/…": the Pagefind fragment of his public page is read for
# the private note's person name without the consented-name excuse the HTML
# pages get.
here=$(cd "$(dirname "$0")" && pwd); site=$(mktemp -d); cp -r "$here/site/." "$site/"
out=$(PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build 2>&1); rc=$?
echo "$out"; echo "exit status: $rc"
if [ $rc -ne 0 ]; then echo "REFUSED (false refusal: only consented, allowed text)"; else echo "OK (built)"; fi
rm -rf "$site"
