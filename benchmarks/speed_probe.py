"""Measure namefix in a fresh interpreter: build time, throughput, peak memory.

Run by benchmarks/speed.py as ``python -m benchmarks.speed_probe REQUEST.json``; prints one
JSON object. A separate process is the only way to read one configuration's peak RSS and
its start-up cost without the benchmark's own memory and imports mixed in. It imports
nothing from the benchmark package, so the figures are namefix's alone.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path

TOKEN = re.compile(r"\w+|[^\w\s]")


def main(request_path: str) -> None:
    request = json.loads(Path(request_path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    import namefix

    if hasattr(namefix, "Corrector") and (request["paths"] or not request["include_default"]):
        corrector = namefix.Corrector(request["paths"] or None, include_default=request["include_default"])
        correct = corrector.correct
    elif hasattr(namefix, "Corrector"):
        correct = namefix.Corrector().correct
    else:
        correct = namefix.correct
    correct("Defense Secretary Pete Hegses spoke on Friday.")
    build_seconds = time.perf_counter() - started
    result: dict[str, object] = {"build_seconds": build_seconds}
    if not request["build_only"]:
        corpus = json.loads(Path(request["corpus"]).read_text(encoding="utf-8"))
        processed = clean_tokens = clean_fixes = 0
        started = time.perf_counter()
        for document in corpus:
            fixes = correct(document["text"]).fixes
            processed += len(document["text"].encode("utf-8"))
            if document["clean"]:
                clean_tokens += len(TOKEN.findall(document["text"]))
                clean_fixes += len(fixes)
            if time.perf_counter() - started > request["budget"]:
                break
        result.update(
            seconds=time.perf_counter() - started,
            bytes=processed,
            clean_tokens=clean_tokens,
            clean_false_fixes=clean_fixes,
        )
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (2^20 bytes).

    Linux keeps `ru_maxrss` across exec, so a probe started by a big parent would report the
    parent's size; VmHWM in /proc/self/status belongs to this program image alone.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main(sys.argv[1])
