"""Entry point of the standalone build: the same `nap-desktop` command line as the installed package."""

import sys

from nap_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
