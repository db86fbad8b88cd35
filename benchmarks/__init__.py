"""namefix's benchmark: quality on real and corrupted name errors, damage on clean text,
speed and memory at several gazetteer sizes, with peers measured in the same run.

Run it with ``python -m benchmarks`` (see benchmarks/README.md). Nothing here is imported by
namefix itself; the peers and matplotlib are optional extras (``pip install -e .[bench]``).
"""
