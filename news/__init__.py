"""News articles in, jurisdictions, excerpts and quotes with provenance out."""
