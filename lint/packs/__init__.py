"""Rule packs: loading and checking the TOML packs, selecting rules, and the compiled rule set kept
once per machine."""
