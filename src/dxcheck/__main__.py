"""The ``dxcheck`` command (console script) and ``python -m dxcheck``.

The cyclic garbage collector is switched off before anything is imported: one short run
makes no reference cycles worth collecting, and the collector would only walk the
imported modules and then every series and result again and again (about 25 ms of each
start, 0.1 s of a million-row run). Tests import ``dxcheck.cli`` instead and keep it on.
"""

import gc

gc.disable()

from dxcheck.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
