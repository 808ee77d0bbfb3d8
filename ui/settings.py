"""The operator's settings of the app: an environment variable, else ``.streamlit/secrets.toml``.

Streamlit keeps an app's own settings in ``st.secrets`` (``config.toml`` accepts only
Streamlit's options), under a section named after the app::

    # .streamlit/secrets.toml
    [sanctuary]
    allow_private_urls = true

An environment variable of the same meaning wins over the file, as ``SANCTUARY_DATABASE_URL``
wins over ``[connections.sanctuary]`` (see :mod:`ui.cache`), so a container can be configured
without a file.
"""

from __future__ import annotations

import os

import streamlit as st

SECTION = "sanctuary"
ALLOW_PRIVATE_ENV = "SANCTUARY_ALLOW_PRIVATE_URLS"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"", "0", "false", "no", "off"})


def parse_flag(value: object) -> bool | None:
    """``True``/``False`` for a TOML boolean or the usual words (1, yes, on...); None if unclear."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def _secret(name: str) -> object:
    try:
        section = st.secrets.get(SECTION)
    except FileNotFoundError:  # no secrets.toml (Streamlit raises a subclass of it)
        return None
    getter = getattr(section, "get", None)
    return getter(name) if getter is not None else None


def allow_private_urls() -> bool:
    """Whether the Add page may fetch loopback, private and link-local addresses.

    Off unless the operator turns it on: ``$SANCTUARY_ALLOW_PRIVATE_URLS`` (``1``/``true``...),
    else ``allow_private_urls`` under ``[sanctuary]`` in ``.streamlit/secrets.toml``. A value
    that is neither true nor false keeps it off (a typo must not open the server's network).
    """
    env = os.environ.get(ALLOW_PRIVATE_ENV)
    value = env if env is not None and env.strip() else _secret("allow_private_urls")
    return parse_flag(value) is True if value is not None else False
