"""The composition root: the command line, the process that builds each role, migrations.

Nothing imports this package; it imports every layer below (import-linter checks it).
"""
