"""``python -m kzaz_relations`` runs the ``kzaz`` command."""

from .cli import main

raise SystemExit(main())
