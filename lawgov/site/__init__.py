"""A static site of the warehouse, to look before querying: indicators, region × year tables
and charts, every document with its numbers highlighted in its text, the data-quality
problems with links to their evidence, and the models. Plain files with relative links, so
it opens from the file system as well as from any web server."""

from lawgov.site.pages import SiteSummary, build_site

__all__ = ["SiteSummary", "build_site"]
