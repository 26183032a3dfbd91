import sys
txt=b'Photo by Quentin Zabrowski, write to qzab@zenthor.example for the original.'
split = len(sys.argv) < 3
if split:  # sub-blocks cut inside the name and inside the address (as an encoder that writes short sub-blocks would)
    cuts=[0, txt.index(b'Zab')+3, txt.index(b'zenthor')+3, len(txt)]
else:
    cuts=[0, len(txt)]
sub=b''.join(bytes([b-a])+txt[a:b] for a,b in zip(cuts,cuts[1:]))+b'\x00'
gif=(b'GIF89a'+b'\x01\x00\x01\x00'+b'\x80\x00\x00'+b'\x00\x00\x00\xff\xff\xff'
     +b'\x21\xfe'+sub
     +b'\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00'+b'\x02\x02\x44\x01\x00'+b'\x3b')
open(sys.argv[1],'wb').write(gif)
