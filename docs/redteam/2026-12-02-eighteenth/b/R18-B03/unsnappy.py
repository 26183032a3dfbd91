import sys, zipfile, struct
def unsnappy(b):
    i=0; n=0; sh=0
    while True:
        c=b[i]; i+=1; n|=(c&0x7f)<<sh; sh+=7
        if not c&0x80: break
    out=bytearray()
    while i<len(b):
        t=b[i]; i+=1; k=t&3
        if k==0:
            ln=(t>>2)+1; out+=b[i:i+ln]; i+=ln
        elif k==1:
            ln=((t>>2)&7)+4; off=((t>>5)<<8)|b[i]; i+=1
            for _ in range(ln): out.append(out[-off])
        else: raise SystemExit('unsupported')
    return bytes(out)
z=zipfile.ZipFile(sys.argv[1]); d=z.read('Index/Document.iwa'); j=0; txt=b''
while j<len(d):
    ln=int.from_bytes(d[j+1:j+4],'little'); txt+=unsnappy(d[j+4:j+4+ln])+b'\n'; j+=4+ln
print(txt.decode())
