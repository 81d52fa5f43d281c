"""Demo catalogue: the standard datasets of 大田原市 published through the services, with 90 days of usage.

The loader runs as the demo ICT policy officer, so every write is audited like a clerk's; a second run adds
nothing. The data is in `opendata/data/demo_*.yaml` (shapes in `shapes`); the modules here keep only what is
generated: `places` (the city and its facilities, positions and numbers drawn from seeded generators),
`facilities`, `welfare` and `town` (the rows of each dataset), `catalogue` (the datasets),
`messy` (the messy upload for the fixing story) and `usage` (daily figures relative to today).
`loader` is the loader registered in apps.py; it imports the rest when it runs, since reading the YAML
takes a moment that start-up should not pay. Nothing here but `loader` needs Django set up.
"""
