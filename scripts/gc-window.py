import re
import sys

# gc-window.py GC_LOG FROM_S TO_S: the young collections of a -Xlog:gc*:file=GC_LOG:uptime log within a window
# of the server's uptime: how many, time paused, regions promoted to the old generation (1 MB each with a 2-GB
# heap), survivor regions after each, and the humongous regions each found.
log, low, high = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
pauses = mixed = promoted = survivors = humongous = 0
paused = longest = 0.0
for line in open(log):
    match = re.match(r'\[([\d.]+)s\] GC\(\d+\) (.*)', line.strip())
    if not match or not low <= float(match.group(1)) < high:
        continue
    event = match.group(2)
    pause = re.match(r'Pause Young \((\w+)\).* ([\d.]+)ms$', event)
    if pause:
        pauses += 1
        mixed += pause.group(1) == 'Mixed'
        paused += float(pause.group(2))
        longest = max(longest, float(pause.group(2)))
    old = re.match(r'Old regions: (\d+)->(\d+)', event)
    if old:
        promoted += max(0, int(old.group(2)) - int(old.group(1)))
    survivor = re.match(r'Survivor regions: (\d+)->(\d+)', event)
    if survivor:
        survivors += int(survivor.group(2))
    giant = re.match(r'Humongous regions: (\d+)->(\d+)', event)
    if giant:
        humongous += int(giant.group(1))
seconds, each = high - low, max(pauses, 1)
print('young pauses %d (%.1f/s, %d mixed) paused %.0f ms/s mean %.1f max %.1f ms; promoted ~%.1f MB/s; '
      'survivors %.1f MB/pause; humongous before %.0f regions/pause'
      % (pauses, pauses / seconds, mixed, paused / seconds, paused / each, longest, promoted / seconds,
         survivors / each, humongous / each))
