"""migdex: open software for the people who measure and defend migrants' rights.

Libraries (no Django): :mod:`migdex.index` (composite policy index),
:mod:`migdex.linkage` (people across scripts), :mod:`migdex.mobility`
(border crossings to migration statistics). The CLI is :mod:`migdex.cli`.
"""

from migdex.errors import InputError, MigdexError

__version__ = "0.1.0"
__all__ = ["InputError", "MigdexError", "__version__"]
