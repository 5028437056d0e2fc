"""actorgraph: explore actor-relationship graphs kept in two CSV files.

The package imports nothing heavy at start-up; modules that need networkx,
pandas or pyvis import them inside the functions that use them.
"""

__version__ = "0.1.0"
