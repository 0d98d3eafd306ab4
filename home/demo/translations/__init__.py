"""Translations of the demo content (``home.demo.content``), one module per edition."""
