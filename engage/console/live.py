"""Console views: live."""
