"""The ombudsman's app: the re-entry-ban register, the migrant's look-up, cases, statistics.

Built on :mod:`migdex.linkage`; views stay thin and call :mod:`.services`.
"""
