"""The `plancheck` command and its subcommands."""
