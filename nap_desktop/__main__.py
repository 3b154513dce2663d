"""Allows `python -m nap_desktop`."""

from nap_desktop.cli import main

raise SystemExit(main())
