"""`plancheck report`: one self-contained HTML page about a corpus."""
