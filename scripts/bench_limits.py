"""Time and peak memory of newsfuse on the two extreme inputs the issue names.

    python scripts/bench_limits.py

1. one 5 MB article (synthetic news-like prose, 5 sentences a paragraph);
2. a cluster of 1,000 documents of about 300 words each;
3. one article hard-wrapped at 40 characters into 100,000 lines with no blank line (a mailing-list archive's or a
   PDF's text): joining wrapped lines must stay linear (it was quadratic: 20,000 such lines took 166 s).
Each runs in its own process so the peak RSS printed is that case's alone.
"""

from __future__ import annotations

import json
import subprocess
import sys

CASE = r"""
import random, resource, sys, time
import newsfuse
random.seed(0)
words = ("bridge city council cracks girders inspectors mayor repairs traffic river harbor downtown "
         "engineers steel weeks million drivers detour closure state").split()
def sentence():
    return " ".join(random.choice(words) for _ in range(random.randint(8, 20))).capitalize() + "."
if sys.argv[1] == "5mb":
    paras, size = [], 0
    while size < 5_000_000:
        p = " ".join(sentence() for _ in range(5))
        paras.append(p)
        size += len(p) + 2
    docs = ["\n\n".join(paras)]
elif sys.argv[1] == "1000docs":
    docs = [" ".join(sentence() for _ in range(20)) for _ in range(1000)]
else:
    import textwrap
    lines = []
    while len(lines) < 100_000:
        lines += textwrap.wrap(" ".join(sentence() for _ in range(200)), 40)
    docs = ["\n".join(lines[:100_000])]
t = time.perf_counter()
brief = newsfuse.summarize(docs, words=120)
print(json.dumps({"case": sys.argv[1], "chars": sum(map(len, docs)), "seconds": round(time.perf_counter() - t, 2),
                  "sentences_in": brief.stats.sentences_in, "words": brief.stats.words,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def main() -> int:
    for case in ("5mb", "1000docs", "wrapped"):
        out = subprocess.run([sys.executable, "-c", "import json\n" + CASE, case], capture_output=True, text=True)
        if out.returncode:
            print(f"{case}: failed: {out.stderr.strip().splitlines()[-1]}")
            return 1
        r = json.loads(out.stdout)
        print(f"{r['case']}: {r['chars']:,} chars, {r['sentences_in']:,} sentences -> {r['words']} words in "
              f"{r['seconds']} s, peak RSS {r['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
