"""Outputs built on a finished site: PDFs of its pages, LMS packages."""
