"""Allow `python -m kinerja …`."""

from .cli import main

raise SystemExit(main())
