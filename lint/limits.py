"""Defaults of the limits a configuration can change, apart from the engine that enforces them,
so that reading a configuration does not load the engine."""

RULE_TIMEOUT = 10.0  # seconds one rule's regular expressions may run on one document
MAX_DELETION = 0.2  # share of a document's Han text that fixing may delete
MAX_INSERTION = 0.2  # share of a document's length by which fixing may grow it
MIN_INSERTION = 200  # characters a fix may add to any document, however short (a restored name)
