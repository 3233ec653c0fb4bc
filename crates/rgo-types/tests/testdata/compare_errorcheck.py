"""Compares rgo's type errors with the real compiler's on Go's own test suite.

For every `// errorcheck` file of GOTEST (default /usr/share/go-1.19/test)
whose imports the fixture packages (pkgs/) provide, runs `go build` (GO,
default /tmp/govenv/bin/go) and rgo's checker (the `check` example, built
with `cargo build -p rgo-types --example check`; CHECK names the binary) and
counts the files whose printed errors (`./x.go:line:col: msg` lines, gc's
10-error limit included) are identical. Differences go to /tmp/ec/diffs.txt.
Nothing from Go's test suite is copied: the files are read in place.
ALLFILES=1 with GOTEST=$GOROOT/src/internal/types/testdata measures the
same on go/types' own test corpus (every file, whatever its first line).
"""
import os, re, subprocess, sys, glob
root=os.environ.get('GOTEST','/usr/share/go-1.19/test')
pk=os.path.join(os.path.dirname(os.path.abspath(__file__)),'pkgs')
go=os.environ.get('GO','/tmp/govenv/bin/go')
chk=os.environ.get('CHECK','/tmp/tgt-types/debug/examples/check')
os.makedirs('/tmp/ec',exist_ok=True)
files=[]
for dp, dn, fn in os.walk(root):
    for f in fn:
        if f.endswith('.go'):
            files.append(os.path.join(dp,f))
files.sort()
tot=same=0
diffs=[]
for p in files:
    try: src=open(p,encoding='utf-8').read()
    except: continue
    first=src.split('\n',1)[0].strip()
    # ALLFILES=1 takes every file (e.g. for go/types' own testdata, whose
    # files carry /* ERROR */ comments instead of a `// errorcheck` line).
    if first != '// errorcheck' and not os.environ.get('ALLFILES'): continue
    imps=re.findall(r'^\s*(?:import\s+)?(?:\w+\s+|\.\s+|_\s+)?"([^"]+)"', src, re.M)
    if any(i!='unsafe' and not os.path.isdir(os.path.join(pk,i)) for i in imps): continue
    open('/tmp/ec/x.go','w').write(src)
    g=subprocess.run([go,'build','-o','/dev/null','x.go'],cwd='/tmp/ec',capture_output=True,text=True,env=dict(os.environ,GO111MODULE='off',GOFLAGS=''))
    gl=[l for l in (g.stdout+g.stderr).split('\n') if l.startswith('./x.go:')]
    r=subprocess.run([chk,'x.go'],cwd='/tmp/ec',capture_output=True,text=True)
    rl=[l for l in r.stdout.split('\n') if l.startswith('./x.go:')]
    if any('syntax error' in l for l in gl): continue
    # The go command itself rejected the file (its own parse of imports:
    # `x.go:10:6: expected ';'`, `invalid import path`): not compiler output.
    if not gl and any(re.match(r'^(/\S*/)?x\.go:\d+', l) for l in (g.stdout+g.stderr).split('\n')): continue
    tot+=1
    if gl==rl: same+=1
    else: diffs.append((p,gl,rl))
print('identical first-lines output: %d/%d'%(same,tot))
with open('/tmp/ec/diffs.txt','w') as f:
    for p,gl,rl in diffs:
        f.write('== %s\n'%p)
        gs=set(gl); rs=set(rl)
        for l in gl:
            if l not in rs: f.write('- '+l+'\n')
        for l in rl:
            if l not in gs: f.write('+ '+l+'\n')
