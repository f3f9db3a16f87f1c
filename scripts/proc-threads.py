import os, sys, time, re, collections
# per-thread CPU of a process over an interval: proc-threads.py PID SECONDS
pid, secs = sys.argv[1], float(sys.argv[2])
hz = os.sysconf('SC_CLK_TCK')
def snap():
    d = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            stat = open(f'/proc/{pid}/task/{tid}/stat').read()
            name = stat[stat.index('(')+1:stat.rindex(')')]
            f = stat[stat.rindex(')')+2:].split()
            d[tid] = (name, int(f[11]), int(f[12]))
        except Exception:
            pass
    return d
a = snap(); time.sleep(secs); b = snap()
g = collections.Counter(); us = collections.Counter()
for tid, (name, u, s) in b.items():
    if tid in a:
        n = re.sub(r'[-#]?\d+$', '', name)
        g[n] += (u - a[tid][1] + s - a[tid][2]) / hz / secs
        us[n+' (sys)'] += (s - a[tid][2]) / hz / secs
print('total %.3f cores, sys %.3f' % (sum(g.values()), sum(us.values())))
for n, v in g.most_common(18):
    print('%6.3f  sys %5.3f  %s' % (v, us[n+' (sys)'], n))
