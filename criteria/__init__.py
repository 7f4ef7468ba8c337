"""The built-in models, shipped inside the package (``ahp.criteria``)."""
