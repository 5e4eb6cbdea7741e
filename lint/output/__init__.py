"""What a run prints: findings for people, machine formats for CI, the terminal's colours and progress."""
