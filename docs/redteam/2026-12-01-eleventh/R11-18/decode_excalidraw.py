"""Prints the scene Excalidraw would load from an exported .svg or .png (standard library only)."""
import base64, json, re, struct, sys, zlib


def png_text(data):
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"tEXt" and body.startswith(b"application/vnd.excalidraw+json\x00"):
            return body.split(b"\x00", 1)[1].decode("latin-1")
        pos += 12 + length
    raise SystemExit(f"no scene in {path}")


for path in sys.argv[1:]:
    data = open(path, "rb").read()
    if data.startswith(b"\x89PNG"):
        meta = png_text(data)
    else:
        b64 = re.search(r"payload-start -->(.*?)<!-- payload-end", data.decode("utf-8"), re.S).group(1)
        meta = base64.b64decode(b64).decode("utf-8")
    encoded = json.loads(meta)["encoded"].encode("latin-1")
    for el in json.loads(zlib.decompress(encoded))["elements"]:
        print(f"{path}: {el['text']} (deleted: {el['isDeleted']})")
