"""Console views: posters."""
