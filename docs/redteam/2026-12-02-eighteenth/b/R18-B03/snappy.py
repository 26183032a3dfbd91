import sys, zipfile, struct
def varint(n):
    out=b''
    while True:
        b=n&0x7f; n>>=7
        if n: out+=bytes([b|0x80])
        else: return out+bytes([b])
def lit(s): return bytes([(len(s)-1)<<2])+s
def copy(off,ln): return bytes([((ln-4)<<2)|((off>>8)<<5)|1, off&0xff])
# "rowski. Coffee with Quentin Zabrowski"
a=b"rowski. Coffee with Quentin Zab"
blk1=lit(a)+copy(len(a),6)
u1=a+b"rowski"
e=b"hor.example mail qzab@zent"
blk2=lit(e)+copy(len(e),11)
u2=e+b"hor.example"
def block(u,b): return varint(len(u))+b
iwa=b''
for u,b in ((u1,blk1),(u2,blk2)):
    bb=block(u,b); iwa+=b'\x00'+struct.pack('<I',len(bb))[:3]+bb
z=zipfile.ZipFile(sys.argv[1],'w')
z.writestr('Index/Document.iwa',iwa)
z.writestr('Metadata/Properties.plist','<plist/>')
z.close()
