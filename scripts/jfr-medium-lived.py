import re, sys, collections
# jfr-medium-lived.py FILE [MIN_S MAX_S]: the allocation sites of objects still alive at a JFR dump and aged
# between MIN_S and MAX_S seconds (defaults 0.3 and 15): what survives young collections without living long.
# FILE is the text of `jfr print --events jdk.OldObjectSample --stack-depth 16 dump.jfr`, the dump taken with
# jcmd PID JFR.dump while the load runs (start the server with -XX:FlightRecorderOptions:old-object-queue-size=2048).
OURS = ('io.parley', 'org.h2', 'de.bwaldvogel', 'com.mongodb', 'org.apache.lucene', 'io.vertx', 'org.bson', 'io.netty')


def seconds(age):
    if ' s' not in age and 'ms' in age:
        return float(re.search(r'([\d.]+) ms', age).group(1)) / 1000
    m, s = re.search(r'(\d+) m', age), re.search(r'([\d.]+) s', age)
    return (int(m.group(1)) * 60 if m else 0) + (float(s.group(1)) if s else 0)


text = open(sys.argv[1]).read()
low, high = (float(sys.argv[2]), float(sys.argv[3])) if len(sys.argv) > 3 else (0.3, 15.0)
samples = text.split('jdk.OldObjectSample {')[1:]
sites, ages, kept = collections.Counter(), collections.defaultdict(list), 0
for sample in samples:
    age = seconds(re.search(r'objectAge = (.*)', sample).group(1))
    if not low <= age <= high:
        continue
    kept += 1
    kind = re.search(r'object = \s*\[\s*\n\s*(\S+)', sample)
    kind = re.sub(r'\[\d+\]', '[]', kind.group(1)) if kind else '?'
    frames = [f.split('(')[0] for f in re.findall(r'^\s+([\w.$<>]+\(.*?\))\s+line', sample, re.M)]
    short = [f.split('.')[-2] + '.' + f.split('.')[-1] for f in frames]
    site = next((s + ' [' + ' < '.join(short[:4]) + ']' for f, s in zip(frames, short)
                 if f.startswith(OURS)), '?')
    sites[(kind, site)] += 1
    ages[site].append(age)
print('%d of %d samples aged %.1f-%.1f s' % (kept, len(samples), low, high))
for (kind, site), count in sites.most_common(25):
    spread = sorted(ages[site])
    print('%4d %5.1f%%  %-28s %s  median age %.1f s' % (count, 100.0 * count / kept, kind[:28], site,
                                                      spread[len(spread) // 2]))
