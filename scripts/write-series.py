# Per-second deltas of the write meters scraped by scripts/write-series.sh: batches, changes, the write timer's
# mean and the bucket bounds under which 99% and all of that second's batches fell; the embedded store's commits for
# durable writes, when its meters are there. Usage: write-series.py series.txt
import re,sys
snaps=[]; cur=None
for l in open(sys.argv[1]):
    if l.startswith('T '): cur={'t':l.split()[1],'b':{}}; snaps.append(cur); continue
    m=re.match(r'parley_chat_store_write_seconds_bucket\{le="([^"]+)"\} (\S+)',l)
    if m: cur['b'][float('inf') if m.group(1)=='+Inf' else float(m.group(1))]=float(m.group(2)); continue
    m=re.match(r'(parley_(?:chat|store)_\w+) (\S+)',l)
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
    line=f"{b['t']} batches {n:4.0f} changes {ch:5.0f} ({ch/n:5.1f}/batch) write mean {mean:6.1f} ms p99<={p99:7.1f} max<={mx:7.1f}"
    if 'parley_store_durable_commits_total' in b and 'parley_store_durable_commits_total' in a:
        c=b['parley_store_durable_commits_total']-a['parley_store_durable_commits_total']
        w=b['parley_store_durable_writes_total']-a['parley_store_durable_writes_total']
        line+=f" commits {c:4.0f} ({w/c if c else 0:4.1f} writes each)"
    print(line)
