"""Print what a PDF viewer shows of notes.pdf: the file is encrypted with the
standard security handler (RC4, revision 3) and an EMPTY user password, so every
viewer opens it without asking (only the owner password, which restricts copying
and printing, is set). Decrypt each string and stream (PDF 32000-1, 7.6.3)."""
import hashlib, re, sys
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
def rc4(key, data):
    s = list(range(256)); j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256; s[i], s[j] = s[j], s[i]
    i = j = 0; out = bytearray()
    for c in data:
        i = (i + 1) % 256; j = (j + s[i]) % 256; s[i], s[j] = s[j], s[i]
        out.append(c ^ s[(s[i] + s[j]) % 256])
    return bytes(out)
pdf = open(sys.argv[1], "rb").read()
enc = re.search(rb"/Encrypt (\d+) 0 R", pdf).group(1)
eobj = re.search(rb"\n" + enc + rb" 0 obj(.*?)endobj", pdf, re.S).group(1)
O = bytes.fromhex(re.search(rb"/O <([0-9a-f]+)>", eobj).group(1).decode())
P = int(re.search(rb"/P (-?\d+)", eobj).group(1))
n = int(re.search(rb"/Length (\d+)", eobj).group(1)) // 8
ID = bytes.fromhex(re.search(rb"/ID \[ ?<([0-9a-f]+)>", pdf).group(1).decode())
key = hashlib.md5(PAD + O + (P & 0xFFFFFFFF).to_bytes(4, "little") + ID).digest()
for _ in range(50):
    key = hashlib.md5(key[:n]).digest()
key = key[:n]
for m in re.finditer(rb"\n(\d+) 0 obj(.*?)endobj", pdf, re.S):
    num, body = int(m.group(1)), m.group(2)
    if str(num).encode() == enc:
        continue
    k = hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:min(n + 5, 16)]
    for s in re.finditer(rb"<([0-9a-f]+)>", body):
        print(num, "string:", rc4(k, bytes.fromhex(s.group(1).decode())).decode("latin-1"))
    st = re.search(rb"/Length (\d+).*?stream\r?\n", body, re.S)
    if st:
        print(num, "stream:", rc4(k, body[st.end():st.end() + int(st.group(1))]).decode("latin-1"))
        text = rc4(k, body[st.end():st.end() + int(st.group(1))])
        for h in re.findall(rb"<([0-9A-Fa-f]+)> Tj", text):
            print(num, "page text:", bytes.fromhex(h.decode()).decode("latin-1"))
