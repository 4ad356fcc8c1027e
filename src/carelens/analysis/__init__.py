"""Analyzers: each turns (seeker, response) pairs into :class:`~carelens.types.ResponseAnalysis`."""
