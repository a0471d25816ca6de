"""Widgets: they show and collect; rules live in ``sync`` and in plain modules."""
