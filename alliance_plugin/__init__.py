"""Alliance of Territories: territorial intelligence for QGIS.

``core`` holds the computations (pure Python, no QGIS), ``qgis_io`` the only
bridge between QGIS layers and data frames, ``gui`` the dock and widgets,
``toolbelt`` the small shared helpers (dependencies, i18n, paths).
"""
