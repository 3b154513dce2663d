"""NAP Briefing: The North American Project's figures as an offline desktop briefing tool."""

__version__ = "0.1.0"
