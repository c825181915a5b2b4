"""The official taxonomies the outputs reference (US-GAAP, SRT, DEI) and the offline package that stands in for
them: `official` knows their entry points and element lists, `package` writes the taxonomy package Arelle loads
with --packages so that nothing has to be fetched."""
