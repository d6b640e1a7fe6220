"""``python -m bench.linkage``: see :mod:`bench.linkage.run`."""

from bench.linkage.run import main

main()
