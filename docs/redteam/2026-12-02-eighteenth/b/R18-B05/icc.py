import sys, struct
base=open(sys.argv[1],'rb').read(); out=sys.argv[2]; split=len(sys.argv)<4
# minimal ICC v2 profile with a 'desc' and 'cprt' tag
desc_txt=b'Calibrated by Quentin Zabrowski\x00'
desc=b'desc'+b'\0'*4+struct.pack('>I',len(desc_txt))+desc_txt+b'\0'*(4+4+2+1+67)
cprt=b'text'+b'\0'*4+b'Copyright qzab@zenthor.example\x00'
tags=[(b'desc',desc),(b'cprt',cprt)]
off=128+4+12*len(tags); table=b''; data=b''
for sig,body in tags:
    body+=b'\0'*((-len(body))%4)
    table+=sig+struct.pack('>II',off+len(data),len(body)); data+=body
prof_body=struct.pack('>I',len(tags))+table+data
hdr=struct.pack('>I',128+len(prof_body))+b'none'+b'\x02\x10\x00\x00'+b'mntr'+b'RGB '+b'XYZ '+b'\0'*12+b'acsp'+b'\0'*(128-40)
prof=hdr+prof_body
def seg(m,body): return b'\xff'+bytes([m])+struct.pack('>H',len(body)+2)+body
if split:
    c1=prof.index(b'Zab')+3; c2=prof.index(b'zenthor')+3; pieces=[prof[:c1],prof[c1:c2],prof[c2:]]
else: pieces=[prof]
segs=b''.join(seg(0xE2,b'ICC_PROFILE\x00'+bytes([i+1,len(pieces)])+p) for i,p in enumerate(pieces))
open(out,'wb').write(base[:2]+segs+base[2:])
