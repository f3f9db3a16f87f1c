# Per-second deltas of the write meters scraped by scripts/write-series.sh: batches, changes, the write timer's
# mean and the bucket bounds under which 99% and all of that second's batches fell. Usage: write-series.py series.txt
import re,sys
snaps=[]; cur=None
for l in open(sys.argv[1]):
    if l.startswith('T '): cur={'t':l.split()[1],'b':{}}; snaps.append(cur); continue
    m=re.match(r'parley_chat_store_write_seconds_bucket\{le="([^"]+)"\} (\S+)',l)
    if m: cur['b'][float('inf') if m.group(1)=='+Inf' else float(m.group(1))]=float(m.group(2)); continue
    m=re.match(r'(parley_chat_\w+) (\S+)',l)
    if m: cur[m.group(1)]=float(m.group(2))
for a,b in zip(snaps,snaps[1:]):
    n=b['parley_chat_store_write_seconds_count']-a['parley_chat_store_write_seconds_count']
    if n<=0: continue
    mean=(b['parley_chat_store_write_seconds_sum']-a['parley_chat_store_write_seconds_sum'])/n*1000
    ch=b['parley_chat_write_batch_sum']-a['parley_chat_write_batch_sum']
    les=sorted(b['b']); p99=None; mx=None
    for le in les:
        d=b['b'][le]-a['b'].get(le,0)
        if p99 is None and d>=0.99*n: p99=le*1000
        if mx is None and d>=n: mx=le*1000
    print(f"{b['t']} batches {n:4.0f} changes {ch:5.0f} ({ch/n:5.1f}/batch) write mean {mean:6.1f} ms p99<={p99:7.1f} max<={mx:7.1f}")
