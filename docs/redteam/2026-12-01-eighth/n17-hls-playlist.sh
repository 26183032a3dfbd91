#!/bin/sh
# N17: a public note's <video> plays one of the site's own files, an HLS playlist
# (clip.m3u8, linked so it is copied), whose segment is on another host. The
# audit checks pages, style sheets and scripts for loads from another host, not
# playlists. Exit 0. Headless Chromium (Debian's, here) fetched the segment
# when the page was opened (with the segment at http://127.0.0.1:8798/ and the
# site served from http://127.0.0.1:8797/); Safari plays HLS natively too.
# Also: an XML file framed by the page (<iframe src="../pages/data.xml">) whose
# <?xml-stylesheet type="text/css" href="https://evil.example/s.css"?> Chromium
# fetches (seen the same way); the audit reads the .xml as markup but not that
# processing instruction as a load.
set -e
D=${1:-/tmp/red8/N17}; sh "$(dirname "$0")/base.sh" "$D"
printf '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nhttps://evil.example/seg0.ts\n#EXT-X-ENDLIST\n' \
  > "$D/content/pages/clip.m3u8"
printf -- '---\ntitle: About\n---\nA clip:\n\n<video src="../pages/clip.m3u8" preload="auto" controls></video>\n\n[playlist](clip.m3u8)\n' \
  > "$D/content/pages/about.md"
printf '<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" href="https://evil.example/s.css"?>\n<notes><item>Hello</item></notes>\n' \
  > "$D/content/pages/data.xml"
printf -- '\n<iframe src="../pages/data.xml" title="data"></iframe>\n\n[data](data.xml)\n' >> "$D/content/pages/about.md"
cd "$D" && ivsite build; echo "exit $?"
grep -o '<video[^>]*>' _site/about/index.html; cat _site/pages/clip.m3u8 _site/pages/data.xml
