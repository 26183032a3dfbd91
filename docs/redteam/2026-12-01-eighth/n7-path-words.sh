#!/bin/sh
# N7: the path rule reads French, Spanish and German privacy words (README), but
# only "private"/"draft" in them: "geheim" (secret), "vertraulich" is there but
# not "confidentiel"/"confidencial", nor "secreto", "nicht veröffentlichen",
# "unveröffentlicht", "no publicar", "ne pas publier", "inédit", "persönlich",
# "personnel", the words whose English forms (secret, confidential, do not
# publish, unpublished, personal) are in the list. A page kept in such a folder,
# and a file there, are published. Exit 0.
set -e
D=${1:-/tmp/red8/N7}; sh "$(dirname "$0")/base.sh" "$D"
mkdir -p "$D/content/pages/geheim" "$D/content/pages/no publicar"
printf -- '---\ntitle: Gehaltsverhandlung\n---\nGlobex bietet 105k, ich will 120k.\n' > "$D/content/pages/geheim/gehalt.md"
echo "Oferta de Globex: 105k" > "$D/content/pages/no publicar/oferta.txt"
printf -- '---\ntitle: About\n---\n[oferta](<no publicar/oferta.txt>)\n' > "$D/content/pages/about.md"
cd "$D" && ivsite build; echo "exit $?"
grep -o "Globex[^<]*" _site/gehalt/index.html | head -1; ls "_site/pages/no publicar/"
