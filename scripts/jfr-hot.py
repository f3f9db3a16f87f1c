#!/usr/bin/env python3
"""Where sampled threads spend their time, from JFR execution samples.

    jfr print --events jdk.ExecutionSample --stack-depth 96 run.jfr > exec.txt
    scripts/jfr-hot.py exec.txt [THREAD_PREFIX] [--from HH:MM:SS] [--to HH:MM:SS] [--with NAME]...

Prints the share of samples per thread group, then for the threads whose name starts with THREAD_PREFIX
(all if omitted): the hottest methods by self time, the Parley methods by inclusive time (each counted once per
stack), and the nearest Parley frame of each sample, which names the feature that paid for it. Each --with NAME
adds the share of those samples with a frame whose name contains NAME, of any library (say
VertxEventBusMetrics, or MongoClientImpl.toBson).
"""
import re
import sys
from collections import Counter

FRAME = re.compile(r'^\s+([\w$.<>]+)\(')


def events(path, begin, end):
    thread, time, frames, inside = None, None, [], False
    with open(path, encoding='utf-8', errors='replace') as text:
        for line in text:
            if line.startswith('jdk.ExecutionSample'):
                thread, time, frames, inside = None, None, [], False
            elif 'startTime = ' in line:
                time = line.split('=', 1)[1].strip()[:8]
            elif 'sampledThread = ' in line:
                thread = line.split('"')[1]
            elif 'stackTrace = [' in line:
                inside = True
            elif inside and line.strip() == ']':
                inside = False
                if (begin is None or time >= begin) and (end is None or time <= end):
                    yield thread, frames
            elif inside:
                match = FRAME.match(line)
                if match:
                    frames.append(match.group(1))


def group(thread):
    return re.sub(r'[-#]?\d+$', '', thread)


def show(title, counter, total, top=25):
    print(f'\n# {title}')
    for name, count in counter.most_common(top):
        print(f'{100.0 * count / total:6.1f}%  {name}')


def main():
    args, begin, end, holding = [], None, None, []
    argv = iter(sys.argv[1:])
    for arg in argv:
        if arg == '--from':
            begin = next(argv)
        elif arg == '--to':
            end = next(argv)
        elif arg == '--with':
            holding.append(next(argv))
        else:
            args.append(arg)
    prefix = args[1] if len(args) > 1 else ''
    groups, self_time, inclusive, nearest, total, chosen = Counter(), Counter(), Counter(), Counter(), 0, 0
    held = Counter()
    for thread, frames in events(args[0], begin, end):
        total += 1
        groups[group(thread)] += 1
        if not thread.startswith(prefix) or not frames:
            continue
        chosen += 1
        self_time[frames[0]] += 1
        parley = [frame for frame in frames if frame.startswith('io.parley.')]
        for frame in set(parley):
            inclusive[frame] += 1
        nearest[parley[0] if parley else '(no Parley frame) ' + frames[-1]] += 1
        for name in holding:
            if any(name in frame for frame in frames):
                held[name] += 1
    show(f'thread groups ({total} samples)', groups, total, 15)
    if chosen:
        show(f'self, threads {prefix!r}* ({chosen} samples)', self_time, chosen)
        show('Parley methods, inclusive', inclusive, chosen, 40)
        show('nearest Parley frame', nearest, chosen, 30)
        if holding:
            print('\n# samples with a frame named')
            for name in holding:
                print(f'{100.0 * held[name] / chosen:6.1f}%  {name}')


if __name__ == '__main__':
    main()
