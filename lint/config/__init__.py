"""Configuration: plancheck.toml and [tool.plancheck], the settings of a run and where they come from."""
