"""Running plancheck over files: the per-file pipeline and the process pool, the results cache and
baselines."""
