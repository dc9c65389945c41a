"""Services of the members app, one module per area (directory, accounts, privacy…)."""
