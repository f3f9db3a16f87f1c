import os, sys, time, re, collections
# Per-thread CPU of a process (numbered pools summed): proc-threads.py PID SECONDS [--each-second]
# over the interval, or with --each-second one line a second, the 8 busiest: to line a slow second of the write
# series up with what ran in it (the JIT, the collector, H2).
pid, secs = sys.argv[1], float(sys.argv[2])
each_second = '--each-second' in sys.argv[3:]
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
def usage(a, b, secs):
    g = collections.Counter(); us = collections.Counter()
    for tid, (name, u, s) in b.items():
        if tid in a:
            n = re.sub(r'[-#]?\d+$', '', name)
            g[n] += (u - a[tid][1] + s - a[tid][2]) / hz / secs
            us[n] += (s - a[tid][2]) / hz / secs
    return g, us
if each_second:
    a = snap()
    for _ in range(int(secs)):
        time.sleep(1); b = snap()
        g, _ = usage(a, b, 1)
        print(time.strftime('%H:%M:%S', time.gmtime()), 'total %.2f' % sum(g.values()),
              ' '.join('%s=%.2f' % (n.replace(' ', '_'), v) for n, v in g.most_common(8) if v > 0), flush=True)
        a = b
    sys.exit(0)
a = snap(); time.sleep(secs); b = snap()
g, us = usage(a, b, secs)
print('total %.3f cores, sys %.3f' % (sum(g.values()), sum(us.values())))
for n, v in g.most_common(18):
    print('%6.3f  sys %5.3f  %s' % (v, us[n], n))
