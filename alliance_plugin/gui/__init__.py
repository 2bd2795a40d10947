"""Dock panel and widgets (they run Processing algorithms and never compute)."""
