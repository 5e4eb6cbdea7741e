"""I/O at the edge: reading and writing files (encodings, atomic writes), finding the files to check,
git, TOML files and the user's cache folder."""
