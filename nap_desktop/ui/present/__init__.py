"""Presenting a pack full screen: slides, the presenter view and the show controller."""
